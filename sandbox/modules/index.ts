// The service modules of one instance: their clients, fan-out of events, scheduler, HTTP routes and /health counters.

import type { PlatformVersion } from '../../catalog/index.ts';
import type { Pools } from '../db.ts';
import type { Faults } from '../faults.ts';
import type { Logger } from '../log.ts';
import { createFanOut, type FanOut } from '../notify/fanout.ts';
import { createMailer } from '../notify/mail.ts';
import { createSmsClient } from '../notify/sms.ts';
import { createModuleStore } from '../store/index.ts';
import { withLegacyAccountFaults } from './legacy-faults.ts';
import type { BackgroundTasks } from '../tasks.ts';
import { createModuleClock, type BaseClock } from './clock.ts';
import { emptyStats, type ModuleContext } from './context.ts';
import { createOutbound } from './outbound.ts';
import { startScheduler, type Scheduler } from './scheduler.ts';

export type { ModuleContext } from './context.ts';
export { runAccountJobs } from './jobs.ts';

export interface ModuleOptions {
  version: PlatformVersion;
  pools: Pools;
  log: Logger;
  tasks: BackgroundTasks;
  faults: Faults;
  smsUrl: string;
  mailUrl: string | undefined;
  paymentUrl: string | undefined;
  aiUrl: string | undefined;
  monitoringUrl: string | undefined;
  /** The platform's clock; real time when the instance has none. */
  clock?: BaseClock;
  /** The offer's modules the customer left on; all of them when the instance has no such setting. */
  switchedOn?: (accountId: number, offered: string[]) => Promise<string[]>;
}

export interface Modules {
  context: ModuleContext;
  fanOut: FanOut;
  /** Counters added to /health. */
  vitals(): Record<string, unknown>;
  /** Tells the modules where this instance listens (the payment provider's webhooks come back there). */
  setSelfUrl(url: string): void;
  startScheduler(): Scheduler;
}

export function createModules(o: ModuleOptions): Modules {
  const store = withLegacyAccountFaults(createModuleStore(o.version, o.pools), o.faults, o.version);
  const base: BaseClock = o.clock ?? (async () => new Date());
  const outbound = createOutbound(o.log);
  const sms = createSmsClient(o.smsUrl, o.log, outbound);
  const mail = createMailer(o.mailUrl, store.outbox, outbound, base, o.log);
  let selfUrl: string | undefined;
  const context: ModuleContext = {
    version: o.version,
    store,
    clock: createModuleClock(base, store.state),
    providers: { sms, mail, aiUrl: o.aiUrl, paymentUrl: o.paymentUrl, monitoringUrl: o.monitoringUrl },
    outbound,
    stats: emptyStats(),
    tasks: o.tasks,
    faults: o.faults,
    log: o.log,
    selfUrl: () => selfUrl,
    switchedOn: o.switchedOn ?? (async (_id, offered) => offered),
  };
  return {
    context,
    fanOut: createFanOut(context),
    vitals: () => ({
      sms: { ...sms.stats },
      mail: { ...mail.stats },
      modules: structuredClone(context.stats),
      outbound: { ...outbound.stats },
    }),
    setSelfUrl: (url) => void (selfUrl = url),
    startScheduler: () => startScheduler(context, o.pools.accounts),
  };
}

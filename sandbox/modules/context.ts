// What every module works with: the store, the clock, the providers' clients, counters, background work.

import type { PlatformVersion } from '../../catalog/index.ts';
import type { Faults } from '../faults.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../notify/mail.ts';
import type { SmsClient } from '../notify/sms.ts';
import type { ModuleStore } from '../store/index.ts';
import type { BackgroundTasks } from '../tasks.ts';
import type { ModuleClock } from './clock.ts';
import type { Outbound } from './outbound.ts';

export interface ModuleStats {
  recordings: { stored: number; purged: number };
  ai: { requested: number; labelled: number; unavailable: number };
  homeCare: { alerts: number };
  monitoring: { forwarded: number; acknowledged: number; escalated: number };
  payments: { charged: number; refused: number; unavailable: number; unknown: number; invoiced: number; suspended: number; webhooks: number };
  /** Events stored while the account's modules were suspended (nothing ran for them). */
  suspendedEvents: number;
  /** Scheduler ticks that ran the jobs, and those that stayed idle because the platform was in maintenance. */
  scheduler: { ran: number; idleInMaintenance: number };
}

export interface Providers {
  sms: SmsClient;
  mail: Mailer;
  aiUrl: string | undefined;
  paymentUrl: string | undefined;
  monitoringUrl: string | undefined;
}

export interface ModuleContext {
  /** The instance's version: V10 regressions (fault switches) break V10 only. */
  version: PlatformVersion;
  store: ModuleStore;
  clock: ModuleClock;
  providers: Providers;
  outbound: Outbound;
  stats: ModuleStats;
  tasks: BackgroundTasks;
  faults: Faults;
  log: Logger;
  /** This instance's own base URL (known once it listens), for the payment provider's webhooks. */
  selfUrl(): string | undefined;
  /** The offer's modules the customer has not switched off (customer space settings). */
  switchedOn(accountId: number, offered: string[]): Promise<string[]>;
}

export function emptyStats(): ModuleStats {
  return {
    recordings: { stored: 0, purged: 0 },
    ai: { requested: 0, labelled: 0, unavailable: 0 },
    homeCare: { alerts: 0 },
    monitoring: { forwarded: 0, acknowledged: 0, escalated: 0 },
    payments: { charged: 0, refused: 0, unavailable: 0, unknown: 0, invoiced: 0, suspended: 0, webhooks: 0 },
    suspendedEvents: 0,
    scheduler: { ran: 0, idleInMaintenance: 0 },
  };
}

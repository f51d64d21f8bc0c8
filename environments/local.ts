// The stand-in platform on this machine (local, services, containers): databases, broker, third-party stubs and N instances.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogDir, loadCatalog } from '../catalog/index.ts';
import { startStubServer, type StartedStubServer } from '../simulators/index.ts';
import type { OpsTool } from '../lib/ops-tool.ts';
import { RunRegistry, reapOrphans } from './children.ts';
import { scopeFaults } from './faults.ts';
import { InstanceFleet } from './instances.ts';
import { discardSessions, holdBroker, probeBroker, startEmbeddedBroker, type StartedBroker } from './mqtt.ts';
import { platformOperations, runOperation } from './operations.ts';
import { startEmbeddedPostgres, useExternalPostgres, type StartedPostgres } from './postgres.ts';
import type { EnvironmentDescriptor, EnvironmentKind, StartOptions, StartedEnvironment } from './types.ts';

const repoRoot = join(import.meta.dirname, '..');

/** The stand-in platform's ops tool: its admin CLI on the Node that runs the harness (the descriptor's `opsTool`). */
export const localOpsTool: OpsTool = { command: process.execPath, args: [join(repoRoot, 'sandbox', 'admin.ts')], cwd: repoRoot };

export interface ServiceUrls {
  databaseUrl: string | undefined;
  mqttUrl: string | undefined;
}

/** What the stand-in platform's instances are started with; every third-party stub's URL comes from the stub table. */
export function platformServerArgs(parts: {
  dbArgs: readonly string[];
  mqttUrl: string;
  mqttSession: string;
  stubs: Pick<StartedStubServer, 'platformArgs'>;
  platformFaults: readonly string[];
  options: Pick<StartOptions, 'noticeAt' | 'clockShiftDays'>;
}): string[] {
  const { options } = parts;
  return [
    ...parts.dbArgs, '--mqtt-url', parts.mqttUrl, '--mqtt-session', parts.mqttSession, ...parts.stubs.platformArgs(),
    ...parts.platformFaults.flatMap((fault) => ['--fault', fault]),
    // The platform's clock may be set here, on this machine only; the notice date is the run's configuration.
    '--test-clock', ...(options.noticeAt ? ['--notice-at', options.noticeAt] : []), ...(options.clockShiftDays ? [`--test-clock-shift-days=${options.clockShiftDays}`] : []),
  ];
}

/** Starts everything a local run needs; what fails to start is stopped again and reported as a broken environment. */
export async function startLocalEnvironment(kind: EnvironmentKind, services: ServiceUrls, options: StartOptions): Promise<StartedEnvironment> {
  // A broken catalog is bad input (a CatalogError, so a configuration error), not a platform that fails to start.
  loadCatalog(defaultCatalogDir);
  reapOrphans();
  mkdirSync(options.logDir, { recursive: true });
  const faults = scopeFaults(options.faults);
  const registry = new RunRegistry(options.runId);
  const stack = new AsyncDisposableStack();
  stack.defer(() => registry.remove());
  try {
    // The broker first: probing a named one takes milliseconds, so an unreachable broker is said before PostgreSQL is
    // initialised and stopped again for nothing (seconds, many more on a loaded machine).
    if (services.mqttUrl) stack.use(holdBroker(services.mqttUrl, options.runId));
    const broker: StartedBroker = services.mqttUrl ? await probeBroker(services.mqttUrl) : await startEmbeddedBroker();
    stack.use(broker);
    const postgres: StartedPostgres = services.databaseUrl
      ? await useExternalPostgres(services.databaseUrl, options.runId)
      : await startEmbeddedPostgres(options.runId, registry);
    stack.use(postgres);
    const stubs = stack.use(await startStubServer());
    const { databases } = postgres;
    const dbArgs = ['--accounts-url', databases.accounts, '--events-url', databases.events, '--media-url', databases.media, '--catalog', defaultCatalogDir];
    await runOperation(localOpsTool, `init ${options.version}`, ['init', '--version', options.version, ...dbArgs], 60_000);
    // Persistent MQTT sessions named after the run: what devices publish while the instances are away (maintenance,
    // redeployment) waits at the broker; another run on the same broker has its own.
    const mqttSession = `kw-${options.runId.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60)}`;
    const serverArgs = platformServerArgs({ dbArgs, mqttUrl: broker.url, mqttSession, stubs, platformFaults: faults.platform, options });
    const fleet = new InstanceFleet({ serverArgs, logDir: options.logDir, registry });
    // Last: a real broker would otherwise keep queueing for the run's sessions after it ended.
    stack.defer(() => discardSessions(broker.url, Array.from({ length: options.instances }, (_, i) => `${mqttSession}-i${String(i + 1).padStart(2, '0')}`)));
    stack.defer(() => fleet.stopAll());
    await fleet.start(options.version, options.instances);
    let version = options.version;
    const describe = (): EnvironmentDescriptor => ({
      name: kind.name,
      runId: options.runId,
      capabilities: kind.capabilities,
      opsTool: localOpsTool,
      platform: { expectedVersion: version, instances: fleet.addresses },
      mqttUrl: broker.url,
      databases,
      databaseServer: postgres.serverUrl,
      stubsUrl: stubs.url,
      catalogDir: defaultCatalogDir,
      testAccounts: [],
    });
    const owned = stack.move();
    return {
      get descriptor() {
        return describe();
      },
      operations: platformOperations(localOpsTool, databases, faults, defaultCatalogDir),
      async redeploy(next) {
        version = next;
        await fleet.redeploy(next, faults.deploy);
      },
      deadInstances: () => fleet.dead(),
      stop: () => owned.disposeAsync(),
      [Symbol.asyncDispose]: () => owned.disposeAsync(),
    };
  } catch (error) {
    await stack.disposeAsync();
    throw error;
  }
}

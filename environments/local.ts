// The local environment: databases, broker, third-party stubs and N stand-in platform instances on this machine.

import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogDir } from '../catalog/index.ts';
import { startStubServer } from '../simulators/index.ts';
import { RunRegistry, reapOrphans, runToCompletion, spawnUntilReady, stopChild } from './children.ts';
import { probeBroker, startEmbeddedBroker, type StartedBroker } from './mqtt.ts';
import { startEmbeddedPostgres, useExternalPostgres, type StartedPostgres } from './postgres.ts';
import type { EnvironmentDescriptor, EnvironmentName, PlatformInstance, StartOptions, StartedEnvironment } from './types.ts';

const sandboxDir = join(import.meta.dirname, '..', 'sandbox');

export interface ServiceUrls {
  databaseUrl: string | undefined;
  mqttUrl: string | undefined;
}

interface RunningInstance extends PlatformInstance {
  child: ChildProcess;
  stopping: boolean;
}

/** Starts everything a local run needs; what fails to start is stopped again and reported as a broken environment. */
export async function startLocalEnvironment(name: EnvironmentName, services: ServiceUrls, options: StartOptions): Promise<StartedEnvironment> {
  reapOrphans();
  mkdirSync(options.logDir, { recursive: true });
  const registry = new RunRegistry(options.runId);
  const stack = new AsyncDisposableStack();
  stack.defer(() => registry.remove());
  try {
    const postgres: StartedPostgres = services.databaseUrl
      ? await useExternalPostgres(services.databaseUrl, options.runId)
      : await startEmbeddedPostgres(options.runId, registry);
    stack.use(postgres);
    const broker: StartedBroker = services.mqttUrl ? await probeBroker(services.mqttUrl) : await startEmbeddedBroker();
    stack.use(broker);
    const stubs = stack.use(await startStubServer());
    const { databases } = postgres;
    const common = ['--accounts-url', databases.accounts, '--events-url', databases.events, '--media-url', databases.media, '--catalog', defaultCatalogDir];
    await runToCompletion(join(sandboxDir, 'admin.ts'), ['init', '--version', options.version, ...common], { timeoutMs: 60_000, label: `sandbox init (${options.version})` });
    const instances: RunningInstance[] = [];
    stack.defer(async () => {
      for (const instance of instances) instance.stopping = true;
      await Promise.all(instances.map((instance) => stopChild(instance.child)));
    });
    const serverArgs = [...common, '--mqtt-url', broker.url, '--sms-url', `${stubs.url}/sms`, ...options.faults.flatMap((fault) => ['--fault', fault])];
    const ids = Array.from({ length: options.instances }, (_, i) => `i${String(i + 1).padStart(2, '0')}`);
    // Started a few at a time: 46 Node processes at once would starve two cores.
    for (let i = 0; i < ids.length; i += 4) {
      const batch = ids.slice(i, i + 4);
      const started = await Promise.all(
        batch.map((id) =>
          spawnUntilReady(join(sandboxDir, 'server.ts'), ['--version', options.version, '--instance', id, '--port', '0', ...serverArgs], {
            marker: 'SANDBOX_READY',
            timeoutMs: 30_000,
            logFile: join(options.logDir, `platform-${id}.log`),
            label: `platform instance ${id}`,
          }),
        ),
      );
      for (const [index, spawned] of started.entries()) {
        registry.addPid(spawned.child.pid);
        instances.push({ id: batch[index] ?? '', url: String(spawned.ready['url']), child: spawned.child, stopping: false });
      }
    }
    const descriptor: EnvironmentDescriptor = {
      name,
      runId: options.runId,
      allowsWrites: true,
      platform: { expectedVersion: options.version, instances: instances.map(({ id, url }) => ({ id, url })) },
      mqttUrl: broker.url,
      databases,
      databaseServer: postgres.serverUrl,
      stubsUrl: stubs.url,
      catalogDir: defaultCatalogDir,
    };
    const owned = stack.move();
    return {
      descriptor,
      deadInstances: () =>
        instances
          .filter((instance) => !instance.stopping && (instance.child.exitCode !== null || instance.child.signalCode !== null))
          .map((instance) => ({ id: instance.id, exitCode: instance.child.exitCode, signal: instance.child.signalCode })),
      stop: () => owned.disposeAsync(),
      [Symbol.asyncDispose]: () => owned.disposeAsync(),
    };
  } catch (error) {
    await stack.disposeAsync();
    throw error;
  }
}

// The platform's instances of a local run: started in batches, stopped, and redeployed on another version.

import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { PlatformVersion } from '../catalog/index.ts';
import { spawnUntilReady, stopChild, type RunRegistry } from './children.ts';
import type { PlatformInstance } from './types.ts';

const serverScript = join(import.meta.dirname, '..', 'sandbox', 'server.ts');

interface RunningInstance extends PlatformInstance {
  version: PlatformVersion;
  child: ChildProcess | undefined;
  /** Stopped on purpose (tear-down, redeployment): its exit is not a failure of the environment. */
  stopping: boolean;
}

export interface FleetOptions {
  /** Flags every instance gets (databases, broker, third parties, faults). */
  serverArgs: string[];
  logDir: string;
  registry: RunRegistry;
}

export interface RedeployFaults {
  notRestarted: readonly string[];
  staysV9: readonly string[];
}

export class InstanceFleet {
  readonly #options: FleetOptions;
  #instances: RunningInstance[] = [];

  constructor(options: FleetOptions) {
    this.#options = options;
  }

  get addresses(): PlatformInstance[] {
    return this.#instances.map(({ id, url }) => ({ id, url }));
  }

  /** Starts `count` instances (i01, i02, ...) of `version`, a few at a time: 46 Node processes at once would starve two cores. */
  async start(version: PlatformVersion, count: number): Promise<void> {
    const ids = Array.from({ length: count }, (_, i) => `i${String(i + 1).padStart(2, '0')}`);
    this.#instances = await this.#startBatch(ids.map((id) => ({ id, version })));
  }

  /**
   * Stops every instance, then starts the same ids on `version`, but for those a deployment fault leaves down or on V9.
   * An instance that "stays on V9" while it runs V9 is simply not redeployed: its old process goes on answering, on
   * the old version, in front of the migrated databases (a V9 process started afresh would refuse the V10 schema).
   */
  async redeploy(version: PlatformVersion, faults: RedeployFaults = { notRestarted: [], staysV9: [] }): Promise<void> {
    const previous = this.#instances;
    const alive = (i: RunningInstance): boolean => i.child !== undefined && i.child.exitCode === null && i.child.signalCode === null;
    const kept = previous.filter((i) => faults.staysV9.includes(i.id) && i.version === 'v9' && alive(i));
    const replaced = previous.filter((i) => !kept.includes(i));
    await stop(replaced);
    const wanted = replaced.filter((i) => !faults.notRestarted.includes(i.id)).map((i) => ({ id: i.id, version: faults.staysV9.includes(i.id) ? ('v9' as const) : version }));
    const started = await this.#startBatch(wanted);
    // An instance left down keeps its old address: whoever checks it finds nobody there, as on the migration day.
    this.#instances = previous.map((old) => (kept.includes(old) ? old : started.find((s) => s.id === old.id) ?? { ...old, child: undefined, stopping: true }));
  }

  async stopAll(): Promise<void> {
    await stop(this.#instances);
  }

  /** Instances whose process exited while it should be running. */
  dead(): { id: string; exitCode: number | null; signal: string | null }[] {
    return this.#instances
      .filter((i) => i.child && !i.stopping && (i.child.exitCode !== null || i.child.signalCode !== null))
      .map((i) => ({ id: i.id, exitCode: i.child?.exitCode ?? null, signal: i.child?.signalCode ?? null }));
  }

  async #startBatch(wanted: { id: string; version: PlatformVersion }[]): Promise<RunningInstance[]> {
    const running: RunningInstance[] = [];
    try {
      await this.#startInBatches(wanted, running);
    } catch (error) {
      await stop(running);
      throw error;
    }
    return running;
  }

  async #startInBatches(wanted: { id: string; version: PlatformVersion }[], running: RunningInstance[]): Promise<void> {
    for (let i = 0; i < wanted.length; i += 4) {
      const batch = wanted.slice(i, i + 4);
      const started = await Promise.all(
        batch.map(({ id, version }) =>
          spawnUntilReady(serverScript, ['--version', version, '--instance', id, '--port', '0', ...this.#options.serverArgs], {
            marker: 'SANDBOX_READY',
            timeoutMs: 30_000,
            logFile: join(this.#options.logDir, `platform-${id}.log`),
            label: `platform instance ${id} (${version})`,
          }),
        ),
      );
      started.forEach((spawned, index) => {
        this.#options.registry.addPid(spawned.child.pid);
        const { id, version } = batch[index] ?? { id: '', version: 'v10' as const };
        running.push({ id, version, url: String(spawned.ready['url']), child: spawned.child, stopping: false });
      });
    }
  }
}

/** Stops these instances on purpose: their exits are not failures of the environment. */
async function stop(instances: RunningInstance[]): Promise<void> {
  for (const instance of instances) instance.stopping = true;
  await Promise.all(instances.map((instance) => (instance.child ? stopChild(instance.child) : undefined)));
}

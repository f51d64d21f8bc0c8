// The one orchestration of `run` and `certify`: an environment up, a plan played on it, the environment down. A broken
// start leaves every phase incomplete; an interruption is recorded. What is made of the phases is the caller's.

import { join } from 'node:path';
import { startEnvironment, type EnvironmentDescriptor, type EnvironmentName, type StartedEnvironment } from '../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../lib/errors.ts';
import { writeBrokenResult } from './reports/allure.ts';
import { interruption } from './interrupt.ts';
import { removeRunTemp } from './temp.ts';
import type { PlanContext } from './plan/context.ts';
import { playPlan, type PhaseRecord } from './plan/runner.ts';
import type { Plan } from './plan/types.ts';
import type { RunFolder } from './run-folder.ts';
import { emptySummary } from './reports/scenario-results.ts';
import { findingOfMessage, interruptedBy } from './verdict.ts';

export interface PlayOptions {
  env: EnvironmentName;
  folder: RunFolder;
  /** The plan's own number of instances unless given. */
  instances?: number | undefined;
  faults: string[];
  parallel: number;
  /** `--parallel` was given on the command line: it wins over a run step's own `parallel: N`. */
  parallelGiven?: boolean;
  shard?: PlanContext['shard'];
  durations?: Record<string, number>;
  /** How the plan's Cucumber runs are made: profile, retries, display (a certification plan's defaults otherwise). */
  cucumber?: PlanContext['cucumber'];
  log: (line: string) => void;
}

export interface Played {
  startedAt: string;
  phases: PhaseRecord[];
  /** What went wrong around the phases: a failed tear-down. */
  notes: string[];
  /** Why the environment could not start or the plan could not be played (bad input, a broken environment). */
  broken: string | undefined;
  /** The platform's version when the plan ended (a redeployment changes it). */
  finalVersion: string;
  /** The started environment as it was at the end; undefined when it did not start. */
  descriptor: EnvironmentDescriptor | undefined;
  /** Set when a signal stopped the run: why, with its mark. */
  interrupted: string | undefined;
}

export async function playOnEnvironment(plan: Plan, options: PlayOptions): Promise<Played> {
  const { folder, log } = options;
  const startedAt = new Date().toISOString();
  const notes: string[] = [];
  let broken: string | undefined;
  let phases: PhaseRecord[] = [];
  let environment: StartedEnvironment | undefined;
  let descriptor: EnvironmentDescriptor | undefined;
  let finalVersion: string = plan.platform.version;
  try {
    const started = Date.now();
    environment = await startEnvironment(options.env, { runId: folder.runId, version: plan.platform.version, instances: options.instances ?? plan.platform.instances, faults: options.faults, logDir: join(folder.runDir, 'logs'), log });
    log(`[harness] environment up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${environment.descriptor.platform.instances.map((i) => `${i.id} ${i.url}`).join(', ')}`);
    phases = await playPlan(plan, {
      environment, runDir: folder.runDir, resultsDir: folder.resultsDir, environmentFile: folder.environmentFile, tempDir: folder.tempDir,
      parallel: options.parallel, parallelGiven: options.parallelGiven ?? false, shard: options.shard, durations: options.durations ?? {}, data: { snapshot: undefined }, cucumber: options.cucumber, log,
    });
    descriptor = environment.descriptor;
    finalVersion = descriptor.platform.expectedVersion;
  } catch (error) {
    if (!(error instanceof EnvironmentError || error instanceof ConfigurationError)) throw error;
    broken = error.message;
    writeBrokenResult(folder.resultsDir, error instanceof ConfigurationError ? 'Configuration' : 'Environment set-up', error.message);
    const signal = interruption();
    const why = signal ? interruptedBy(signal) : error.message;
    const finding = findingOfMessage(why) ?? (error instanceof ConfigurationError ? 'configuration' : 'environment');
    phases = plan.phases.map((phase) => ({ id: phase.id, title: phase.title, startedAt, endedAt: startedAt, steps: [], results: emptySummary(), gate: { verdict: finding === 'interrupted' ? 'interrupted' : 'incomplete', finding, requires: [], reasons: [why] } }));
  } finally {
    if (environment) await environment.stop().catch((error: unknown) => notes.push(`[environment] tear-down: ${(error as Error).message}`));
    // Each run step removed its own folder in the run's temp folder (harness/plan/runner.ts); the run's goes last.
    await removeRunTemp(folder.tempDir);
    folder.close();
  }
  const signal = interruption();
  if (signal) writeBrokenResult(folder.resultsDir, 'Run interrupted', interruptedBy(signal));
  return { startedAt, phases, notes, broken, finalVersion, descriptor, interrupted: signal ? interruptedBy(signal) : undefined };
}

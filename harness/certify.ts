// `certify`: plays the plan against an environment, then writes the reports and the go/no-go certificate.

import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEnvironment, type StartedEnvironment } from '../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../lib/errors.ts';
import { writeBrokenResult } from './reports/allure.ts';
import type { CertifyArgs } from './certify-args.ts';
import { finishCertification, type CertifyOutcome } from './finish.ts';
import { interruption } from './interrupt.ts';
import { runTempDir } from './temp.ts';
import { playPlan, type PhaseRecord } from './plan/runner.ts';
import { durationsStore, readDurations, splitDigest } from './plan/shards.ts';
import type { Plan } from './plan/types.ts';
import { newRunId } from './run-folder.ts';
import { emptySummary } from './scenario-results.ts';
import { findingOfMessage, interruptedBy } from './verdict.ts';

export type { CertifyOutcome } from './finish.ts';

export async function certify(plan: Plan, args: CertifyArgs, log: (line: string) => void = console.log): Promise<CertifyOutcome> {
  const runId = newRunId();
  const startedAt = new Date().toISOString();
  const runDir = resolve(args.reportsDir, runId);
  const resultsDir = join(runDir, 'allure-results');
  const privateDir = join(tmpdir(), 'kw-harness', `${runId}-private`);
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(privateDir, { recursive: true, mode: 0o700 });
  const notes: string[] = [];
  let phases: PhaseRecord[] = [];
  let environment: StartedEnvironment | undefined;
  let finalVersion: string = plan.platform.version;
  // Every shard splits the plan by the same durations (the last whole or merged runs'): merge checks they did.
  const store = args.shard ? durationsStore(args.reportsDir, args.historyDir, args.env, plan.file) : undefined;
  const durations = args.shard ? (store ? readDurations(store) : { byScenario: {}, source: 'none' }) : undefined;
  const shardNote = args.shard ? ` (shard ${args.shard.index}/${args.shard.total}, split by ${durations?.source === 'none' ? 'count: no scenario durations known yet' : `the durations in ${durations?.source}`})` : '';
  log(`[harness] certification ${runId}: plan "${plan.name}" on ${args.env}${shardNote}, ${plan.phases.length} phases`);
  try {
    environment = await startEnvironment(args.env, { runId, version: plan.platform.version, instances: args.instances ?? plan.platform.instances, faults: args.faults, logDir: join(runDir, 'logs'), log });
    phases = await playPlan(plan, { environment, runDir, resultsDir, environmentFile: join(privateDir, 'environment.json'), tempDir: runTempDir(runId), parallel: args.parallel, shard: args.shard, durations: durations?.byScenario ?? {}, data: { snapshot: undefined }, log });
    finalVersion = environment.descriptor.platform.expectedVersion;
  } catch (error) {
    if (!(error instanceof EnvironmentError || error instanceof ConfigurationError)) throw error;
    notes.push(error.message);
    writeBrokenResult(resultsDir, 'Environment set-up', error.message);
    const signal = interruption();
    const why = signal ? interruptedBy(signal) : error.message;
    const finding = findingOfMessage(why) ?? 'environment';
    phases = plan.phases.map((phase) => ({ id: phase.id, title: phase.title, startedAt, endedAt: startedAt, steps: [], results: emptySummary(), gate: { verdict: finding === 'interrupted' ? 'interrupted' : 'incomplete', finding, requires: [], reasons: [why] } }));
  } finally {
    if (environment) await environment.stop().catch((error: unknown) => notes.push(`[environment] tear-down: ${(error as Error).message}`));
    rmSync(privateDir, { recursive: true, force: true });
  }
  const signal = interruption();
  if (signal) writeBrokenResult(resultsDir, 'Run interrupted', interruptedBy(signal));
  return finishCertification({
    runId,
    runDir,
    plan,
    phases,
    notes,
    // An interrupted run gets its certificate (marked INTERRUPTED) at once, without the reports' minutes.
    html: args.html && !signal,
    interrupted: signal ? interruptedBy(signal) : undefined,
    historyDir: args.historyDir,
    metadata: { environment: args.env, startedAt, finalVersion, instances: args.instances ?? plan.platform.instances, shard: args.shard, ...(durations ? { split: splitDigest(durations.byScenario) } : {}) },
  });
}

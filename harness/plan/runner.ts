// Plays a certification plan against a started environment: each phase's steps in order, then its gate.

import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EnvironmentDescriptor, StartedEnvironment } from '../../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { writeFileWhole } from '../../lib/files.ts';
import { writeHarnessResult } from '../reports/allure.ts';
import { deadInstanceFinding, deadWithin } from '../dead-instances.ts';
import { runCucumber } from '../cucumber.ts';
import { interruption } from '../interrupt.ts';
import { select } from '../preflight/features.ts';
import { features } from '../scenarios.ts';
import { summarizeMessagesDir, type ResultSummary } from '../reports/scenario-results.ts';
import { findingOfMessage, interruptedBy } from '../verdict.ts';
import { evaluateGate, type GateOutcome, type Stop } from './gates.ts';
import { runAction } from './actions.ts';
import type { PlanContext } from './context.ts';
import { splitByDuration } from './shards.ts';
import { gatherPhaseResults } from './results.ts';
import type { Phase, Plan, PlanStep, StepRecord, StepStatus } from './types.ts';

export type { StepRecord, StepStatus } from './types.ts';
export type { PlanContext } from './context.ts';


export interface PhaseRecord {
  id: string;
  title: string;
  startedAt: string;
  endedAt: string;
  steps: StepRecord[];
  results: ResultSummary;
  gate: GateOutcome;
}

function describeStep(step: PlanStep): string {
  if (step.kind === 'run') return `run scenarios ${step.tags}${step.parallel === undefined ? '' : ` (${step.parallel} workers)`}`;
  return [step.action, step.version, step.scale].filter(Boolean).join(' ');
}

/** What Cucumber workers read: the environment's addresses, and the run's migrated accounts among its test accounts. */
function workerDescriptor(context: PlanContext): EnvironmentDescriptor {
  const { descriptor } = context.environment;
  return { ...descriptor, testAccounts: [...descriptor.testAccounts, ...(context.data.migrated ?? [])], ...(context.data.cutover ? { cutover: context.data.cutover } : {}) };
}

/** A phase's Cucumber messages, one file per run step (shards' files sit side by side once merged). */
/** A run step's Cucumber workers: the command line's `--parallel` when given, else the step's own, else the default. */
export const workersOf = (step: { parallel?: number | undefined }, context: Pick<PlanContext, 'parallel' | 'parallelGiven'>): number =>
  context.parallelGiven === true ? context.parallel : step.parallel ?? context.parallel;

/** Run steps started by this process: each names its own temp folder. */
let runSteps = 0;

export const messagesDir = (runDir: string, phaseId: string) => join(runDir, 'phases', phaseId, 'cucumber');

async function runStep(step: PlanStep, index: number, phase: Phase, context: PlanContext): Promise<StepRecord> {
  const started = performance.now();
  const name = describeStep(step);
  const done = (status: StepStatus, detail: string, output?: Record<string, unknown>): StepRecord => ({ step: name, status, durationMs: Math.round(performance.now() - started), detail, ...(output ? { output } : {}) });
  try {
    if (step.kind === 'action') return done('passed', 'succeeded', await runAction(step, context));
    // Workers read the addresses as they are now: a redeployment moved the instances. Written whole, then moved in
    // place: the workers of a phase alongside may be reading it.
    writeFileWhole(context.environmentFile, JSON.stringify(workerDescriptor(context)), 0o600);
    const phaseResults = join(context.runDir, 'phases', phase.id, 'allure-results');
    mkdirSync(phaseResults, { recursive: true });
    const messagesFile = join(messagesDir(context.runDir, phase.id), `${basename(context.runDir)}-step-${index + 1}.ndjson`);
    const share = context.shard ? await shardShare(step.tags, context.shard, context.durations ?? {}, phase, context) : undefined;
    if (share?.scenarios.length === 0) return done('passed', share.detail, share.output);
    const cucumber = context.cucumber ?? { profile: 'default', progress: 'progress' };
    // Each run its own temp folder: Cucumber's end removes it and stops what still uses it, which must not reach the
    // browsers of a phase alongside. A short name: Chromium's socket path in it must stay under 108 bytes.
    const code = await runCucumber({ ...cucumber, parallel: workersOf(step, context), tags: step.tags, scenarios: share?.scenarios, resultsDir: phaseResults, messagesFile, tempDir: join(context.tempDir, `s${(runSteps += 1)}`), environmentFile: context.environmentFile, timeoutMs: 30 * 60_000 });
    // A plan of one phase has no other phase to tell its results from: they keep their own labels.
    gatherPhaseResults(phaseResults, context.resultsDir, phase, { labelled: context.phaseCount !== 1 });
    const signal = interruption();
    if (signal) return done('not-run', `${interruptedBy(signal)} (cucumber exited ${code})`);
    return done(code === 0 ? 'passed' : 'failed', `cucumber exited ${code}${share ? `; ${share.detail}` : ''}`, share?.output);
  } catch (error) {
    // Bad input (a rollback certified without a snapshot) is no product defect either: it stops the plan like a broken environment.
    const broken = error instanceof EnvironmentError || error instanceof ConfigurationError;
    return done(broken ? 'broken' : 'failed', (error as Error).message);
  }
}

/** This shard's share of a run step's selection, split by duration with the other shards (harness/plan/shards.ts). */
async function shardShare(tags: string, shard: { index: number; total: number }, durations: Record<string, number>, phase: Phase, context: PlanContext): Promise<{ scenarios: string[]; detail: string; output: Record<string, unknown> }> {
  const selected = select(await features('default'), tags);
  const split = splitByDuration(selected, durations, shard.total);
  const scenarios = split.shards[shard.index - 1] ?? [];
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const estimated = split.estimated.length > 0 ? `, ${split.estimated.length} without a known duration counted at the median ${seconds(split.medianMs)} s` : '';
  const detail = Object.keys(durations).length === 0
    ? `shard ${shard.index}/${shard.total}: ${scenarios.length} of the ${selected.length} scenarios selected (no scenario duration known yet: split by count)`
    : `shard ${shard.index}/${shard.total}: ${scenarios.length} of the ${selected.length} scenarios selected, expected ${seconds(split.loadsMs[shard.index - 1] ?? 0)} s (shards: ${split.loadsMs.map(seconds).join(' / ')} s${estimated})`;
  context.log(`[harness] ${phase.id}: ${detail}`);
  return { scenarios, detail, output: { shardScenarios: scenarios.length, selectedScenarios: selected.length, expectedMs: split.loadsMs[shard.index - 1] ?? 0, shardsExpectedMs: split.loadsMs, estimated: split.estimated.length } };
}

/** How long a step the environment broke waits for a platform instance's exit to be seen (a crash on that step's request). */
const crashGraceMs = 3000;

/** What stops the plan after a step: an interruption, a platform instance that died, a step broken by the environment. */
async function stopAfter(record: StepRecord, phase: Phase, context: PlanContext): Promise<Stop | undefined> {
  const signal = interruption();
  // A Ctrl-C in a terminal reaches the platform's processes too: their end is the interruption, not a broken environment.
  if (signal) return { finding: 'interrupted', why: interruptedBy(signal) };
  const during = context.phaseCount === 1 ? 'during the run' : `during phase ${phase.id}`;
  // "Could not reach the platform instance: other side closed" is what the harness hears first of an instance that crashed
  // on its request; that step waits a moment for the instance's exit, so the crash is the product's (NO-GO), not the environment's.
  const read = () => context.environment.deadInstances();
  const dead = deadInstanceFinding(record.status === 'broken' ? await deadWithin(read, crashGraceMs) : read(), during);
  if (dead) {
    writeHarnessResult(context.resultsDir, context.phaseCount === 1 ? 'Platform instances stayed up' : `Platform instances stayed up during ${phase.id}`, dead.status, dead.why, [{ name: 'phase', value: phase.id }]);
    return { finding: dead.finding, why: dead.why };
  }
  if (record.status === 'broken') return { finding: findingOfMessage(record.detail) ?? 'environment', why: record.detail };
  return undefined;
}

/**
 * Plays every phase, a phase that runs alongside another at the same time as it; once the environment is broken or the
 * run interrupted, the steps after it are recorded as not run.
 */
export async function playPlan(plan: Plan, context: PlanContext, play: StepPlayer = runStep): Promise<PhaseRecord[]> {
  context.planFile ??= plan.file;
  context.phaseCount = plan.phases.length;
  try {
    return await playPhases(plan, context, play);
  } finally {
    await context.cutover?.[Symbol.asyncDispose]();
  }
}

/** The phases in the order they start: a phase that runs alongside the one before it starts with it (harness/plan/load.ts). */
export function phaseGroups(phases: readonly Phase[]): Phase[][] {
  const groups: Phase[][] = [];
  for (const phase of phases) {
    if (phase.alongside !== undefined && groups.length > 0) groups[groups.length - 1]!.push(phase);
    else groups.push([phase]);
  }
  return groups;
}

/** What stopped the plan, shared by the phases side by side; `deciding` while a broken step's cause is looked at. */
interface PlanStop {
  by?: Stop;
  deciding?: Promise<unknown>;
}

/** What plays one step; the plan's own by default (a test gives its own). */
export type StepPlayer = (step: PlanStep, index: number, phase: Phase, context: PlanContext) => Promise<StepRecord>;

async function playPhases(plan: Plan, context: PlanContext, play: StepPlayer): Promise<PhaseRecord[]> {
  // What stopped the plan, seen by every phase: a phase beside the one that broke runs no further step either.
  const stop: PlanStop = {};
  const records: PhaseRecord[] = [];
  for (const group of phaseGroups(plan.phases)) records.push(...(await Promise.all(group.map((phase) => playPhase(phase, context, stop, play)))));
  return records;
}

async function playPhase(phase: Phase, context: PlanContext, stop: PlanStop, play: StepPlayer): Promise<PhaseRecord> {
  const startedAt = new Date().toISOString();
  const beside = phase.alongside === undefined ? '' : ` (alongside ${phase.alongside})`;
  if (beside) context.log(`[harness] ${phase.id}: starts${beside}`);
  const steps: StepRecord[] = [];
  for (const [index, step] of phase.steps.entries()) {
    // A step of the phase beside that the environment broke is being looked at: what it finds decides whether this one runs.
    await stop.deciding;
    const signal = interruption();
    stop.by ??= signal ? { finding: 'interrupted', why: interruptedBy(signal) } : undefined;
    if (stop.by !== undefined) {
      steps.push({ step: describeStep(step), status: 'not-run', durationMs: 0, detail: `not run: ${stop.by.why}` });
      continue;
    }
    context.log(`[harness] ${phase.id}: ${describeStep(step)}`);
    const record = await play(step, index, phase, context);
    steps.push(record);
    const deciding = stopAfter(record, phase, context);
    if (record.status === 'broken') stop.deciding = deciding;
    const after = await deciding;
    stop.by ??= after;
    context.log(`[harness] ${phase.id}: ${record.step}: ${record.status} in ${(record.durationMs / 1000).toFixed(1)} s`);
  }
  const results = summarizeMessagesDir(messagesDir(context.runDir, phase.id));
  const gate = evaluateGate(phase.gate, steps, results, stop.by);
  context.log(`[harness] gate ${phase.id}: ${gate.verdict.toUpperCase()}${gate.reasons.length ? ` (${gate.reasons.join('; ')})` : ''}`);
  return { id: phase.id, title: phase.title, startedAt, endedAt: new Date().toISOString(), steps, results, gate };
}

// Gates: what a phase must show to pass; a phase that could not run is "not-run", which keeps the certificate from being green.

import type { ResultSummary } from '../allure.ts';
import type { StepRecord } from './runner.ts';
import type { Gate } from './types.ts';

export type GateVerdict = 'passed' | 'failed' | 'not-run';

export interface GateOutcome {
  verdict: GateVerdict;
  /** What the gate requires, in words, for the certificate. */
  requires: string[];
  /** Why it did not pass. */
  reasons: string[];
}

export function describeGate(gate: Gate): string[] {
  const requires: string[] = [];
  if (gate.scenarios === 'all-passed') requires.push(`every scenario passed (at least ${gate.minScenarios ?? 1}), none only on retry`);
  if (gate.actions === 'succeeded') requires.push('every platform action succeeded');
  if (gate.windowMinutes !== undefined) requires.push(`platform actions within ${gate.windowMinutes} minutes`);
  return requires;
}

export function evaluateGate(gate: Gate, steps: StepRecord[], results: ResultSummary, brokenBy: string | undefined): GateOutcome {
  const requires = describeGate(gate);
  const notRun = steps.filter((s) => s.status === 'not-run' || s.status === 'broken');
  if (notRun.length > 0) return { verdict: 'not-run', requires, reasons: [brokenBy ?? notRun[0]?.detail ?? 'a step could not run'] };
  const reasons: string[] = [];
  const failedSteps = steps.filter((s) => s.status === 'failed');
  if (gate.actions === 'succeeded') for (const step of failedSteps.filter((s) => !s.step.startsWith('run '))) reasons.push(`${step.step} failed: ${step.detail}`);
  if (gate.windowMinutes !== undefined) {
    const minutes = steps.filter((s) => !s.step.startsWith('run ')).reduce((sum, s) => sum + s.durationMs, 0) / 60_000;
    if (minutes > gate.windowMinutes) reasons.push(`platform actions took ${minutes.toFixed(1)} min, over the ${gate.windowMinutes}-minute window`);
  }
  if (gate.scenarios === 'all-passed') {
    const min = gate.minScenarios ?? 1;
    if (results.total < min) reasons.push(`${results.total} scenario(s) ran, fewer than the ${min} required`);
    for (const problem of results.problems) reasons.push(`${problem.status}: ${problem.name}: ${problem.message}`);
    if (results.flaky > 0) reasons.push(`${results.flaky} scenario(s) passed only on retry (flaky)`);
  }
  return { verdict: reasons.length === 0 ? 'passed' : 'failed', requires, reasons };
}

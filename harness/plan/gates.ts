// Gates: what a phase must show to pass. A product defect fails it; what kept the product from being tested leaves it incomplete.

import type { ResultSummary } from '../reports/scenario-results.ts';
import { byPrecedence, decide, findingOfMessage, type Finding } from '../verdict.ts';
import type { StepRecord } from './types.ts';
import type { Gate } from './types.ts';

export type GateVerdict = 'passed' | 'failed' | 'incomplete' | 'interrupted';

export interface GateOutcome {
  verdict: GateVerdict;
  /** What decided the verdict (undefined when it passed): a product defect, a broken environment, ... */
  finding: Finding | undefined;
  /** What the gate requires, in words, for the certificate. */
  requires: string[];
  /** Why it did not pass, the deciding reasons first. */
  reasons: string[];
}

/** What stopped the plan before this phase's steps could all run: the environment broke, or the run was interrupted. */
export interface Stop {
  finding: Finding;
  why: string;
}

const words: Record<Finding, GateVerdict> = { interrupted: 'interrupted', product: 'failed', configuration: 'incomplete', environment: 'incomplete', incomplete: 'incomplete' };

export function describeGate(gate: Gate): string[] {
  const requires: string[] = [];
  if (gate.scenarios === 'all-passed') requires.push(`every scenario passed (at least ${gate.minScenarios ?? 1}), none only on retry, none with an undefined, pending or ambiguous step`);
  if (gate.actions === 'succeeded') requires.push('every platform action succeeded');
  if (gate.windowMinutes !== undefined) requires.push(`platform actions within ${gate.windowMinutes} minutes`);
  return requires;
}

function stepFindings(gate: Gate, steps: StepRecord[], stoppedBy: Stop | undefined): Stop[] {
  const found: Stop[] = [];
  const notRun = steps.filter((s) => s.status === 'not-run' || s.status === 'broken');
  const first = notRun[0];
  // What stopped the plan counts even after the phase's last step (an instance that crashed during it).
  if (stoppedBy) found.push(stoppedBy);
  else if (first) found.push({ finding: findingOfMessage(first.detail) ?? 'environment', why: first.detail });
  if (gate.actions === 'succeeded') for (const step of steps.filter((s) => s.status === 'failed' && !s.step.startsWith('run '))) found.push({ finding: findingOfMessage(step.detail) ?? 'product', why: `${step.step} failed: ${step.detail}` });
  if (gate.windowMinutes !== undefined) {
    const minutes = steps.filter((s) => !s.step.startsWith('run ')).reduce((sum, s) => sum + s.durationMs, 0) / 60_000;
    if (minutes > gate.windowMinutes) found.push({ finding: 'product', why: `platform actions took ${minutes.toFixed(1)} min, over the ${gate.windowMinutes}-minute window` });
  }
  return found;
}

function scenarioFindings(gate: Gate, results: ResultSummary): Stop[] {
  if (gate.scenarios !== 'all-passed') return [];
  const found: Stop[] = [];
  const min = gate.minScenarios ?? 1;
  if (results.total < min) found.push({ finding: 'incomplete', why: `${results.total} scenario(s) ran, fewer than the ${min} required` });
  for (const p of results.problems) found.push({ finding: p.finding, why: p.status === 'run' ? `${p.name}: ${p.message}` : `${p.status}: ${p.name} (${p.where}): ${p.message}` });
  return found;
}

export function evaluateGate(gate: Gate, steps: StepRecord[], results: ResultSummary, stoppedBy: Stop | undefined): GateOutcome {
  const found = byPrecedence([...stepFindings(gate, steps, stoppedBy), ...scenarioFindings(gate, results)]);
  const { cause } = decide(found, '');
  return { verdict: cause ? words[cause] : 'passed', finding: cause, requires: describeGate(gate), reasons: found.map((f) => f.why) };
}

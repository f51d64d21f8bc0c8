// The certification plan's vocabulary: phases of steps (platform actions, Cucumber runs) each ending in a gate.

import type { PlatformVersion } from '../../catalog/index.ts';

/** A platform action: its name is one of harness/plan/actions.ts's table (checked when the plan is loaded). */
export interface ActionStep {
  kind: 'action';
  action: string;
  version?: PlatformVersion;
  scale?: string;
}

/** A Cucumber run: its tag expression, and its workers when not the run's `--parallel` (scenarios that mostly wait take more). */
export interface RunStep {
  kind: 'run';
  tags: string;
  parallel?: number;
}

export type PlanStep = ActionStep | RunStep;

export interface Gate {
  /** Every scenario of the phase passed (a pass on retry is flaky, not green). */
  scenarios?: 'all-passed';
  minScenarios?: number;
  /** Every platform action of the phase succeeded. */
  actions?: 'succeeded';
  /** The phase's platform actions fit the maintenance window. */
  windowMinutes?: number;
}

export interface Phase {
  id: string;
  title: string;
  steps: PlanStep[];
  gate: Gate;
  /** The phase this one runs beside: both start together, and the phase after them waits for both. Run steps only. */
  alongside?: string;
}

export interface Plan {
  name: string;
  file: string;
  platform: { version: PlatformVersion; instances: number };
  phases: Phase[];
}

export type StepStatus = 'passed' | 'failed' | 'broken' | 'not-run';

/** What one step of a phase did. */
export interface StepRecord {
  step: string;
  status: StepStatus;
  durationMs: number;
  detail: string;
  output?: Record<string, unknown>;
}

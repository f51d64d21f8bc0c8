// The certification plan's vocabulary: phases of steps (platform actions, Cucumber runs) each ending in a gate.

import type { PlatformVersion } from '../../catalog/index.ts';

export const actionNames = ['generate-data', 'maintenance-on', 'maintenance-off', 'snapshot', 'backup', 'migrate', 'certify-data', 'rollback', 'certify-rollback', 'redeploy', 'cutover-start', 'cutover-window'] as const;
export type ActionName = (typeof actionNames)[number];

export type PlanStep =
  | { kind: 'action'; action: ActionName; version?: PlatformVersion; scale?: string }
  | { kind: 'run'; tags: string };

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

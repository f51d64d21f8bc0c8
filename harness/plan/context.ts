// What a plan's steps share while it plays: the started environment, the run's folders, the data kept between phases.

import type { StartedEnvironment } from '../../environments/index.ts';
import type { CutoverCohort } from './cutover.ts';
import type { DataState } from './data.ts';

export interface PlanContext {
  environment: StartedEnvironment;
  runDir: string;
  resultsDir: string;
  environmentFile: string;
  /** The run's private temp folder for Cucumber and its browsers. */
  tempDir: string;
  parallel: number;
  /** `--parallel` was given on the command line: it wins over a run step's own `parallel: N`. */
  parallelGiven?: boolean;
  shard: { index: number; total: number } | undefined;
  /** A shard's split: each scenario's last known duration (ms), by `features/x.feature:12` (harness/plan/shards.ts). */
  durations?: Record<string, number>;
  /** What the data actions keep between phases: the V9 snapshot taken before the migration. */
  data: DataState;
  /** How many phases the plan has (set by the runner): a plan of one phase is a single run. */
  phaseCount?: number;
  /** Named in configuration errors. */
  planFile?: string;
  /** The cut-over cohort started by `cutover-start`: its devices run until the plan ends. */
  cutover?: CutoverCohort;
  /** How run steps call Cucumber: `run`'s profile, retries and display; a certification plan's defaults otherwise. */
  cucumber?: { profile: string; retry?: number | undefined; progress: 'progress-bar' | 'progress' } | undefined;
  log: (line: string) => void;
}

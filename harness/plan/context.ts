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
  shard: { index: number; total: number } | undefined;
  /** A shard's split: each scenario's last known duration (ms), by `features/x.feature:12` (harness/plan/shards.ts). */
  durations?: Record<string, number>;
  /** What the data actions keep between phases: the V9 snapshot taken before the migration. */
  data: DataState;
  /** Named in configuration errors. */
  planFile?: string;
  /** The cut-over cohort started by `cutover-start`: its devices run until the plan ends. */
  cutover?: CutoverCohort;
  log: (line: string) => void;
}

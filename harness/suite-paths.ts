// Where the suite is: features/ and steps/, or, for the harness's self-tests only, fixture features (HARNESS_FEATURES) or a fixture folder with its own steps (HARNESS_SUITE_DIR).

import { readFileSync } from 'node:fs';

/**
 * Globs, relative to the repository, of the feature files and the support code Cucumber loads. HARNESS_SUITE_DIR
 * (e.g. test/fixtures/verdicts) replaces features/ with that folder's features and adds its `*.ts` to steps/;
 * HARNESS_FEATURES (comma-separated globs) replaces features/ only. The self-tests play scenarios that must never be
 * part of the real suite (an undefined step, a Gherkin error). HARNESS_SCENARIOS_FILE (a JSON list of
 * `features/x.feature:12`, written by the harness for one shard's share) replaces them with exactly those scenarios.
 */
export function suitePaths(env: NodeJS.ProcessEnv = process.env): { features: string[]; support: string[] } {
  const dir = env['HARNESS_SUITE_DIR']?.replace(/\/+$/, '');
  const listed = env['HARNESS_SCENARIOS_FILE'] ? (JSON.parse(readFileSync(env['HARNESS_SCENARIOS_FILE'], 'utf8')) as string[]) : undefined;
  if (dir) return { features: listed ?? [`${dir}/**/*.feature`], support: ['steps/**/*.ts', `${dir}/**/*.ts`] };
  const features = listed ?? (env['HARNESS_FEATURES'] ? env['HARNESS_FEATURES'].split(',') : ['features/**/*.feature']);
  return { features, support: ['steps/**/*.ts'] };
}

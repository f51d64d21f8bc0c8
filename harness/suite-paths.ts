// Where the suite is: features/ and steps/, or, for the harness's self-tests only, fixture features (HARNESS_FEATURES) or a fixture folder with its own steps (HARNESS_SUITE_DIR).

/**
 * Globs, relative to the repository, of the feature files and the support code Cucumber loads. HARNESS_SUITE_DIR
 * (e.g. test/fixtures/verdicts) replaces features/ with that folder's features and adds its `*.ts` to steps/;
 * HARNESS_FEATURES (comma-separated globs) replaces features/ only. The self-tests play scenarios that must never be
 * part of the real suite (an undefined step, a Gherkin error).
 */
export function suitePaths(env: NodeJS.ProcessEnv = process.env): { features: string[]; support: string[] } {
  const dir = env['HARNESS_SUITE_DIR']?.replace(/\/+$/, '');
  if (dir) return { features: [`${dir}/**/*.feature`], support: ['steps/**/*.ts', `${dir}/**/*.ts`] };
  const features = env['HARNESS_FEATURES'] ? env['HARNESS_FEATURES'].split(',') : ['features/**/*.feature'];
  return { features, support: ['steps/**/*.ts'] };
}

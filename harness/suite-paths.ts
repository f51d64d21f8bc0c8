// Where the suite is: features/ and steps/, or, for the harness's self-tests only, a fixture folder named by HARNESS_SUITE_DIR.

/**
 * Globs, relative to the repository, of the feature files and the support code Cucumber loads. HARNESS_SUITE_DIR
 * (e.g. test/fixtures/verdicts) replaces features/ with that folder's features and adds its `*.ts` to steps/:
 * the self-tests play scenarios that must never be part of the real suite (an undefined step, say).
 */
export function suitePaths(env: NodeJS.ProcessEnv = process.env): { features: string[]; support: string[] } {
  const dir = env['HARNESS_SUITE_DIR']?.replace(/\/+$/, '');
  if (!dir) return { features: ['features/**/*.feature'], support: ['steps/**/*.ts'] };
  return { features: [`${dir}/**/*.feature`], support: ['steps/**/*.ts', `${dir}/**/*.ts`] };
}

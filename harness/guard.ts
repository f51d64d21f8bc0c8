// The production guard: a production run plays only @smoke scenarios, refused before anything starts otherwise.

import type { EnvironmentName } from '../environments/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { nonSmokeScenarios } from './scenarios.ts';

/** Refuses, listing them, any scenario that a production run would select and that is not tagged @smoke. */
export async function guardProduction(env: EnvironmentName, tagExpressions: string[]): Promise<void> {
  if (env !== 'production') return;
  const offending = (await Promise.all(tagExpressions.map((tags) => nonSmokeScenarios(tags)))).flat();
  if (offending.length === 0) return;
  const unique = [...new Map(offending.map((s) => [s.where, s])).values()];
  throw new ConfigurationError(`production runs only @smoke scenarios; this selection was refused before anything started. Scenarios not tagged @smoke:\n${unique.map((s) => `  ${s.where}  ${s.name}`).join('\n')}\nSelect them out (e.g. --profile smoke) or tag them @smoke if they are safe on production.`);
}

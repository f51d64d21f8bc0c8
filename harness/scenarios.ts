// Which scenarios a tag expression selects, read from the feature files without running anything.

import { ConfigurationError } from '../lib/errors.ts';
import { loadFeatures, select, type Features, type Scenario } from './preflight/features.ts';

export type ListedScenario = Pick<Scenario, 'name' | 'where'>;

const loaded = new Map<string, Promise<Features>>();

/** The profile's feature files, parsed once per process (and per HARNESS_FEATURES); a Gherkin error is a configuration error. */
export async function features(profile = 'default'): Promise<Features> {
  const key = `${profile}\n${process.env['HARNESS_FEATURES'] ?? ''}\n${process.env['HARNESS_SUITE_DIR'] ?? ''}`;
  if (!loaded.has(key)) loaded.set(key, loadFeatures(profile));
  const found = await (loaded.get(key) as Promise<Features>);
  if (found.errors.length > 0) throw new ConfigurationError(found.errors.join('\n'));
  return found;
}

/** The scenarios Cucumber runs for `--profile profile --tags tags` (the profile's tags and these). */
export async function listScenarios(tags: string, profile = 'default'): Promise<ListedScenario[]> {
  return select(await features(profile), tags).map(({ name, where }) => ({ name, where }));
}

/** Production runs only @smoke scenarios: lists the scenarios a selection would run that are not. */
export async function nonSmokeScenarios(tags: string): Promise<ListedScenario[]> {
  return listScenarios(`(${tags}) and not @smoke`);
}

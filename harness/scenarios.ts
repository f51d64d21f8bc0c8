// Which scenarios a tag expression selects, read from the feature files without running anything.

import { loadSources } from '@cucumber/cucumber/api';
import { join, relative } from 'node:path';
import { ConfigurationError } from '../lib/errors.ts';
import { suitePaths } from './suite-paths.ts';

const root = join(import.meta.dirname, '..');

export interface ListedScenario {
  name: string;
  where: string;
}

export async function listScenarios(tags: string, shard?: string): Promise<ListedScenario[]> {
  const { plan, errors } = await loadSources({ defaultDialect: 'fr', paths: suitePaths().features.map((glob) => join(root, glob)), names: [], tagExpression: tags, order: 'defined', ...(shard ? { shard } : {}) });
  if (errors.length > 0) throw new ConfigurationError(`the feature files do not parse: ${errors.map((e) => `${e.uri}:${e.location?.line ?? '?'} ${e.message}`).join('; ')}`);
  return plan.map((p) => ({ name: p.name, where: `${relative(root, p.uri)}:${p.location.line}` }));
}

/** Production runs only @smoke scenarios: lists the scenarios a selection would run that are not. */
export async function nonSmokeScenarios(tags: string): Promise<ListedScenario[]> {
  return listScenarios(`(${tags}) and not @smoke`);
}

// The environments by name: the one table of kinds (environments/kinds/), the only place their names are listed.

import { ConfigurationError } from '../lib/errors.ts';
import { containers } from './kinds/containers.ts';
import { local } from './kinds/local.ts';
import { preprod } from './kinds/preprod.ts';
import { production } from './kinds/production.ts';
import { services } from './kinds/services.ts';
import type { EnvironmentKind, EnvironmentName } from './types.ts';

/** Every environment, `local` (the default) first. A new environment is a file in environments/kinds/ and a line here. */
const kinds: readonly EnvironmentKind[] = [local, services, containers, preprod, production];

/** The names, in the registry's order: for usage strings and errors. */
export const environmentNames: readonly EnvironmentName[] = kinds.map((kind) => kind.name);

/** The environment `--env` takes when none is given. */
export const defaultEnvironment: EnvironmentName = local.name;

/** The kind of an environment name, or a configuration error listing the valid names. */
export function environmentKind(name: string): EnvironmentKind {
  const found = kinds.find((kind) => kind.name === name);
  if (found) return found;
  throw new ConfigurationError(`unknown environment "${name}"; valid environments: ${environmentNames.join(', ')}`);
}

/** The names of the environments whose kind passes `accept` (for usage strings: `--env preprod|production`). */
export function environmentsWhere(accept: (kind: EnvironmentKind) => boolean): EnvironmentName[] {
  return kinds.filter(accept).map((kind) => kind.name);
}

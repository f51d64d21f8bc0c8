// The environment descriptor a Cucumber worker receives from the orchestrator, read once per worker.

import { readFileSync } from 'node:fs';
import type { EnvironmentDescriptor } from '../../environments/index.ts';
import { EnvironmentError } from '../../lib/errors.ts';

function load(): EnvironmentDescriptor {
  const file = process.env['HARNESS_ENV_FILE'];
  if (!file) throw new EnvironmentError('HARNESS_ENV_FILE is not set: run the scenarios through the harness (npm start, or node harness/cli.ts run), which starts the environment first');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EnvironmentDescriptor;
  } catch (error) {
    throw new EnvironmentError(`cannot read the environment descriptor ${file} (${(error as Error).message}); run the scenarios through the harness`, { cause: error });
  }
}

export const environment: EnvironmentDescriptor = load();

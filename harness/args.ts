// Command-line arguments of the harness, validated with messages that name the flag and the valid values.

import { parseArgs } from 'node:util';
import type { PlatformVersion } from '../catalog/index.ts';
import { defaultEnvironment, environmentNames, parseEnvironmentName, type EnvironmentName } from '../environments/index.ts';
import { ConfigurationError } from '../lib/errors.ts';

import profileTags from './profiles.json' with { type: 'json' };

/** The tag expression each Cucumber profile selects (cucumber.js reads the same file). */
export { profileTags };
export const profiles = Object.keys(profileTags) as (keyof typeof profileTags)[];
export type Profile = keyof typeof profileTags;

export interface RunArgs {
  env: EnvironmentName;
  profile: Profile;
  version: PlatformVersion;
  instances: number;
  parallel: number;
  faults: string[];
  tags: string | undefined;
  reportsDir: string;
  /** Generate the HTML report with allure-commandline (needs Java). */
  html: boolean;
  /** Where the report's history (the trend across runs) is kept: `--history-dir DIR`; false with `--no-history`; default `<reports dir>/history`. */
  historyDir?: string | false;
  /** Retries of a failing scenario: for measuring flakiness only; a pass on retry is reported as flaky, never green. */
  retry?: number;
}

function positive(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ConfigurationError(`--${flag} must be a whole number from 1 to ${max}, got "${value}"`);
  return n;
}

/** `--history-dir DIR` or `--no-history`, not both; neither: the default store under the reports folder. */
export function historyOption(dir: string | undefined, none: boolean): { historyDir?: string | false } {
  if (dir !== undefined && none) throw new ConfigurationError('--history-dir and --no-history contradict each other: give one of them');
  if (dir === '') throw new ConfigurationError('--history-dir needs a folder, e.g. --history-dir reports/history');
  return none ? { historyDir: false } : dir !== undefined ? { historyDir: dir } : {};
}

export function parseRunArgs(argv: string[]): RunArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        env: { type: 'string', default: defaultEnvironment },
        profile: { type: 'string', default: 'default' },
        version: { type: 'string', default: 'v10' },
        instances: { type: 'string' },
        parallel: { type: 'string' },
        fault: { type: 'string', multiple: true, default: [] },
        tags: { type: 'string' },
        'reports-dir': { type: 'string', default: 'reports' },
        'no-html': { type: 'boolean', default: false },
        'history-dir': { type: 'string' },
        'no-history': { type: 'boolean', default: false },
        retry: { type: 'string', default: '0' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new ConfigurationError(`${(error as Error).message}. Usage: harness run [--env ${environmentNames.join('|')}] [--profile ${profiles.join('|')}] [--version v9|v10] [--instances N] [--parallel N] [--tags EXPR] [--fault NAME]... [--no-html] [--reports-dir DIR] [--history-dir DIR | --no-history]`);
  }
  const { values } = parsed;
  const profile = values.profile;
  if (!(profiles as readonly string[]).includes(profile)) throw new ConfigurationError(`unknown profile "${profile}"; valid profiles: ${profiles.join(', ')}`);
  const version = values.version;
  if (version !== 'v9' && version !== 'v10') throw new ConfigurationError(`--version must be v9 or v10, got "${version}"`);
  return {
    env: parseEnvironmentName(values.env),
    profile: profile as Profile,
    version,
    instances: positive('instances', values.instances, 2, 64),
    parallel: positive('parallel', values.parallel, 2, 16),
    faults: values.fault,
    tags: values.tags,
    reportsDir: values['reports-dir'],
    html: !values['no-html'],
    ...historyOption(values['history-dir'], values['no-history']),
    retry: values.retry === '0' ? 0 : positive('retry', values.retry, 0, 3),
  };
}

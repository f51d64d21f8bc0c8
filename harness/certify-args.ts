// Arguments of `certify`, validated with messages that name the flag and the valid values.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultEnvironment, environmentKind, environmentNames, type EnvironmentName } from '../environments/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { historyOption } from './args.ts';
import { plansDir } from './plan/load.ts';

export interface CertifyArgs {
  env: EnvironmentName;
  planFile: string;
  dryRun: boolean;
  instances: number | undefined;
  parallel: number;
  /** `--parallel` was given: it then wins over a run step's own `parallel: N`. */
  parallelGiven: boolean;
  faults: string[];
  reportsDir: string;
  html: boolean;
  /** Where the reports' history (the trend across runs) is kept; false: none; default `<reports dir>/history`. */
  historyDir?: string | false;
  shard: { index: number; total: number } | undefined;
}

/** `i/n`, 1 ≤ i ≤ n: the share of scenarios this machine runs. */
export function parseShard(value: string | undefined): { index: number; total: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1) throw new ConfigurationError(`--shard must be i/n with n ≥ 1, e.g. 2/3; got "${value}"`);
  if (index < 1 || index > total) throw new ConfigurationError(`--shard ${value}: the shard index ${index} is out of range 1..${total}`);
  return { index, total };
}

export const certifyUsage = `usage: node harness/cli.ts certify [--env ${environmentNames.join('|')}] [--plan FILE] [--dry-run] [--instances N] [--parallel N] [--fault NAME]... [--no-html] [--reports-dir DIR] [--history-dir DIR | --no-history] [--shard i/n]`;

export function parseCertifyArgs(argv: string[]): CertifyArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        env: { type: 'string', default: defaultEnvironment },
        plan: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        instances: { type: 'string' },
        parallel: { type: 'string' },
        fault: { type: 'string', multiple: true, default: [] },
        'reports-dir': { type: 'string', default: 'reports' },
        'no-html': { type: 'boolean', default: false },
        'history-dir': { type: 'string' },
        'no-history': { type: 'boolean', default: false },
        shard: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigurationError(`${(error as Error).message}. ${certifyUsage}`);
  }
  const kind = environmentKind(values.env);
  const env = kind.name;
  const planFile = values.plan ?? join(plansDir, `${kind.defaultPlan}.yaml`);
  if (!existsSync(planFile)) throw new ConfigurationError(`no plan file at ${planFile}; give one with --plan FILE (plans live in harness/plans/)`);
  const whole = (flag: string, value: string | undefined, max: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new ConfigurationError(`--${flag} must be a whole number from 1 to ${max}, got "${value}"`);
    return n;
  };
  return {
    env,
    planFile,
    dryRun: values['dry-run'],
    instances: whole('instances', values.instances, 64),
    parallel: whole('parallel', values.parallel, 16) ?? 2,
    parallelGiven: values.parallel !== undefined,
    faults: values.fault,
    reportsDir: values['reports-dir'],
    html: !values['no-html'],
    ...historyOption(values['history-dir'], values['no-history']),
    shard: parseShard(values.shard),
  };
}

export interface MergeArgs {
  dirs: string[];
  reportsDir: string;
  html: boolean;
  historyDir?: string | false;
}

export const mergeUsage = 'usage: node harness/cli.ts merge <shard run folder>... [--no-html] [--reports-dir DIR] [--history-dir DIR | --no-history]';

/** The shards' run folders, and where the merged run and its history go (default `reports`, `<reports dir>/history`). */
export function parseMergeArgs(argv: string[]): MergeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'reports-dir': { type: 'string', default: 'reports' },
        'no-html': { type: 'boolean', default: false },
        'history-dir': { type: 'string' },
        'no-history': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new ConfigurationError(`${(error as Error).message}. ${mergeUsage}`);
  }
  const { values, positionals } = parsed;
  return { dirs: positionals, reportsDir: values['reports-dir'], html: !values['no-html'], ...historyOption(values['history-dir'], values['no-history']) };
}

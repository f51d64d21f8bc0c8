// `record-reference`: what each designated test account holds now (on V9, before the migration), through the platform's
// public API, written as the accounts' `reference` (offer, settings, history) in a copy of the test accounts file, for the smoke pass's data checks and the migrated customers' journeys.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { HttpAssertionError, PlatformApi, parisWallClock, readCustomerView, withParisOffset } from '../drivers/index.ts';
import type { AccountData } from '../drivers/index.ts';
import { environmentKind, environmentsWhere, parseTestAccounts } from '../environments/index.ts';
import type { ReferenceData } from '../environments/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { fileStamp } from './run-folder.ts';

/** The environments that designate their test accounts in a file, the platform running elsewhere: pre-production, production. */
const recordable = (): string[] => environmentsWhere((kind) => kind.capabilities.accounts === 'designated' && kind.remote !== undefined);

export const recordUsage = `usage: node harness/cli.ts record-reference --env ${recordable().join('|')} [--out FILE]`;

/** How much of an account's history the reference keeps: its newest events and recordings. */
export const recordLimits = { events: 50, recordings: 20 };

export interface RecordedAccount {
  email: string;
  offer: string;
  /** The account's reference was written: false when it has no event and no recording to check. */
  written: boolean;
  events: number;
  recordings: number;
  /** Events in the hour Paris repeats in October (their V9 wall clock names two instants): the migration's trap. */
  repeatedHour: number;
}

export interface Recording {
  file: string;
  version: string;
  instance: string;
  accounts: RecordedAccount[];
}

export function parseRecordArgs(argv: string[]): { env: string; out?: string } {
  let env: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--env' || arg === '--out') && (value === undefined || value.startsWith('--'))) throw new ConfigurationError(`${arg} needs a value; ${recordUsage}`);
    if (arg === '--env') env = argv[++i];
    else if (arg === '--out') out = argv[++i];
    else throw new ConfigurationError(`record-reference does not take "${arg}"; ${recordUsage}`);
  }
  if (env === undefined || !recordable().includes(env)) {
    throw new ConfigurationError(`record-reference reads the designated test accounts of a remote environment: --env ${recordable().join(' or --env ')}, got ${env === undefined ? 'none' : `"${env}"`}; ${recordUsage}`);
  }
  return { env, ...(out ? { out } : {}) };
}

/**
 * Logs each test account of `<ENV>_TEST_ACCOUNTS_FILE` in on the first instance (reads only: login and GETs), and writes
 * a copy of the file in which each account's `reference` is what the platform shows now: its offer, its newest events
 * and recordings with their times in Paris time with the offset (an account with neither gets none). Never overwrites
 * a file: the copy goes to `out` (default: beside the file, named with the time), to review, then to name in
 * `<ENV>_TEST_ACCOUNTS_FILE`.
 */
export async function recordReference(name: string, options: { out?: string; env?: NodeJS.ProcessEnv; now?: Date } = {}): Promise<Recording> {
  const env = options.env ?? process.env;
  const kind = environmentKind(name);
  if (!kind.remote) throw new ConfigurationError(`record-reference reads the designated test accounts of a remote environment; ${name} is none (${recordable().join(', ')} are)`);
  const config = kind.remote(env);
  const variable = `${name.toUpperCase()}_TEST_ACCOUNTS_FILE`;
  const source = config.testAccountsFile;
  if (config.testAccounts.length === 0) throw new ConfigurationError(`${variable} ${source} designates no test account: nothing to record`);
  const out = resolve(options.out ?? join(dirname(source), `${basename(source, '.json')}.reference-${fileStamp(options.now)}.json`));
  if (out === source || existsSync(out)) throw new ConfigurationError(`record-reference does not overwrite ${out}: name a new file with --out`);
  const instance = config.instances[0];
  if (!instance) throw new ConfigurationError(`${name.toUpperCase()}_INSTANCES lists no instance`);
  const { version } = await new PlatformApi(instance.url).health();
  const raw = JSON.parse(readFileSync(source, 'utf8')) as unknown;
  const entries = (Array.isArray(raw) ? raw : (raw as { accounts: unknown[] }).accounts) as Record<string, unknown>[];
  const recorded: RecordedAccount[] = [];
  for (const [i, account] of config.testAccounts.entries()) {
    const api = new PlatformApi(instance.url);
    try {
      await api.login(account.email, account.password);
    } catch (error) {
      if (error instanceof HttpAssertionError && error.status >= 400 && error.status < 500) {
        throw new ConfigurationError(`${variable} ${source}: accounts[${i}] (${account.email}) cannot log in on ${instance.id} (${instance.url} answered ${error.status}): check its email and password`, { cause: error });
      }
      throw error;
    }
    const view = await readCustomerView(api);
    const reference = { ...referenceOf(view), account: view.contract };
    const entry = entries[i];
    // An account with no history has nothing to check after the migration (the file refuses an empty reference).
    const empty = reference.events.length === 0 && reference.recordings.length === 0;
    if (entry && empty) delete entry['reference'];
    else if (entry) entry['reference'] = reference;
    recorded.push({ email: account.email, offer: reference.offer, written: !empty, events: reference.events.length, recordings: reference.recordings.length, repeatedHour: reference.events.filter((e) => inRepeatedHour(e.at)).length });
  }
  // What is written must load as the file it replaces.
  const check = parseTestAccounts(raw);
  if ('problems' in check) throw new Error(`the recorded test accounts file would not load: ${check.problems.join('; ')}`);
  writeFileSync(out, `${JSON.stringify(raw, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { file: out, version, instance: instance.id, accounts: recorded };
}

/** The reference of an account as the API shows it: newest first, every event of the repeated October hour kept. */
export function referenceOf(data: AccountData): ReferenceData {
  const newest = data.events.slice(0, recordLimits.events);
  const trap = data.events.slice(recordLimits.events).filter((e) => inRepeatedHour(e.occurredAt));
  return {
    offer: data.offer,
    events: [...newest, ...trap].map((e) => ({ serial: e.serial, type: e.type, at: withParisOffset(e.occurredAt) })),
    recordings: data.recordings.slice(0, recordLimits.recordings).map((r) => ({ serial: r.serial, startedAt: withParisOffset(r.startedAt), durationMs: r.durationMs })),
  };
}

/** Whether Paris clocks showed the same time one hour before or after `instant`: the hour they repeat in October. */
export function inRepeatedHour(instant: string): boolean {
  const ms = Date.parse(instant);
  const wall = parisWallClock(ms);
  return wall === parisWallClock(ms - 3_600_000) || wall === parisWallClock(ms + 3_600_000);
}

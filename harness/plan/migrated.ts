// The designated migrated accounts of a local run: the ones the platform's ops tool picked among the generated V9 customers, with what each saw on V9 (read through the API before the migration).

import { readFileSync, writeFileSync } from 'node:fs';
import { PlatformApi, readCustomerView } from '../../drivers/index.ts';
import { parseTestAccounts, type TestAccount } from '../../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { referenceOf } from '../record-reference.ts';

export interface MigratedAccounts {
  /** The test accounts file written (private folder: it holds passwords). */
  file: string;
  accounts: TestAccount[];
}

/** Reads the accounts the ops tool designated (a test accounts file) and refuses one that does not load, naming its problems. */
export function readDesignated(file: string): TestAccount[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EnvironmentError(`the platform's ops tool wrote no readable designated accounts at ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseTestAccounts(raw);
  if ('problems' in parsed) throw new EnvironmentError(`the designated accounts the ops tool wrote at ${file} do not load: ${parsed.problems.slice(0, 5).join('; ')}`);
  return parsed.accounts;
}

/**
 * Logs each designated account in on `instanceUrl` (reads only) and records what it shows now: offer, settings, devices,
 * newest events and recordings. Written as a test accounts file, the same format as pre-production's, so the same
 * scenarios run on them. An account that cannot log in is a product defect of the platform being migrated, named.
 */
export async function recordMigratedAccounts(designated: TestAccount[], instanceUrl: string, out: string): Promise<MigratedAccounts> {
  if (designated.length === 0) throw new ConfigurationError('the generated V9 data designates no migrated account: generate-data must run with a scale that covers the catalog');
  const accounts: TestAccount[] = [];
  for (const account of designated) {
    const api = new PlatformApi(instanceUrl);
    await api.login(account.email, account.password);
    const view = await readCustomerView(api);
    const reference = referenceOf(view);
    const known = new Set(view.devices.map((d) => d.serial));
    const devices = (account.devices ?? []).filter((d) => known.has(d.serial));
    const empty = reference.events.length === 0 && reference.recordings.length === 0;
    accounts.push({ ...account, devices, ...(empty ? {} : { reference: { ...reference, account: view.contract } }) });
  }
  const check = parseTestAccounts({ accounts });
  if ('problems' in check) throw new Error(`the recorded migrated accounts would not load: ${check.problems.slice(0, 5).join('; ')}`);
  writeFileSync(out, `${JSON.stringify({ accounts }, null, 2)}\n`, { mode: 0o600 });
  return { file: out, accounts };
}

/** The same list without passwords: the evidence of which accounts were designated, safe in the run's folder. */
export function withoutPasswords(accounts: TestAccount[]): unknown {
  return { accounts: accounts.map(({ password: _password, ...rest }) => rest) };
}

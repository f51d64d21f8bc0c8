// One client per platform database for the ops commands, failing with a message that names the URL (password hidden).

import pg from 'pg';
import type { DatabaseName } from '../db.ts';
import { databaseNames, opsConnectTimeoutMs } from '../db.ts';
import type { DatabaseUrls } from '../flags.ts';
import { describeError } from '../log.ts';
import { StartupError } from '../startup-error.ts';
import { redactUrl } from '../../lib/url.ts';

export type Clients = Record<DatabaseName, pg.Client>;

/** Connects to the three databases; closes what it opened and throws naming the first URL that does not answer. */
export async function connectAll(urls: DatabaseUrls, application = 'sandbox-ops'): Promise<Clients> {
  const clients = {} as Clients;
  for (const name of databaseNames) {
    clients[name] = new pg.Client({ connectionString: urls[name], connectionTimeoutMillis: opsConnectTimeoutMs, application_name: application });
  }
  const results = await Promise.allSettled(databaseNames.map((name) => clients[name].connect()));
  const failed = results.findIndex((r) => r.status === 'rejected');
  if (failed >= 0) {
    await closeAll(clients);
    const name = databaseNames[failed] as DatabaseName;
    const reason = (results[failed] as PromiseRejectedResult).reason;
    throw new StartupError(`cannot reach the ${name} database at ${redactUrl(urls[name])}: ${describeError(reason)}`);
  }
  return clients;
}

export async function closeAll(clients: Clients): Promise<void> {
  await Promise.allSettled(databaseNames.map((name) => clients[name].end()));
}

/** Runs `work` in one transaction; rolls back and rethrows, naming the database, when it fails. */
export async function inTransaction<T>(client: pg.ClientBase, what: string, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof StartupError) throw error;
    throw new StartupError(`${what} failed and was rolled back: ${describeError(error)}`);
  }
}

/** The `platform_meta` version of the platform's schema (or of `schema`, e.g. the backup), or undefined when it has none. */
export async function schemaVersion(client: pg.ClientBase, schema?: string): Promise<string | undefined> {
  const table = schema === undefined ? 'platform_meta' : `${schema}.platform_meta`;
  const found = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table]);
  if (!found.rows[0]?.found) return undefined;
  const meta = await client.query<{ version: string }>(`SELECT version FROM ${table} LIMIT 1`);
  return meta.rows[0]?.version;
}

/** Throws unless each database holds the schema of `expected`, naming the one that does not. */
export async function requireVersion(clients: Clients, urls: DatabaseUrls, expected: string, command: string): Promise<void> {
  for (const name of databaseNames) {
    const found = await schemaVersion(clients[name]);
    if (found !== expected) {
      throw new StartupError(`${command} needs the ${expected} schema, but the ${name} database at ${redactUrl(urls[name])} holds ${found ?? 'no platform schema'}`);
    }
  }
}

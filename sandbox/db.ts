// Connections to the platform's three databases, failing fast with a message that names the unreachable URL.

import pg from 'pg';
import type { DatabaseUrls } from './flags.ts';
import type { Logger } from './log.ts';
import { describeError } from './log.ts';
import { StartupError } from './startup-error.ts';
import { redactUrl } from '../lib/url.ts';

export type DatabaseName = keyof DatabaseUrls;
export const databaseNames: DatabaseName[] = ['accounts', 'events', 'media'];

/** One pool per database. */
export type Pools = Record<DatabaseName, pg.Pool>;

/** Below the 10 s a caller may wait for a refusal, with room for the MQTT connection. */
export const connectTimeoutMs = 4000;

/**
 * The ops tooling's (init, backup, migrate, rollback, maintenance): run by hand or by the plan, on a database server
 * that may be busy creating or restoring other databases, so it waits longer than an instance answering a request.
 */
export const opsConnectTimeoutMs = 15_000;

/** Opens the three pools and proves each database answers; throws a StartupError naming the first URL that does not. */
export async function openPools(urls: DatabaseUrls, log: Logger): Promise<Pools> {
  const pools = {} as Pools;
  for (const name of databaseNames) pools[name] = createPool(name, urls[name], log);
  const checks = databaseNames.map(async (name) => {
    try {
      await pools[name].query('SELECT 1');
    } catch (error) {
      throw new StartupError(`cannot reach the ${name} database at ${redactUrl(urls[name])}: ${describeError(error)}`);
    }
  });
  const results = await Promise.allSettled(checks);
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) {
    await closePools(pools);
    throw failure.reason;
  }
  return pools;
}

export async function closePools(pools: Pools): Promise<void> {
  await Promise.allSettled(databaseNames.map((name) => pools[name].end()));
}

/**
 * The platform version recorded in a database's `platform_meta`, or undefined when the table is absent
 * (the database was never initialised).
 */
export async function readSchemaVersion(pool: pg.Pool): Promise<string | undefined> {
  const table = await pool.query<{ found: string | null }>("SELECT to_regclass('platform_meta')::text AS found");
  if (!table.rows[0]?.found) return undefined;
  const meta = await pool.query<{ version: string }>('SELECT version FROM platform_meta LIMIT 1');
  return meta.rows[0]?.version;
}

function createPool(name: DatabaseName, url: string, log: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, max: 8, application_name: 'sandbox' });
  // An idle client losing its connection must not crash the instance: the next query reconnects.
  pool.on('error', (error) => log.error(`${name} database connection lost: ${describeError(error)}`));
  return pool;
}

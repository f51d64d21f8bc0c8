// Shared by the migration and certifier tests: generated V9 data in throw-away databases, admin.ts run as a process.

import type pg from 'pg';
import { createTestDatabases } from '../../sandbox/support/databases.ts';
import type { TestDatabases } from '../../sandbox/support/databases.ts';
import { dbFlags, runAdmin } from '../../sandbox/support/processes.ts';
import type { Finished } from '../../sandbox/support/processes.ts';

/** Runs an admin.ts command on `dbs` that must succeed; returns its JSON answer. */
export async function admin(dbs: TestDatabases, command: string, ...args: string[]): Promise<Record<string, unknown>> {
  const done = await runAdmin([command, ...dbFlags(dbs.urls), ...args]);
  if (done.code !== 0) throw new Error(`admin.ts ${command} exited with ${done.code}: ${done.stderr}`);
  return JSON.parse(done.stdout) as Record<string, unknown>;
}

/** Runs an admin.ts command on `dbs` that may fail. */
export function adminRaw(dbs: TestDatabases, command: string, ...args: string[]): Promise<Finished> {
  return runAdmin([command, ...dbFlags(dbs.urls), ...args]);
}

/** Fresh databases holding generated V9 data (small scale, real catalog), maintenance on and a backup taken. */
export async function generatedV9(options: { backup?: boolean } = {}): Promise<TestDatabases> {
  const dbs = await createTestDatabases();
  await admin(dbs, 'init', '--version', 'v9');
  await admin(dbs, 'generate', '--scale', 'small', '--seed', '7');
  const maintenance = await runAdmin(['maintenance', 'on', '--accounts-url', dbs.urls.accounts]);
  if (maintenance.code !== 0) throw new Error(maintenance.stderr);
  if (options.backup !== false) await admin(dbs, 'backup');
  return dbs;
}

/** One value of the first row of `sql`. */
export async function scalar<T>(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await pool.query<{ v: T }>(sql, params);
  return rows[0]?.v as T;
}

/** Per table of the platform's schema: rows and a hash of their full text, to prove two states identical. */
export async function fingerprint(pool: pg.Pool, schema = 'public'): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema]);
  const out: Record<string, string> = {};
  for (const { t } of rows) {
    if (t === 'backup_meta') continue;
    out[t] = await scalar<string>(pool, `SELECT count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) AS v FROM ${schema}.${t} x`);
  }
  return out;
}

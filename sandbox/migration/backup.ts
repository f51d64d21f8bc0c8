// `admin.ts backup`: copies every V9 table of each database into the backup schema, with row counts and sequence states.

import type pg from 'pg';
import { databaseNames } from '../db.ts';
import type { DatabaseName } from '../db.ts';
import type { DatabaseUrls } from '../flags.ts';
import { closeAll, connectAll, inTransaction, requireVersion } from './connect.ts';
import { backupSchema, ident, sequencesOf, tablesOf } from './tables.ts';

export async function backupV9(urls: DatabaseUrls): Promise<Record<string, unknown>> {
  const started = performance.now();
  const clients = await connectAll(urls, 'sandbox-backup');
  try {
    await requireVersion(clients, urls, 'v9', 'backup');
    const results = await Promise.all(databaseNames.map((name) => backupDatabase(clients[name], name)));
    const tables = Object.fromEntries(databaseNames.map((name, i) => [name, results[i]]));
    return { backedUp: 'v9', schema: backupSchema, tables, durationMs: Math.round(performance.now() - started) };
  } finally {
    await closeAll(clients);
  }
}

async function backupDatabase(client: pg.ClientBase, name: DatabaseName): Promise<Record<string, number>> {
  return inTransaction(client, `the backup of the ${name} database`, async () => {
    // One snapshot for every table, so the copy is consistent even if something writes meanwhile.
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const tables = await tablesOf(client);
    const sequences = await sequencesOf(client);
    await client.query(`DROP SCHEMA IF EXISTS ${backupSchema} CASCADE; CREATE SCHEMA ${backupSchema}`);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const done = await client.query(`CREATE TABLE ${backupSchema}.${ident(table)} AS TABLE ${ident(table)}`);
      counts[table] = done.rowCount ?? 0;
      // Statistics, so that whoever reads the backup (the rollback, the data certifier) gets sound query plans.
      await client.query(`ANALYZE ${backupSchema}.${ident(table)}`);
    }
    await client.query(`CREATE TABLE ${backupSchema}.backup_meta (taken_at timestamptz NOT NULL, version text NOT NULL, tables jsonb NOT NULL, sequences jsonb NOT NULL)`);
    await client.query(`INSERT INTO ${backupSchema}.backup_meta VALUES (clock_timestamp(), 'v9', $1, $2)`, [JSON.stringify(counts), JSON.stringify(sequences)]);
    return counts;
  });
}

export interface BackupMeta {
  takenAt: Date;
  version: string;
  tables: Record<string, number>;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

/** The backup's record in this database, or undefined when there is no backup. */
export async function readBackupMeta(client: pg.ClientBase): Promise<BackupMeta | undefined> {
  const found = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [`${backupSchema}.backup_meta`]);
  if (!found.rows[0]?.found) return undefined;
  const { rows } = await client.query<{ taken_at: Date; version: string; tables: Record<string, number>; sequences: BackupMeta['sequences'] }>(
    `SELECT taken_at, version, tables, sequences FROM ${backupSchema}.backup_meta LIMIT 1`,
  );
  const row = rows[0];
  return row ? { takenAt: row.taken_at, version: row.version, tables: row.tables, sequences: row.sequences } : undefined;
}

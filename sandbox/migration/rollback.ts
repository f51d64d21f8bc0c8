// `admin.ts rollback`: V10 -> V9 from the backup: drop the V10 tables, recreate the V9 schema, copy every row and sequence back.

import type pg from 'pg';
import { databaseNames } from '../db.ts';
import type { DatabaseName } from '../db.ts';
import type { DatabaseUrls } from '../flags.ts';
import { schemas } from '../schema/index.ts';
import { StartupError } from '../startup-error.ts';
import { redactUrl } from '../../lib/url.ts';
import { readBackupMeta } from './backup.ts';
import type { BackupMeta } from './backup.ts';
import { withoutIndexes } from './bulk.ts';
import { closeAll, connectAll, inTransaction } from './connect.ts';
import type { RollbackFaults } from './faults.ts';
import { backupSchema, columnsOf, currentSchema, ident, loadOrder, tablesOf } from './tables.ts';
import { timed } from './timed.ts';

/** Tables big enough that rebuilding their indexes after the copy beats maintaining them row by row. */
const bulkRows = 100_000;

/** The backup stays: a second rollback is possible, and the certifier can compare with it. */
export async function rollbackToV9(urls: DatabaseUrls, faults: RollbackFaults): Promise<Record<string, unknown>> {
  const started = performance.now();
  const clients = await connectAll(urls, 'sandbox-rollback');
  try {
    const backups = {} as Record<DatabaseName, BackupMeta>;
    for (const name of databaseNames) {
      const backup = await readBackupMeta(clients[name]);
      if (!backup) throw new StartupError(`rollback needs the backup, but the ${name} database at ${redactUrl(urls[name])} has no ${backupSchema}.backup_meta`);
      backups[name] = backup;
    }
    const results = await Promise.all(databaseNames.map((name) =>
      timed(() => inTransaction(clients[name], `the rollback of the ${name} database`, () => restore(clients[name], name, backups[name], faults)))));
    const databases = Object.fromEntries(databaseNames.map((name, i) => [name, results[i]]));
    return { rolledBack: 'v9', durationMs: Math.round(performance.now() - started), databases, faults: faults.active };
  } finally {
    await closeAll(clients);
  }
}

async function restore(client: pg.ClientBase, name: DatabaseName, backup: BackupMeta, faults: RollbackFaults): Promise<{ rows: Record<string, number> }> {
  const v9Tables = Object.keys(backup.tables);
  const present = await tablesOf(client);
  // The fault: a hand-written list of V9 table names, so V10-only tables survive.
  const doomed = faults.leavesV10Rows ? present.filter((t) => v9Tables.includes(t)) : present;
  if (doomed.length > 0) await client.query(`DROP TABLE ${doomed.map(ident).join(', ')} CASCADE`);
  await client.query(schemas.v9.ddl[name]);
  await client.query(`TRUNCATE ${v9Tables.map(ident).join(', ')} CASCADE`);
  const schema = await currentSchema(client);
  const rows: Record<string, number> = {};
  for (const table of await loadOrder(client, v9Tables)) {
    const columns = (await columnsOf(client, backupSchema, table)).join(', ');
    const copy = async (): Promise<number> => (await client.query(`INSERT INTO ${ident(table)} (${columns}) SELECT ${columns} FROM ${backupSchema}.${ident(table)}`)).rowCount ?? 0;
    rows[table] = (backup.tables[table] ?? 0) >= bulkRows ? await withoutIndexes(client, `${schema}.${ident(table)}`, copy) : await copy();
  }
  for (const s of backup.sequences) await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [ident(s.name), s.lastValue, s.isCalled]);
  await client.query('ANALYZE');
  return { rows };
}

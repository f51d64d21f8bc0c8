// The class, not the instances: a change of any value, in any column of any table of either version, fails the certification.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { certifyMigration, v9ToV10 } from '../../drivers/certifier/index.ts';
import type { Mapping, MigrationCertificate, MigrationRehearsal } from '../../drivers/certifier/index.ts';
import { backedUpRehearsal } from './support/rehearsal.ts';

type Db = 'accounts' | 'events' | 'media';
interface Column {
  version: 'v9' | 'v10';
  db: Db;
  schema: string;
  table: string;
  column: string;
  type: string;
}

/** A different value of the same type (NULL becomes a value); JSON held as text stays JSON. */
function changed(c: string, type: string): string {
  if (type.endsWith('[]')) return `array_append(${c}, 'kw')`;
  if (/^(text|character)/.test(type)) return `CASE WHEN ${c} IS NULL THEN '{"kw": 1}' WHEN ${c} LIKE '{%' THEN (${c}::jsonb || '{"kw": 1}')::text ELSE ${c} || '-x' END`;
  if (/^(smallint|integer|bigint|numeric)/.test(type)) return `coalesce(${c} + 1, 1)`;
  if (type === 'boolean') return `coalesce(NOT ${c}, true)`;
  if (type.startsWith('timestamp')) return `coalesce(${c} + interval '1 second', '2020-01-01')`;
  if (type === 'jsonb') return `coalesce(${c}, '{}') || '{"kw": 1}'`;
  throw new Error(`no change written for type ${type} (${c}): add one`);
}

/** The service modules' tables hold at least one row each (billing: the generated one), the same in V9 (backup) and V10. */
const moduleRows = (schema: string): string => `
  INSERT INTO ${schema}.module_state VALUES (1, 5, '{person}', 30, '+33 6 00 00 00 01', 'famille@example.test', '2026-11-30 08:00+00', NULL);
  INSERT INTO ${schema}.module_usage VALUES (1, 'sms', '2026-11', 3);
  INSERT INTO ${schema}.mail_outbox VALUES (1, 1, '{"to": "client@example.test"}', NULL, 'pending', 0, '2026-12-01 08:00+00', NULL, '2026-12-01 07:59+00');
  INSERT INTO ${schema}.billing SELECT 1, 'card', '2026-12-31 23:00+00', NULL, false WHERE NOT EXISTS (SELECT 1 FROM ${schema}.billing WHERE customer_id = 1);
  INSERT INTO ${schema}.billing_payments VALUES (1, 1, '2026-12-01 00:00+00', 499, 'card', 'renewal-1-2026-12', 'succeeded', 'ch_1', NULL, 1, NULL, '2026-12-01 00:01+00');
  INSERT INTO ${schema}.partner_invoice_lines VALUES (1, 'assur-plus', 1, '2026-12-01 00:00+00', 1290, '2026-12-01 00:02+00');`;

describe('any change of any value in any table', () => {
  let rehearsal: MigrationRehearsal;
  let clean: MigrationCertificate;
  /** One session on `db` for `work`, closed after it (no pool left to see the databases dropped). */
  const session = async <T>(db: Db, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: rehearsal.urls[db] });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const certify = (mapping: Mapping = v9ToV10): Promise<MigrationCertificate> => certifyMigration(rehearsal.backupSide(), rehearsal.side('v10'), { sampleRows: 0, mapping });
  /** The entities reading `c`'s table (and those they borrow from): the full mapping would scan every event for each change. */
  const coverage = (c: Column): string[] => clean.coverage.find((x) => x.version === c.version && x.database === c.db && x.table === c.table)?.by ?? [];
  const readers = (c: Column): string[] => coverage(c).map((b) => (b === 'unchanged' ? c.table : b.replace(/^(entity|lookup of) /, '')));
  const mappingFor = (c: Column): Mapping => {
    const names = new Set([...readers(c), 'customers', 'devices', 'offers']);
    return { entities: v9ToV10.entities.filter((e) => names.has(e.name)), unchanged: coverage(c).includes('unchanged') ? [{ database: c.db, tables: [c.table] }] : [] };
  };
  before(async () => {
    rehearsal = await backedUpRehearsal();
    await rehearsal.migrate();
    await session('accounts', (client) => client.query(moduleRows('kw_v9_backup') + moduleRows('public')));
    clean = await certify();
    assert.equal(clean.verdict, 'certified');
  });
  after(async () => {
    await rehearsal.drop();
  });

  /** Every column the certificate says it certifies (excluded ones aside), with its type. */
  const columns = async (): Promise<Column[]> => {
    const all: Column[] = [];
    for (const t of clean.coverage.filter((x) => !x.by.every((b) => b.startsWith('excluded')))) {
      const schema = t.version === 'v9' ? 'kw_v9_backup' : 'public';
      const { rows } = await session(t.database, (client) => client.query<{ column: string; type: string }>(
        `SELECT a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
         WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`, [`${schema}.${t.table}`]));
      const excluded = t.by.flatMap((b) => /^excluded \(([^)]*)\)/.exec(b)?.[1]?.split(', ') ?? []);
      all.push(...rows.filter((r) => !excluded.includes(r.column)).map((r) => ({ version: t.version, db: t.database, schema, table: t.table, ...r })));
    }
    return all;
  };

  /** Changes one value of the table's first row (foreign keys not enforced: the value need not exist elsewhere), certifies, restores it. */
  const certifyChanged = (c: Column): Promise<MigrationCertificate | string> => session(c.db, async (client) => {
    const table = `${c.schema}.${c.table}`;
    const unchecked = (sql: string, params: unknown[] = []): Promise<pg.QueryResult<{ id: string; old: string | null }>> =>
      client.query("BEGIN; SET LOCAL session_replication_role = 'replica'").then(() => client.query(sql, params)).then(async (r) => {
        await client.query('COMMIT');
        return r;
      }, async (error: unknown) => {
        await client.query('ROLLBACK');
        throw error;
      });
    const done = await unchecked(`UPDATE ${table} t SET ${c.column} = ${changed('o.old', c.type)}
      FROM (SELECT ctid AS id, ${c.column} AS old FROM ${table} ORDER BY ctid LIMIT 1) o WHERE t.ctid = o.id RETURNING t.ctid::text AS id, o.old::text AS old`)
      .catch((error: Error) => `refused by the schema: ${error.message}`);
    if (typeof done === 'string') return done;
    const row = done.rows[0];
    if (!row) return 'empty table';
    try {
      return await certify(mappingFor(c));
    } finally {
      await unchecked(`UPDATE ${table} SET ${c.column} = $1::${c.type} WHERE ctid = $2::tid`, [row.old, row.id]);
    }
  });

  it('finds each one, on an entity that reads the changed table, and certifies again once it is undone', { timeout: 600_000 }, async (t) => {
    const missed: string[] = [];
    const skipped: string[] = [];
    let changedCount = 0;
    for (const c of await columns()) {
      const name = `${c.version} ${c.db}.${c.table}.${c.column}`;
      const cert = await certifyChanged(c);
      if (typeof cert === 'string') {
        skipped.push(`${name} (${cert.split('\n')[0]})`);
        continue;
      }
      changedCount += 1;
      const clean = (x: MigrationCertificate): boolean => x.entities.every((e) => e.findings.length === 0 && e.segments.differing === 0 && e.rows.v9 === e.rows.v10);
      if (clean(cert) || !cert.findings.some((f) => readers(c).includes(f.entity))) missed.push(`${name}: ${cert.findings.length} findings, none on ${readers(c).join(', ')}`);
    }
    t.diagnostic(`${changedCount} columns changed and found; not changed: ${skipped.join('; ') || 'none'}`);
    assert.deepEqual(missed, []);
    assert.ok(changedCount > 200, `${changedCount} columns changed`);
    assert.deepEqual(skipped.filter((s) => !/refused by the schema: (duplicate key value|new row for relation .* violates check constraint)/.test(s)), [],
      'only the schema itself (a primary key, a check) may refuse a change');
    assert.equal((await certify()).verdict, 'certified', 'every change undone');
  });
});

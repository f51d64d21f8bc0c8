// Completeness of the mapping: every table of both versions is certified; a table or column nobody maps fails, named.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { certifyMigration, expectCertified, v9ToV10 } from '../../drivers/certifier/index.ts';
import type { Mapping, MigrationCertificate, MigrationRehearsal } from '../../drivers/certifier/index.ts';
import { backedUpRehearsal } from './support/rehearsal.ts';

const databases = ['accounts', 'events', 'media'] as const;

describe('the completeness of the mapping', () => {
  let rehearsal: MigrationRehearsal;
  let cert: MigrationCertificate;
  const sql = async (db: (typeof databases)[number], text: string): Promise<pg.QueryResult> => {
    const pool = new pg.Pool({ connectionString: rehearsal.urls[db], max: 1 });
    try {
      return await pool.query(text);
    } finally {
      await pool.end();
    }
  };
  const certify = (mapping?: Mapping): Promise<MigrationCertificate> =>
    certifyMigration(rehearsal.backupSide(), rehearsal.side('v10'), { sampleRows: 0, ...(mapping ? { mapping } : {}) });
  before(async () => {
    rehearsal = await backedUpRehearsal();
    await rehearsal.migrate();
    cert = await certify();
  });
  after(async () => {
    await rehearsal.drop();
  });

  it('certifies every table information_schema lists in both versions, each by the mapping or excluded with a reason', async () => {
    const listed: string[] = [];
    for (const db of databases) {
      for (const [version, schema] of [['v9', 'kw_v9_backup'], ['v10', 'public']] as const) {
        const { rows } = await sql(db, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY 1`);
        listed.push(...rows.map((r: { t: string }) => `${version} ${db}.${r.t}`));
      }
    }
    assert.ok(listed.includes('v9 accounts.offer_modules') && listed.includes('v10 accounts.device_models') && listed.length > 40);
    assert.deepEqual(cert.coverage.map((t) => `${t.version} ${t.database}.${t.table}`).sort(), listed.sort());
    assert.deepEqual(cert.coverage.filter((t) => t.by.length === 0 || t.uncovered.length > 0), []);
    assert.equal(cert.verdict, 'certified');
  });

  it('compares the reference tables themselves, not only through the customers', () => {
    const rows = Object.fromEntries(cert.entities.map((e) => [e.entity, e.rows.v9]));
    for (const entity of ['partners', 'white labels', 'account_types', 'payment_methods', 'modules', 'offers', 'camera models']) assert.ok((rows[entity] ?? 0) > 0, entity);
    const by = (version: string, table: string): string[] => cert.coverage.find((t) => `${t.version} ${t.table}` === `${version} ${table}`)?.by ?? [];
    assert.deepEqual(by('v9', 'offer_modules'), ['lookup of subscriptions', 'lookup of offers']);
    assert.match(by('v9', 'backup_meta').join(), /excluded: the backup command's own record/);
  });

  it('fails a V9 column neither mapped nor excluded, naming table.column in the certificate and in the message', async () => {
    await sql('accounts', 'ALTER TABLE kw_v9_backup.customers ADD COLUMN loyalty_points integer DEFAULT 3');
    try {
      const found = await certify();
      assert.equal(found.verdict, 'differences');
      assert.deepEqual(found.findings.map((f) => [f.kind, f.field, f.actual]), [['columns', 'accounts.customers.loyalty_points', 'V9 column neither mapped nor excluded']]);
      assert.deepEqual(found.coverage.find((t) => t.version === 'v9' && t.table === 'customers')?.uncovered, ['loyalty_points']);
      assert.throws(() => expectCertified(found), /mapping columns accounts\.customers\.loyalty_points V9 \{"table":"accounts\.customers","column":"loyalty_points"\}/);
      const excluded: Mapping = { ...v9ToV10, excluded: [...(v9ToV10.excluded ?? []), { version: 'v9', database: 'accounts', table: 'customers', columns: ['loyalty_points'], reason: 'not carried over on purpose' }] };
      assert.equal((await certify(excluded)).verdict, 'certified', 'the same column excluded with a reason certifies');
    } finally {
      await sql('accounts', 'ALTER TABLE kw_v9_backup.customers DROP COLUMN loyalty_points');
    }
  });

  it('fails a new V10 table nobody maps, naming it', async () => {
    await sql('media', 'CREATE TABLE public.thumbnails (storage_key text PRIMARY KEY, png bytea)');
    try {
      const found = await certify();
      assert.deepEqual(found.findings.map((f) => [f.kind, f.field, f.actual, f.v10Key]), [['table', 'media.thumbnails', 'V10 table nobody certifies', { table: 'media.thumbnails' }]]);
    } finally {
      await sql('media', 'DROP TABLE public.thumbnails');
    }
  });

  it('sees a column renamed, and a column whose type changes, between two certifications of the same databases', async () => {
    assert.equal((await certify()).verdict, 'certified');
    await sql('media', 'ALTER TABLE public.recordings RENAME COLUMN duration_ms TO length_ms');
    try {
      await assert.rejects(certify(), /field "duration" names column recordings\.duration_ms, which does not exist \(columns: .*length_ms/);
    } finally {
      await sql('media', 'ALTER TABLE public.recordings RENAME COLUMN length_ms TO duration_ms');
    }
    assert.equal((await certify()).verdict, 'certified', 'renamed back');
    await sql('events', "ALTER TABLE public.events ALTER COLUMN occurred_at TYPE timestamp USING occurred_at AT TIME ZONE 'UTC'");
    try {
      await assert.rejects(certify(), /events\.occurred_at is timestamp without time zone, but utc-instant needs timestamp with time zone/);
    } finally {
      await sql('events', "ALTER TABLE public.events ALTER COLUMN occurred_at TYPE timestamptz USING occurred_at AT TIME ZONE 'UTC'");
    }
    assert.equal((await certify()).verdict, 'certified', 'its type back');
  });

  it('fails a reference table once its entity leaves the mapping, naming the table', async () => {
    const found = await certify({ ...v9ToV10, entities: v9ToV10.entities.filter((e) => e.name !== 'camera models') });
    assert.deepEqual(found.findings.map((f) => [f.kind, f.field, f.actual]), [
      ['table', 'accounts.camera_models', 'V9 table nobody certifies'],
      ['table', 'accounts.device_models', 'V10 table nobody certifies'],
    ]);
  });
});

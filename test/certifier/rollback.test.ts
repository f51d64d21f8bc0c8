// Rollback certification: V9 after the rollback against the checksums taken before the migration, differences located via the backup.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { MigrationRehearsal } from '../../drivers/certifier/index.ts';
import { backedUpRehearsal } from './support/rehearsal.ts';

describe('certifying a rollback', () => {
  let rehearsal: MigrationRehearsal;
  before(async () => {
    rehearsal = await backedUpRehearsal();
  });
  after(async () => {
    await rehearsal.drop();
  });

  it('certifies a rollback that gives V9 back exactly: every table, checksum and sequence', async () => {
    await rehearsal.migrate();
    await rehearsal.rollback();
    const cert = await rehearsal.certifyRollback();
    assert.deepEqual(cert.findings, []);
    assert.equal(cert.verdict, 'certified');
    assert.ok(cert.tables.length >= 18, `${cert.tables.length} tables`);
    for (const t of cert.tables) assert.equal(t.checksum.after, t.checksum.before, `${t.database}.${t.table}`);
  });

  it('detects the V10 tables and rows a faulty rollback leaves behind, naming their keys', async () => {
    await rehearsal.migrate();
    await rehearsal.rollback(['rollback-leaves-v10-rows']);
    try {
      const cert = await rehearsal.certifyRollback();
      assert.equal(cert.verdict, 'differences');
      const left = cert.findings.filter((f) => f.kind === 'table').map((f) => `${f.entity} ${f.actual}`);
      assert.ok(left.includes('accounts.devices 500 rows') && left.includes('accounts.subscriptions 250 rows'), left.join('; '));
      assert.ok(left.some((t) => t.startsWith('accounts.device_models ')), left.join('; '));
      assert.ok(cert.findings.some((f) => f.kind === 'unexpected' && f.entity === 'accounts.devices' && typeof f.v10Key?.serial === 'string'));
      assert.ok(cert.tables.every((t) => t.segments.differing === 0), 'the V9 tables themselves are intact');
    } finally {
      await rehearsal.migrate();
      await rehearsal.rollback();
    }
  });

  it('locates a row the rollback changed to the row and the column, through the backup', async () => {
    const pool = new pg.Pool({ connectionString: rehearsal.urls.media, max: 1 });
    try {
      const key = (await pool.query<{ k: string }>('SELECT storage_key AS k FROM recordings ORDER BY storage_key LIMIT 1 OFFSET 100')).rows[0]?.k;
      await pool.query('UPDATE recordings SET duration_s = duration_s + 1 WHERE storage_key = $1', [key]);
      const cert = await rehearsal.certifyRollback();
      assert.deepEqual(cert.findings.map((f) => [f.entity, f.kind, f.v9Key, f.field]), [['media.recordings', 'field', { id: cert.findings[0]?.v9Key?.id }, 'duration_s']]);
      assert.equal(Number(cert.findings[0]?.actual) - Number(cert.findings[0]?.expected), 1);
      await pool.query('UPDATE recordings SET duration_s = duration_s - 1 WHERE storage_key = $1', [key]);
    } finally {
      await pool.end();
    }
  });
});

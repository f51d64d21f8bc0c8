// Each injected migration defect is found and located to the row: the exact set of rows it damaged, with the field and both values.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Finding, MigrationCertificate, MigrationRehearsal } from '../../drivers/certifier/index.ts';
import { backedUpRehearsal, certifyWithFault } from './support/rehearsal.ts';

/** Findings of `entity` (of `kind`, on `field`) as sorted key texts. */
function keysOf(cert: MigrationCertificate, entity: string, kind: Finding['kind'], field: string | null): string[] {
  return cert.findings.filter((f) => f.entity === entity && f.kind === kind && f.field === field && f.via === 'checksums')
    .map((f) => Object.values(f.v9Key ?? f.v10Key ?? {}).join('/')).sort();
}

describe('certifying a migration with injected defects', () => {
  let rehearsal: MigrationRehearsal;
  let backup: pg.Pool;
  const query = async (db: 'accounts' | 'events' | 'media', sql: string): Promise<string[]> => {
    const pool = new pg.Pool({ connectionString: rehearsal.urls[db], max: 1 });
    try {
      return (await pool.query<{ k: string }>(sql)).rows.map((r) => r.k).sort();
    } finally {
      await pool.end();
    }
  };
  const certifyWith = (fault: string): Promise<MigrationCertificate> => certifyWithFault(rehearsal, fault);
  before(async () => {
    rehearsal = await backedUpRehearsal();
    backup = new pg.Pool({ connectionString: rehearsal.urls.accounts, max: 1 });
  });
  after(async () => {
    await backup.end();
    await rehearsal.drop();
  });

  it('finds every event dropped with its offer, by V9 key, and the counts of that offer and its partner', async () => {
    const cert = await certifyWith('drop-events-of-offer:senior-2018');
    const seniors = (await backup.query<{ ids: number[] }>("SELECT array_agg(id) AS ids FROM kw_v9_backup.customers WHERE offer_code = 'senior-2018'")).rows[0]?.ids ?? [];
    const dropped = await query('events', `SELECT camera_serial || '/' || camera_event_id AS k FROM kw_v9_backup.events WHERE customer_id IN (${seniors.join(',')})`);
    assert.ok(dropped.length > 0);
    assert.deepEqual(keysOf(cert, 'events', 'missing', null), dropped);
    const count = cert.entities.find((e) => e.entity === 'events')?.counts.find((c) => c.dimension === 'offer' && c.value === 'senior-2018');
    assert.deepEqual(count && [count.v9, count.v10], [dropped.length, 0]);
    assert.ok(cert.findings.some((f) => f.kind === 'count' && f.entity === 'events' && f.field === 'partner' && f.v9Key?.partner === 'veilleurs-solidaires'));
    assert.equal(cert.verdict, 'differences');
  });

  it('finds the one-hour shift of exactly the times in the repeated October hour, with both values', async () => {
    const cert = await certifyWith('shift-dst-hour');
    const repeated = "local_time::time >= '02:00' AND local_time::time < '03:00' AND extract(month FROM local_time) = 10 AND extract(dow FROM local_time) = 0 AND extract(day FROM local_time) > 24";
    const shifted = await query('events', `SELECT camera_serial || '/' || camera_event_id AS k FROM kw_v9_backup.events WHERE ${repeated}`);
    assert.ok(shifted.length > 0);
    assert.deepEqual(keysOf(cert, 'events', 'field', 'occurred'), shifted);
    const one = cert.findings.find((f) => f.entity === 'events' && f.field === 'occurred');
    assert.ok(one?.expected && one.actual);
    assert.equal(Date.parse(`${one.actual}Z`) - Date.parse(`${one.expected}Z`), 3600_000, 'one hour late');
    assert.ok(cert.findings.some((f) => f.entity === 'customers' && f.field === 'created'), 'customers who signed up in that hour too');
  });

  it('finds each recording whose duration was truncated, and only those', async () => {
    const cert = await certifyWith('truncate-durations-of-model:lynx-2014');
    const truncated = await query('media', "SELECT storage_key AS k FROM kw_v9_backup.recordings WHERE camera_serial LIKE 'LYNX-%' AND duration_s % 60 <> 0");
    assert.ok(truncated.length > 0);
    assert.deepEqual(keysOf(cert, 'recordings', 'field', 'duration'), truncated);
    const one = cert.findings.find((f) => f.entity === 'recordings' && f.field === 'duration');
    assert.equal(Number(one?.actual) % 60_000, 0);
    assert.ok(Number(one?.expected) > Number(one?.actual));
  });

  it('finds each subscription mapped to the wrong offer, with the offer and modules expected and found', async () => {
    const cert = await certifyWith('wrong-offer-mapping:essentiel-2019');
    const customers = await query('accounts', "SELECT id::text AS k FROM kw_v9_backup.customers WHERE offer_code = 'essentiel-2019'");
    assert.deepEqual(keysOf(cert, 'subscriptions', 'field', 'offer'), customers);
    const one = cert.findings.find((f) => f.entity === 'subscriptions' && f.kind === 'field' && f.field === 'offer');
    assert.deepEqual([one?.expected, one?.actual], ['essentiel-2019', 'intelligence-2019']);
    assert.deepEqual(one?.v10Key, { customer_id: one?.v9Key?.id });
    assert.ok(cert.findings.some((f) => f.entity === 'subscriptions' && f.field === 'modules'));
  });
});

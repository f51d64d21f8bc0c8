// The certifier on a clean migration: zero differences, equal counts per partner, offer and device kind, everything in SQL.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { certifyMigration, readV9InAdvance, v9ToV10 } from '../../drivers/certifier/index.ts';
import type { MigrationCertificate, MigrationRehearsal } from '../../drivers/certifier/index.ts';
import { backedUpRehearsal, thorough } from './support/rehearsal.ts';

describe('certifying a clean V9 -> V10 migration', () => {
  let rehearsal: MigrationRehearsal;
  let cert: MigrationCertificate;
  before(async () => {
    rehearsal = await backedUpRehearsal();
    await rehearsal.migrate();
    cert = await rehearsal.certifyMigration();
  });
  after(async () => {
    await rehearsal.drop();
  });

  it('finds zero differences and certifies', () => {
    assert.deepEqual(cert.findings, []);
    assert.equal(cert.verdict, 'certified');
    assert.equal(cert.totals.differingRows, 0);
  });

  it('compares every customer-data table with equal rows and checksums on both sides', () => {
    assert.deepEqual(cert.entities.map((e) => e.entity).slice(0, 6), ['customers', 'subscriptions', 'devices', 'sessions', 'events', 'recordings']);
    assert.ok(cert.entities.some((e) => e.entity === 'module_state'), 'the tables carried over unchanged too');
    for (const e of cert.entities) {
      assert.equal(e.rows.v9, e.rows.v10, e.entity);
      assert.equal(e.checksum.v9, e.checksum.v10, e.entity);
      assert.equal(e.segments.differing, 0, e.entity);
    }
    assert.deepEqual(Object.fromEntries(cert.entities.slice(0, 6).map((e) => [e.entity, e.rows.v9])), { customers: 250, subscriptions: 250, devices: 500, sessions: 25, events: 8000, recordings: 6000 });
  });

  it('counts events per partner and offer, and devices and recordings per device kind, equal on both sides', () => {
    const counts = (entity: string, dimension: string) => cert.entities.find((e) => e.entity === entity)?.counts.filter((c) => c.dimension === dimension) ?? [];
    assert.equal(counts('events', 'partner').length, 6);
    assert.equal(counts('events', 'offer').length, 12);
    assert.deepEqual(counts('devices', 'device kind').map((c) => [c.value, c.v9, c.v10]), [['camera', 500, 500]]);
    assert.deepEqual(counts('recordings', 'device kind').map((c) => [c.value, c.v9, c.v10]), [['camera', 6000, 6000]]);
    for (const e of cert.entities) for (const c of e.counts) assert.equal(c.v9, c.v10, `${e.entity} ${c.dimension} ${c.value}`);
  });

  it('counts events per customer dimension in the checksum scan itself, as the two merged passes count them, and reads Paris times through the change boundaries', async () => {
    const scansOfEvents = async (): Promise<{ counts: unknown; groupByCustomer: number; parisSearches: number }> => {
      let groupByCustomer = 0;
      let parisSearches = 0;
      const onQuery = (_ms: number, q: { database: string; sql: string }): void => {
        if (q.database === 'events' && /GROUP BY 1/.test(q.sql)) groupByCustomer += 1;
        if (q.database === 'events' && /GROUPING SETS/.test(q.sql) && /width_bucket\(t\.local_time/.test(q.sql)) parisSearches += 1;
      };
      const again = await certifyMigration(rehearsal.backupSide(), rehearsal.side('v10'), { ...thorough, sampleRows: 0, onQuery });
      return { counts: again.entities.find((e) => e.entity === 'events')?.counts, groupByCustomer, parisSearches };
    };
    const folded = await scansOfEvents();
    process.env['KW_CERTIFIER_FOLD'] = 'off';
    const merged = await scansOfEvents().finally(() => delete process.env['KW_CERTIFIER_FOLD']);
    assert.equal(folded.groupByCustomer, 0, 'no pass of its own over the events to count them per customer');
    assert.equal(merged.groupByCustomer, 2, 'one pass per side when not folded');
    assert.deepEqual(folded.counts, merged.counts);
    assert.deepEqual(folded.counts, cert.entities.find((e) => e.entity === 'events')?.counts);
    assert.ok(folded.parisSearches > 0, "V9's Paris times read through the change boundaries (paris.ts), not a time-zone conversion per row");
  });

  it('takes the V9 side read while the migration ran, then scans V10 alone, to the same certificate', async () => {
    const scans = { before: 0, after: 0, without: 0 };
    const counting = (key: keyof typeof scans) => (_ms: number, q: { sql: string }): void => {
      if (/GROUPING SETS|GROUP BY seg/.test(q.sql)) scans[key] += 1;
    };
    const v9Side = await readV9InAdvance(rehearsal.backupSide(), v9ToV10, { ...thorough, onQuery: counting('before') });
    await Promise.all(v9Side.scans.values());
    const withRead = await certifyMigration(rehearsal.backupSide(), rehearsal.side('v10'), { ...thorough, v9Side, onQuery: counting('after') });
    const without = await certifyMigration(rehearsal.backupSide(), rehearsal.side('v10'), { ...thorough, onQuery: counting('without') });
    const content = (c: MigrationCertificate) => c.entities.map(({ durationsMs: _, ...e }) => e);
    assert.deepEqual(content(withRead), content(without));
    assert.deepEqual(content(withRead), content(cert));
    assert.equal(withRead.verdict, 'certified');
    assert.ok(scans.without > 0);
    assert.equal(scans.before, scans.without / 2, 'the V9 half of the scans, read beforehand');
    assert.equal(scans.after, scans.without / 2, 'the certification scanned V10 only');
  });

  it('compares a deep sample of random rows field by field', () => {
    for (const e of cert.entities) {
      assert.equal(e.sample.rows, Math.min(e.rows.v9, 100), e.entity);
      assert.equal(e.sample.differingRows, 0, e.entity);
    }
  });

  it('names the sides it compared without passwords, the V9 side being the backup', () => {
    assert.equal(cert.v9.schema, 'kw_v9_backup');
    assert.equal(cert.v10.schema, null);
    assert.doesNotMatch(JSON.stringify(cert), /:[^/@:]+@/);
  });
});

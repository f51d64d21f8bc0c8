// admin.ts init: each version's schema really has its own format, reference data comes from the catalog, errors name the culprit.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { dbFlags, fixtureCatalog, repoRoot, runAdmin } from './support/processes.ts';

async function columnType(dbs: TestDatabases, db: 'accounts' | 'events' | 'media', table: string, column: string): Promise<string | undefined> {
  const { rows } = await dbs.pool(db).query<{ data_type: string }>(
    'SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2',
    [table, column],
  );
  return rows[0]?.data_type;
}

async function tables(dbs: TestDatabases, db: 'accounts' | 'events' | 'media'): Promise<string[]> {
  const { rows } = await dbs.pool(db).query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1');
  return rows.map((r) => r.tablename);
}

describe('admin.ts init', () => {
  let dbs: TestDatabases;
  before(async () => {
    dbs = await createTestDatabases();
  });
  after(async () => {
    await dbs.drop();
  });

  it('creates the V9 schema with Paris local timestamps, durations in seconds and numeric event codes', async () => {
    const done = await runAdmin(['init', '--version', 'v9', ...dbFlags(dbs.urls), '--catalog', fixtureCatalog]);
    assert.equal(done.code, 0, done.stderr);
    // V9 knows neither the V10-only modules nor the offer that needs them.
    assert.deepEqual(JSON.parse(done.stdout), {
      initialized: 'v9', partners: 2, whiteLabels: 2, accountTypes: 3, paymentMethods: 4, modules: 6, offers: 2, offerModules: 7, cameraModels: 2,
      partnerOffers: 3, whiteLabelAccountTypes: 3, whiteLabelPaymentMethods: 3,
    });
    assert.equal(await columnType(dbs, 'events', 'events', 'local_time'), 'timestamp without time zone');
    assert.equal(await columnType(dbs, 'events', 'events', 'code'), 'smallint');
    assert.equal(await columnType(dbs, 'media', 'recordings', 'duration_s'), 'integer');
    assert.equal(await columnType(dbs, 'accounts', 'customers', 'offer_code'), 'text');
    assert.ok((await tables(dbs, 'accounts')).includes('cameras'));
    for (const db of ['accounts', 'events', 'media'] as const) {
      assert.deepEqual((await dbs.pool(db).query('SELECT version FROM platform_meta')).rows, [{ version: 'v9' }], db);
    }
  });

  it('replaces the V9 schema by the V10 one: UTC timestamptz, milliseconds, typed payloads, devices and subscriptions', async () => {
    const done = await runAdmin(['init', '--version', 'v10', ...dbFlags(dbs.urls), '--catalog', fixtureCatalog]);
    assert.equal(done.code, 0, done.stderr);
    const counts = JSON.parse(done.stdout) as Record<string, number>;
    assert.equal(counts.offers, 3);
    assert.equal(counts.deviceModels, 9, 'cameras, alarm panels and objects');
    assert.equal(await columnType(dbs, 'events', 'events', 'occurred_at'), 'timestamp with time zone');
    assert.equal(await columnType(dbs, 'events', 'events', 'payload'), 'jsonb');
    assert.equal(await columnType(dbs, 'media', 'recordings', 'duration_ms'), 'bigint');
    assert.equal(await columnType(dbs, 'accounts', 'subscriptions', 'modules'), 'ARRAY');
    assert.equal(await columnType(dbs, 'accounts', 'devices', 'kind'), 'text');
    const accountTables = await tables(dbs, 'accounts');
    assert.ok(!accountTables.includes('cameras') && !accountTables.includes('offer_modules'), accountTables.join(', '));
    assert.deepEqual((await dbs.pool('events').query('SELECT version FROM platform_meta')).rows, [{ version: 'v10' }]);
  });

  it('loads every partner, white label and offer of the real catalog', async () => {
    const catalog = loadCatalog(`${repoRoot}/catalog/data`);
    const done = await runAdmin(['init', '--version', 'v10', ...dbFlags(dbs.urls)]);
    assert.equal(done.code, 0, done.stderr);
    const counts = JSON.parse(done.stdout) as Record<string, number>;
    assert.equal(counts.partners, catalog.partners.length);
    assert.equal(counts.whiteLabels, catalog.whiteLabels.length);
    assert.equal(counts.offers, catalog.offers.length);
  });

  it('names the unreachable database URL, without its password, and exits non-zero', async () => {
    const urls = { ...dbs.urls, accounts: 'postgres://postgres:s3cret@127.0.0.1:1/nowhere' };
    const done = await runAdmin(['init', '--version', 'v9', ...dbFlags(urls)]);
    assert.notEqual(done.code, 0);
    assert.match(done.stderr, /postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    assert.doesNotMatch(done.stderr, /s3cret/);
    assert.equal(done.stderr.trim().split('\n').length, 1);
  });

  it('names the catalog directory it cannot read', async () => {
    const done = await runAdmin(['init', '--version', 'v9', ...dbFlags(dbs.urls), '--catalog', '/nonexistent/catalog']);
    assert.notEqual(done.code, 0);
    assert.match(done.stderr, /\/nonexistent\/catalog/);
  });

  it('rejects an unknown version with a message naming the flag', async () => {
    const done = await runAdmin(['init', '--version', 'v11', ...dbFlags(dbs.urls)]);
    assert.notEqual(done.code, 0);
    assert.match(done.stderr, /--version must be v9 or v10/);
  });
});

// admin.ts backup, rollback and maintenance: the rollback gives back V9 exactly; its fault leaves V10 tables behind.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, adminRaw, fingerprint, generatedV9, scalar } from '../certifier/support/platform.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { runAdmin } from './support/processes.ts';

const databases = ['accounts', 'events', 'media'] as const;

describe('admin.ts backup and rollback', () => {
  let dbs: TestDatabases;
  const original: Record<string, Record<string, string>> = {};
  before(async () => {
    dbs = await generatedV9({ backup: false });
    for (const db of databases) original[db] = await fingerprint(dbs.pool(db));
    await admin(dbs, 'backup');
  });
  after(async () => {
    await dbs.drop();
  });

  it('copies every V9 table into kw_v9_backup, row for row', async () => {
    for (const db of databases) assert.deepEqual(await fingerprint(dbs.pool(db), 'kw_v9_backup'), original[db], db);
  });

  it('restores V9 exactly after a migration: every table, every row, the sequences', async () => {
    const sequence = await scalar<string>(dbs.pool('events'), "SELECT last_value::text AS v FROM pg_sequences WHERE sequencename = 'events_id_seq'");
    await admin(dbs, 'migrate');
    const answer = await admin(dbs, 'rollback');
    assert.equal(answer.rolledBack, 'v9');
    for (const db of databases) assert.deepEqual(await fingerprint(dbs.pool(db)), original[db], db);
    assert.equal(await scalar<string>(dbs.pool('events'), "SELECT last_value::text AS v FROM pg_sequences WHERE sequencename = 'events_id_seq'"), sequence);
  });

  it('with rollback-leaves-v10-rows, leaves the V10-only tables and their rows in the accounts database', async () => {
    await admin(dbs, 'migrate');
    await admin(dbs, 'rollback', '--fault', 'rollback-leaves-v10-rows');
    const { rows } = await dbs.pool('accounts').query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('devices', 'subscriptions', 'device_models') ORDER BY 1");
    assert.deepEqual(rows.map((r) => r.t), ['device_models', 'devices', 'subscriptions']);
    assert.equal(await scalar<number>(dbs.pool('accounts'), 'SELECT count(*)::int AS v FROM devices'), 500);
    await admin(dbs, 'migrate');
    await admin(dbs, 'rollback');
  });

  it('refuses to roll back without a backup, naming the database', async () => {
    const bare = await createTestDatabases();
    try {
      await admin(bare, 'init', '--version', 'v10');
      const done = await adminRaw(bare, 'rollback');
      assert.equal(done.code, 2);
      assert.match(done.stderr, /rollback needs the backup, but the accounts database at .* has no kw_v9_backup\.backup_meta/);
    } finally {
      await bare.drop();
    }
  });
});

describe('admin.ts maintenance', () => {
  it('turns the maintenance mode on with its notice, reports it, and turns it off', async () => {
    const dbs = await createTestDatabases();
    try {
      const flags = ['--accounts-url', dbs.urls.accounts];
      const off = await runAdmin(['maintenance', 'status', ...flags]);
      assert.equal(JSON.parse(off.stdout).maintenance, false);
      const on = JSON.parse((await runAdmin(['maintenance', 'on', ...flags, '--message', 'Migration V10 en cours'])).stdout);
      assert.equal(on.maintenance, true);
      assert.equal(on.message, 'Migration V10 en cours');
      assert.equal(JSON.parse((await runAdmin(['maintenance', 'off', ...flags])).stdout).maintenance, false);
      const bad = await runAdmin(['maintenance', 'sideways', ...flags]);
      assert.match(bad.stderr, /maintenance takes on, off or status/);
    } finally {
      await dbs.drop();
    }
  });
});

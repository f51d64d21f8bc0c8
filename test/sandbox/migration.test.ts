// admin.ts migrate: a real format conversion, only under maintenance after a backup, with fault switches that do what they say.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, adminRaw, generatedV9, scalar } from '../certifier/support/platform.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { runAdmin } from './support/processes.ts';

describe('admin.ts migrate', () => {
  let dbs: TestDatabases;
  before(async () => {
    dbs = await generatedV9({ backup: false });
    // The service modules' tables are the same in both versions: the migration must carry their rows over.
    await dbs.pool('accounts').query("INSERT INTO module_usage (customer_id, channel, period, used) VALUES (7, 'sms', '2026-10', 3)");
    await admin(dbs, 'backup');
    await admin(dbs, 'migrate');
  });
  after(async () => {
    await dbs.drop();
  });

  it('converts Paris wall-clock times to UTC, the repeated October hour read as summer time (its first occurrence)', async () => {
    const { rows } = await dbs.pool('events').query<{ key: string; local: string; utc: string }>(
      `SELECT o.camera_serial || '/' || o.camera_event_id AS key, o.local_time::text AS local, (e.occurred_at AT TIME ZONE 'UTC')::text AS utc
       FROM kw_v9_backup.events o JOIN events e ON e.device_serial = o.camera_serial AND e.device_event_id = o.camera_event_id
       WHERE o.local_time::time >= '02:00' AND o.local_time::time < '03:00' AND extract(month FROM o.local_time) = 10
         AND extract(dow FROM o.local_time) = 0 AND extract(day FROM o.local_time) > 24`);
    assert.ok(rows.length > 0);
    for (const r of rows) assert.equal(Date.parse(`${r.utc}Z`), Date.parse(`${r.local}Z`) - 2 * 3600_000, `${r.key}: ${r.local} Paris`);
  });

  it('turns seconds into milliseconds, codes into kinds, JSON details into payloads and cameras into devices', async () => {
    const events = dbs.pool('events');
    assert.equal(await scalar<number>(events, 'SELECT count(*)::int AS v FROM events e JOIN kw_v9_backup.events o ON o.camera_serial = e.device_serial AND o.camera_event_id = e.device_event_id JOIN kw_v9_backup.event_codes c ON c.code = o.code WHERE c.name <> e.kind OR coalesce(o.details::jsonb, \'{}\') <> e.payload'), 0);
    const media = dbs.pool('media');
    assert.equal(await scalar<number>(media, 'SELECT count(*)::int AS v FROM recordings r JOIN kw_v9_backup.recordings o USING (storage_key) WHERE r.duration_ms <> o.duration_s * 1000'), 0);
    assert.deepEqual((await dbs.pool('accounts').query('SELECT DISTINCT kind FROM devices')).rows, [{ kind: 'camera' }]);
    const modules = await scalar<string[]>(dbs.pool('accounts'), "SELECT modules AS v FROM subscriptions s JOIN customers c ON c.id = s.customer_id WHERE s.offer_id = 'serenite-2011' LIMIT 1");
    assert.deepEqual(modules, ['recordings', 'sms']);
  });

  it('keeps every row and the customer ids, and marks the three databases v10', async () => {
    for (const [db, v9, v10] of [['accounts', 'customers', 'customers'], ['accounts', 'cameras', 'devices'], ['events', 'events', 'events'], ['media', 'recordings', 'recordings']] as const) {
      assert.equal(await scalar<number>(dbs.pool(db), `SELECT count(*)::int AS v FROM ${v10}`), await scalar<number>(dbs.pool(db), `SELECT count(*)::int AS v FROM kw_v9_backup.${v9}`), v10);
      assert.equal(await scalar<string>(dbs.pool(db), 'SELECT version AS v FROM platform_meta'), 'v10');
    }
    assert.equal(await scalar<number>(dbs.pool('accounts'), 'SELECT count(*)::int AS v FROM customers c JOIN kw_v9_backup.customers o USING (id, email)'), 250);
  });

  it('carries the tables both versions share over as they are', async () => {
    assert.deepEqual((await dbs.pool('accounts').query('SELECT customer_id, channel, period, used FROM module_usage')).rows, [{ customer_id: 7, channel: 'sms', period: '2026-10', used: 3 }]);
  });

  it('refuses to migrate a platform that is already V10, naming the database', async () => {
    const done = await adminRaw(dbs, 'migrate');
    assert.equal(done.code, 2);
    assert.match(done.stderr, /migrate needs the v9 schema, but the accounts database at .* holds v10/);
  });
});

describe('admin.ts migrate refusals and faults', () => {
  it('refuses to run without the maintenance mode, then without a backup taken since', async () => {
    const dbs = await createTestDatabases();
    try {
      await admin(dbs, 'init', '--version', 'v9');
      const noMaintenance = await adminRaw(dbs, 'migrate');
      assert.match(noMaintenance.stderr, /migrate needs the maintenance mode on/);
      await runAdmin(['maintenance', 'on', '--accounts-url', dbs.urls.accounts]);
      const noBackup = await adminRaw(dbs, 'migrate');
      assert.match(noBackup.stderr, /needs a backup taken since the maintenance mode went on .* has none: run node sandbox\/admin\.ts backup first/);
    } finally {
      await dbs.drop();
    }
  });

  it('refuses an unknown fault or target, listing the known faults', async () => {
    const dbs = await generatedV9();
    try {
      const unknown = await adminRaw(dbs, 'migrate', '--fault', 'lose-everything');
      assert.match(unknown.stderr, /--fault "lose-everything" is unknown; known faults: drop-events-of-offer/);
      const target = await adminRaw(dbs, 'migrate', '--fault', 'drop-events-of-offer:offre-inconnue');
      assert.match(target.stderr, /targets "offre-inconnue", which V9's offers does not list/);
      assert.equal(await scalar<string>(dbs.pool('events'), 'SELECT version AS v FROM platform_meta'), 'v9', 'nothing migrated');
    } finally {
      await dbs.drop();
    }
  });

  it('drops the events of one offer, truncates one model\'s durations and maps one offer wrongly when told to', async () => {
    const dbs = await generatedV9();
    try {
      const answer = await admin(dbs, 'migrate', '--fault', 'drop-events-of-offer:senior-2018', '--fault', 'truncate-durations-of-model:lynx-2014', '--fault', 'wrong-offer-mapping:essentiel-2019');
      assert.deepEqual(answer.faults, ['drop-events-of-offer:senior-2018', 'truncate-durations-of-model:lynx-2014', 'wrong-offer-mapping:essentiel-2019']);
      const seniors = await scalar<number[]>(dbs.pool('accounts'), "SELECT array_agg(id) AS v FROM kw_v9_backup.customers WHERE offer_code = 'senior-2018'");
      assert.equal(await scalar<number>(dbs.pool('events'), 'SELECT count(*)::int AS v FROM events WHERE customer_id = ANY($1)', [seniors]), 0);
      assert.ok(await scalar<number>(dbs.pool('events'), 'SELECT count(*)::int AS v FROM kw_v9_backup.events WHERE customer_id = ANY($1)', [seniors]) > 0);
      assert.equal(await scalar<number>(dbs.pool('media'), "SELECT count(*)::int AS v FROM recordings WHERE device_serial LIKE 'LYNX-%' AND duration_ms % 60000 <> 0"), 0);
      assert.equal(await scalar<number>(dbs.pool('accounts'), "SELECT count(*)::int AS v FROM subscriptions WHERE offer_id = 'essentiel-2019'"), 0);
    } finally {
      await dbs.drop();
    }
  });
});

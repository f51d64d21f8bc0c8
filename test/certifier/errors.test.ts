// Bad input and broken environments: errors that name the culprit; a mapping that does not fit is refused before any scan.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { certifyMigration, v9ToV10 } from '../../drivers/certifier/index.ts';
import type { Mapping, MigrationRehearsal } from '../../drivers/certifier/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { backedUpRehearsal } from './support/rehearsal.ts';

describe('the certifier refuses what it cannot certify', () => {
  let rehearsal: MigrationRehearsal;
  before(async () => {
    rehearsal = await backedUpRehearsal();
    await rehearsal.migrate();
  });
  after(async () => {
    await rehearsal.drop();
  });

  it('names the table a mapping names that does not exist', async () => {
    const events = v9ToV10.entities.find((e) => e.name === 'events');
    assert.ok(events);
    const mapping: Mapping = { entities: [{ ...events, v10: { ...events.v10, table: 'evenements' } }] };
    await assert.rejects(certifyMigration(rehearsal.backupSide(), rehearsal.side('v10'), { mapping }), (error: Error) => {
      assert.ok(error instanceof ConfigurationError);
      assert.match(error.message, /events \(V10 side\): the table evenements does not exist in the V10 events database at postgres:\/\/.*_events/);
      return true;
    });
  });

  it('names the column a mapping names that does not exist, with the columns there are', async () => {
    const recordings = v9ToV10.entities.find((e) => e.name === 'recordings');
    assert.ok(recordings);
    const fields = recordings.fields.map((f) => (f.name === 'duration' ? { ...f, v10: { column: 'duration_s', as: 'number' as const } } : f));
    await assert.rejects(certifyMigration(rehearsal.backupSide(), rehearsal.side('v10'), { mapping: { entities: [{ ...recordings, fields }] } }), (error: Error) => {
      assert.ok(error instanceof ConfigurationError);
      assert.match(error.message, /field "duration" names column recordings\.duration_s, which does not exist \(columns: .*duration_ms/);
      return true;
    });
  });

  it('names a column whose type does not fit its canonical form', async () => {
    const events = v9ToV10.entities.find((e) => e.name === 'events');
    assert.ok(events);
    const fields = events.fields.map((f) => (f.name === 'occurred' ? { ...f, v10: { column: 'occurred_at', as: 'paris-wall-clock' as const } } : f));
    await assert.rejects(certifyMigration(rehearsal.backupSide(), rehearsal.side('v10'), { mapping: { entities: [{ ...events, fields }] } }),
      /events\.occurred_at is timestamp with time zone, but paris-wall-clock needs timestamp without time zone/);
  });

  it('says which database holds a schema that is not the expected version', async () => {
    await assert.rejects(certifyMigration(rehearsal.side('v9'), rehearsal.side('v10')), (error: Error) => {
      assert.ok(error instanceof ConfigurationError);
      assert.match(error.message, /the V9 accounts database at .* holds the v10 schema, not v9/);
      assert.match(error.message, /whether the migration \(or the rollback\) has run/);
      return true;
    });
  });

  it('reports an unreachable database as a broken environment, naming its URL without the password', async () => {
    const urls = { ...rehearsal.urls, media: 'postgres://postgres:s3cret@127.0.0.1:1/nulle_part' };
    await assert.rejects(certifyMigration(rehearsal.backupSide(), { version: 'v10', urls }), (error: Error) => {
      assert.ok(error instanceof EnvironmentError);
      assert.match(error.message, /cannot reach the V10 media database at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nulle_part/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  });
});

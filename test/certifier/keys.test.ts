// Rows fetched by key on a table without a primary key (keyed on all its columns): NULL parts match NULL, never ''.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectSide } from '../../drivers/certifier/connect.ts';
import type { SideConnections } from '../../drivers/certifier/connect.ts';
import { shapeSql, tableShapes } from '../../drivers/certifier/identity.ts';
import { rowsByKeys, sampleKeys } from '../../drivers/certifier/rows.ts';
import type { SideSql } from '../../drivers/certifier/sql.ts';
import { createTestDatabases } from '../sandbox/support/databases.ts';
import type { TestDatabases } from '../sandbox/support/databases.ts';

describe('rows by key, keys with NULL parts', () => {
  let dbs: TestDatabases;
  let conn: SideConnections;
  let side: SideSql;
  before(async () => {
    dbs = await createTestDatabases();
    await dbs.pool('accounts').query(`CREATE TABLE ledger (id integer, note text, due timestamptz);
      INSERT INTO ledger VALUES (1, 'x', '2026-12-31 23:00+00'), (1, NULL, '2026-12-31 23:00+00'), (1, '', '2026-12-31 23:00+00'),
        (2, NULL, NULL), (3, 'y', NULL), (4, '\\N', NULL), (4, NULL, NULL)`);
    conn = connectSide({ version: 'v9', urls: dbs.urls }, { concurrency: 2, statementTimeoutMs: 60_000 });
    const shape = (await tableShapes(conn, 'accounts')).find((s) => s.table === 'ledger');
    assert.ok(shape);
    assert.deepEqual(shape.key, ['id', 'note', 'due']);
    side = shapeSql('ledger', 'accounts', shape);
  });
  after(async () => {
    await conn.close();
    await dbs.drop();
  });

  /** The rows found, each as [id, note, due] (note as read: NULL, '' and the text \\N apart). */
  const fetched = async (keys: (string | null)[][]): Promise<string[]> =>
    [...(await rowsByKeys(conn, side, keys)).values()].map((r) => JSON.stringify([r.key['id'], r.key['note'], r.fields[2]])).sort();
  const row = (id: number, note: string | null, due: string | null): string => JSON.stringify([id, note, due ?? '\\N']);
  const due = '2026-12-31 23:00:00+00';

  it('finds each sampled key, NULL parts included, and only it', async () => {
    const keys = await sampleKeys(conn, side, 100, 7, 1);
    assert.equal(keys.length, 7);
    for (const key of keys) assert.deepEqual(await fetched([key]), [row(Number(key[0]), key[1] ?? null, key[2] ?? null)], `key ${JSON.stringify(key)}`);
  });

  it("tells NULL from '' and from the text \\N", async () => {
    assert.deepEqual(await fetched([['1', null, due]]), [row(1, null, due)]);
    assert.deepEqual(await fetched([['4', null, null]]), [row(4, null, null)]);
    assert.deepEqual(await fetched([['4', '\\N', null]]), [row(4, '\\N', null)]);
    assert.deepEqual(await fetched([['1', null, due], ['2', null, null], ['3', 'y', null]]), [row(1, null, due), row(2, null, null), row(3, 'y', null)].sort());
  });

  it('finds keys without NULL parts through the typed match', async () => {
    assert.deepEqual(await fetched([['1', 'x', due], ['1', '', due]]), [row(1, '', due), row(1, 'x', due)].sort());
  });
});

// Which borrowed dimensions the checksum scan answers itself: integer keys in a compact range, with their combinations.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SideConnections } from '../../drivers/certifier/connect.ts';
import { addFolded, foldBorrowings } from '../../drivers/certifier/dimensions.ts';
import type { Counts } from '../../drivers/certifier/dimensions.ts';
import { limiter } from '../../drivers/certifier/limiter.ts';
import type { SideSql } from '../../drivers/certifier/sql.ts';

/** A side whose accounts database answers the range query with `range` and the dimensions query with `rows`. */
function fakeSide(range: { low: string | null; high: string | null; n: string }, rows: Record<string, string | null>[]): { conn: SideConnections; queries: string[] } {
  const queries: string[] = [];
  const answer = async (sql: string) => {
    queries.push(sql);
    if (sql.includes('min(')) return { rows: [range] };
    if (sql.startsWith('FETCH')) return { rows: rows.splice(0, rows.length) };
    return { rows: [] };
  };
  const conn = {
    side: { version: 'v9', urls: { accounts: '', events: '', media: '' } },
    query: (_db: string, sql: string) => answer(sql),
    withSession: (_db: string, work: (q: (sql: string) => unknown) => unknown) => work(answer),
    close: async () => undefined,
  } as unknown as SideConnections;
  return { conn, queries };
}

function sides(keyType: string, columnType = keyType): { events: SideSql; byEntity: Map<string, SideSql> } {
  const customers = {
    label: 'customers', db: 'accounts', table: 'customers', from: 'customers t', keyColumns: [{ name: 'id', type: keyType }],
    dimensions: [{ dimension: 'partner', expr: 't.partner' }, { dimension: 'offer', expr: 't.offer' }], via: [],
  } as unknown as SideSql;
  const events = {
    label: 'events', db: 'events', table: 'events', keyColumns: [], dimensions: [],
    via: [{ entity: 'customers', column: 'customer_id', type: columnType, alias: 'v0', dimensions: ['partner', 'offer'] }],
  } as unknown as SideSql;
  return { events, byEntity: new Map([['customers', customers]]) };
}

describe('folding borrowed dimensions into the checksum scan', () => {
  it('ships one combination per integer key of a compact range, and counts each combination as its dimensions', async () => {
    const { events, byEntity } = sides('integer');
    const { conn } = fakeSide({ low: '10', high: '13', n: '3' }, [
      { k: '10', d0: 'veilis', d1: 'serenite-2011' },
      { k: '12', d0: 'securimax', d1: 'pro-2017' },
      { k: '13', d0: 'veilis', d1: 'serenite-2011' },
    ]);
    const { folded, rest } = await foldBorrowings(conn, events, byEntity, { run: limiter(2) });
    assert.deepEqual(rest, []);
    const [fold] = folded;
    assert.ok(fold);
    assert.equal(fold.combinations, '{1,0,2,1}', 'key 11 has no customer: combination 0');
    assert.deepEqual(fold.values, [['veilis', 'serenite-2011'], ['securimax', 'pro-2017']]);
    const counts: Counts = new Map();
    addFolded(counts, fold, 1, 5);
    addFolded(counts, fold, 0, 2);
    addFolded(counts, fold, 2, 1);
    assert.deepEqual(Object.fromEntries([...counts].map(([d, v]) => [d, Object.fromEntries(v)])), {
      partner: { veilis: 5, '(none)': 2, securimax: 1 },
      offer: { 'serenite-2011': 5, '(none)': 2, 'pro-2017': 1 },
    });
  });

  it('leaves sparse keys, text keys and an empty table to the two merged passes', async () => {
    const sparse = sides('integer');
    assert.equal((await foldBorrowings(fakeSide({ low: '1', high: '9000000', n: '3' }, []).conn, sparse.events, sparse.byEntity, { run: limiter(2) })).rest.length, 1);
    const text = sides('text');
    const textSide = fakeSide({ low: '1', high: '3', n: '3' }, []);
    assert.equal((await foldBorrowings(textSide.conn, text.events, text.byEntity, { run: limiter(2) })).rest.length, 1);
    assert.deepEqual(textSide.queries, [], 'text keys are not even measured');
    const empty = sides('bigint');
    assert.equal((await foldBorrowings(fakeSide({ low: null, high: null, n: '0' }, []).conn, empty.events, empty.byEntity, { run: limiter(2) })).rest.length, 1);
  });
});

// Counts per dimension borrowed from another entity (an event's partner is its customer's), across databases, in bounded slices.

import { ConfigurationError } from '../../lib/errors.ts';
import type { SessionQuery, SideConnections } from './connect.ts';
import type { Limiter } from './limiter.ts';
import { quote } from './sql.ts';
import type { SideSql, ViaJoin } from './sql.ts';
import type { Dimension } from './types.ts';

/** Rows per fetch: the only per-key data crossing Node, a few megabytes at a time whatever the volume. */
const slice = 20_000;

export type Counts = Map<Dimension, Map<string, number>>;

/**
 * For each dimension `side` borrows: in its own database, its rows counted per key (one pass over the key column);
 * in the other entity's database, each key's dimensions (one pass); both read sorted by key through cursors and
 * merged here, slice by slice. Events never leave their database; one (key, count) per customer or device does.
 */
export async function borrowedCounts(conn: SideConnections, side: SideSql, byEntity: Map<string, SideSql>, lanes: { run: Limiter; shipping: Limiter }): Promise<Counts> {
  const counts: Counts = new Map();
  for (const join of side.via) {
    const source = byEntity.get(join.entity);
    const exprs = join.dimensions.map((d) => source?.dimensions.find((x) => x.dimension === d)?.expr);
    if (!source || exprs.some((e) => e === undefined)) {
      throw new ConfigurationError(`the mapping takes dimensions ${join.dimensions.join(', ')} from entity ${join.entity}, which does not declare them as values of its own rows`);
    }
    // Grouped on the raw column (no cast per row), cast once per key for the merge's byte order.
    const keys = `SELECT g.key::text AS k, g.n FROM (SELECT t.${quote(join.column)} AS key, count(*)::bigint AS n FROM ${quote(side.table)} t GROUP BY 1) g ORDER BY g.key::text COLLATE "C"`;
    const [key] = source.keyColumns;
    const sourceKey = source.keyColumns.length === 1 && key ? `(t.${quote(key.name)})::text` : source.keyText;
    const dims = `SELECT ${sourceKey} AS k${exprs.map((e, i) => `, ${e} AS d${i}`).join('')} FROM ${source.from} ORDER BY ${sourceKey} COLLATE "C"`;
    // Borrowings in flight are bounded (lanes.shipping), each holding two sessions and one slice of each at a time;
    // their fetches jump the queue, so no long GROUP BY is left to the end of the certification.
    await lanes.shipping(() => conn.withSession(side.db, (counted) => conn.withSession(source.db, async (named) => {
      const left = await cursor(counted, keys, lanes.run);
      const right = await cursor(named, dims, lanes.run);
      try {
        await merge(left, right, join, counts);
      } finally {
        await Promise.all([left.close(), right.close()]);
      }
    })));
  }
  return counts;
}

interface Cursor {
  next(): Promise<Record<string, string | null> | undefined>;
  close(): Promise<void>;
}

async function cursor(query: SessionQuery, sql: string, run: Limiter): Promise<Cursor> {
  await query('BEGIN READ ONLY');
  await query(`DECLARE kw_cursor NO SCROLL CURSOR FOR ${sql}`);
  let rows: Record<string, string | null>[] = [];
  let at = 0;
  let done = false;
  return {
    async next() {
      if (at >= rows.length && !done) {
        rows = (await run(() => query<Record<string, string | null>>(`FETCH ${slice} FROM kw_cursor`), true)).rows;
        at = 0;
        done = rows.length < slice;
      }
      return rows[at++];
    },
    close: () => query('ROLLBACK').then(() => undefined, () => undefined),
  };
}

/** A merge join of two key-sorted streams: each counted key takes the dimensions of the row it names, or "(none)". */
async function merge(counted: Cursor, named: Cursor, join: ViaJoin, counts: Counts): Promise<void> {
  let right = await named.next();
  for (let left = await counted.next(); left; left = await counted.next()) {
    const k = left.k ?? '';
    while (right && compareBytes(right.k ?? '', k) < 0) right = await named.next();
    const match = right && right.k === k ? right : undefined;
    join.dimensions.forEach((dimension, i) => {
      const values = counts.get(dimension) ?? new Map<string, number>();
      const value = match?.[`d${i}`] ?? '(none)';
      counts.set(dimension, values.set(value, (values.get(value) ?? 0) + Number(left.n)));
    });
  }
}

/** The order of COLLATE "C" (UTF-8 bytes), whatever each server's own collation. */
function compareBytes(a: string, b: string): number {
  if (!/[\ud800-\uffff]/.test(a + b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

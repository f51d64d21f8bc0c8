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
 * A borrowing answered by the checksum scan itself: the other entity's keys are integers in a compact range, so each
 * key's dimensions, numbered as combinations, fit in an array shipped with the scan; the scan groups its rows by
 * `array[key]` as one more grouping set. No second pass over the rows, and nothing per key comes back.
 */
export interface FoldedBorrowing {
  join: ViaJoin;
  /** The lowest key: the array's first element is this key's combination. */
  low: bigint;
  high: bigint;
  /** The array as a PostgreSQL literal: a combination number per key from `low` to `high`, 0 for no row. */
  combinations: string;
  /** Combination n's value of each of the join's dimensions is `values[n - 1]`; 0 is "(none)" for all. */
  values: string[][];
}

const integerTypes = new Set(['smallint', 'integer', 'bigint']);
/** Keys per array, at most: a 2-million-element array is some 10 MB of parameter per chunk. */
const maxSpan = 2_000_000;

/**
 * Splits `side`'s borrowings into those its checksum scan can answer (integer keys, dense enough: see
 * FoldedBorrowing) and those left to `borrowedCounts`. KW_CERTIFIER_FOLD=off leaves them all to it, to compare.
 */
export async function foldBorrowings(conn: SideConnections, side: SideSql, byEntity: Map<string, SideSql>, lanes: { run: Limiter }): Promise<{ folded: FoldedBorrowing[]; rest: ViaJoin[] }> {
  const folded: FoldedBorrowing[] = [];
  const rest: ViaJoin[] = [];
  for (const join of side.via) {
    const { source, exprs } = sourceOf(join, byEntity);
    const [key] = source.keyColumns;
    const foldable = process.env['KW_CERTIFIER_FOLD'] !== 'off' && source.keyColumns.length === 1 && key && integerTypes.has(key.type) && integerTypes.has(join.type);
    const fold = foldable ? await foldOne(conn, join, source, key.name, exprs, lanes.run) : undefined;
    if (fold) folded.push(fold);
    else rest.push(join);
  }
  return { folded, rest };
}

async function foldOne(conn: SideConnections, join: ViaJoin, source: SideSql, key: string, exprs: string[], run: Limiter): Promise<FoldedBorrowing | undefined> {
  const range = (await run(() => conn.query<{ low: string | null; high: string | null; n: string }>(source.db,
    `SELECT min(t.${quote(key)})::text AS low, max(t.${quote(key)})::text AS high, count(t.${quote(key)}) AS n FROM ${quote(source.table)} t`))).rows[0];
  if (!range?.low || !range.high) return undefined;
  const low = BigInt(range.low);
  const span = Number(BigInt(range.high) - low) + 1;
  if (span > maxSpan || span > Math.max(1024, 4 * Number(range.n))) return undefined;
  const combination = new Int32Array(span);
  const numbers = new Map<string, number>();
  const values: string[][] = [];
  await conn.withSession(source.db, async (query) => {
    const rows = await cursor(query, `SELECT (t.${quote(key)})::text AS k${exprs.map((e, i) => `, ${e} AS d${i}`).join('')} FROM ${source.from}`, run);
    try {
      for (let row = await rows.next(); row; row = await rows.next()) {
        if (row.k === null || row.k === undefined) continue;
        const dims = exprs.map((_, i) => row[`d${i}`] ?? '(none)');
        const id = JSON.stringify(dims);
        let n = numbers.get(id);
        if (n === undefined) {
          values.push(dims);
          numbers.set(id, (n = values.length));
        }
        combination[Number(BigInt(row.k) - low)] = n;
      }
    } finally {
      await rows.close();
    }
  });
  return { join, low, high: low + BigInt(span - 1), combinations: `{${combination.join(',')}}`, values };
}

/** SQL of a row's combination number in `fold` (0: no row of the other entity), the array being parameter `param`. */
export function foldedExpr(fold: FoldedBorrowing, param: number): string {
  const column = `t.${quote(fold.join.column)}`;
  return `coalesce(CASE WHEN ${column} BETWEEN ${fold.low} AND ${fold.high} THEN ($${param}::int[])[(${column} - ${fold.low - 1n})::int] END, 0)`;
}

/** Adds `n` rows of combination `number` of `fold` to `counts`. */
export function addFolded(counts: Counts, fold: FoldedBorrowing, number: number, n: number): void {
  fold.join.dimensions.forEach((dimension, i) => {
    const values = counts.get(dimension) ?? new Map<string, number>();
    const value = number === 0 ? '(none)' : fold.values[number - 1]?.[i] ?? '(none)';
    counts.set(dimension, values.set(value, (values.get(value) ?? 0) + n));
  });
}

function sourceOf(join: ViaJoin, byEntity: Map<string, SideSql>): { source: SideSql; exprs: string[] } {
  const source = byEntity.get(join.entity);
  const exprs = join.dimensions.map((d) => source?.dimensions.find((x) => x.dimension === d)?.expr);
  if (!source || exprs.some((e) => e === undefined)) {
    throw new ConfigurationError(`the mapping takes dimensions ${join.dimensions.join(', ')} from entity ${join.entity}, which does not declare them as values of its own rows`);
  }
  return { source, exprs: exprs as string[] };
}

/**
 * For each dimension `side` borrows through `joins` (those its scan does not fold): in its own database, its rows
 * counted per key (one pass over the key column); in the other entity's database, each key's dimensions (one pass);
 * both read sorted by key through cursors and merged here, slice by slice. Events never leave their database; one
 * (key, count) per customer or device does.
 */
export async function borrowedCounts(conn: SideConnections, side: SideSql, byEntity: Map<string, SideSql>, lanes: { run: Limiter; shipping: Limiter }, joins: ViaJoin[] = side.via): Promise<Counts> {
  const counts: Counts = new Map();
  for (const join of joins) {
    const { source, exprs } = sourceOf(join, byEntity);
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

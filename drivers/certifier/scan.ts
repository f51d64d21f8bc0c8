// The checksum pass: per key-range segment, a row count and a sum of row hashes, plus counts per dimension, all computed in SQL.

import type { Chunk } from './chunks.ts';
import type { SideConnections } from './connect.ts';
import { addFolded, foldedExpr } from './dimensions.ts';
import type { FoldedBorrowing } from './dimensions.ts';
import type { Limiter } from './limiter.ts';
import { chunkFilter } from './sql.ts';
import type { SideSql } from './sql.ts';
import type { Dimension } from './types.ts';

export interface Totals {
  n: number;
  s: bigint;
}

export interface Aggregates {
  rows: number;
  checksum: bigint;
  segments: Map<number, Totals>;
  counts: Map<Dimension, Map<string, number>>;
}

export interface AggregateRequest {
  bits: number;
  /** Only the rows of these segments (of `within.bits` bits): a bisection step. */
  within?: { bits: number; segments: number[] };
  /** Counts per dimension of the row's own values as well (the full pass only). */
  dimensions?: boolean;
  /** Counts per dimension borrowed through these arrays as well (the full pass only; see FoldedBorrowing). */
  folded?: FoldedBorrowing[];
}

/** Aggregates of one side, chunk by chunk (in parallel through `run`), merged in Node: a few thousand numbers, never rows. */
export async function aggregate(conn: SideConnections, side: SideSql, chunks: Chunk[], request: AggregateRequest, run: Limiter): Promise<Aggregates> {
  const parts = await Promise.all(chunks.map((chunk) => run(() => aggregateChunk(conn, side, chunk, request))));
  const merged: Aggregates = { rows: 0, checksum: 0n, segments: new Map(), counts: new Map() };
  for (const part of parts) {
    for (const [seg, t] of part.segments) {
      const into = merged.segments.get(seg) ?? { n: 0, s: 0n };
      merged.segments.set(seg, { n: into.n + t.n, s: into.s + t.s });
      merged.rows += t.n;
      merged.checksum += t.s;
    }
    for (const [dimension, values] of part.counts) {
      const into = merged.counts.get(dimension) ?? new Map<string, number>();
      for (const [value, n] of values) into.set(value, (into.get(value) ?? 0) + n);
      merged.counts.set(dimension, into);
    }
  }
  return merged;
}

async function aggregateChunk(conn: SideConnections, side: SideSql, chunk: Chunk, request: AggregateRequest): Promise<Omit<Aggregates, 'rows' | 'checksum'>> {
  const params: unknown[] = request.within ? [request.within.segments] : [];
  const where = [chunkFilter(chunk), ...(request.within ? [`(${side.u} >> ${32 - request.within.bits}) = ANY($1::bigint[])`] : [])].join(' AND ');
  const inner = `SELECT ${side.u} >> ${32 - request.bits} AS seg, ${side.rowHash} AS h`;
  const direct = request.dimensions ? side.dimensions.map((d, i) => ({ as: `d${i}`, expr: d.expr, kind: 'dim', label: d.dimension as string })) : [];
  const folded = (request.folded ?? []).map((fold, i) => {
    params.push(fold.combinations);
    return { as: `b${i}`, expr: foldedExpr(fold, params.length), kind: 'fold', label: String(i) };
  });
  const groupings = [...direct, ...folded];
  const sql = groupings.length > 0
    ? withGroupings(inner, side.from, where, groupings)
    : `SELECT 'seg' AS kind, NULL AS dim, seg::text AS value, count(*) AS n, sum(h)::text AS s FROM (${inner} FROM ${side.from} WHERE ${where}${fence}) x GROUP BY seg`;
  const { rows } = await conn.query<{ kind: string; dim: string | null; value: string | null; n: string; s: string | null }>(side.db, sql, params);
  const segments = new Map<number, Totals>();
  const counts = new Map<Dimension, Map<string, number>>();
  for (const row of rows) {
    if (row.kind === 'seg') segments.set(Number(row.value), { n: Number(row.n), s: BigInt(row.s ?? 0) });
    else if (row.kind === 'fold') {
      const fold = request.folded?.[Number(row.dim)];
      if (fold) addFolded(counts, fold, Number(row.value), Number(row.n));
    } else if (row.dim !== null) {
      const dim = row.dim as Dimension;
      counts.set(dim, (counts.get(dim) ?? new Map<string, number>()).set(row.value ?? '(none)', Number(row.n)));
    }
  }
  return { segments, counts };
}

/**
 * Ends the scanned subquery (OFFSET 0 keeps the planner from flattening it). Without it the planner reckons a GROUP BY
 * on the key's hash segment has as many groups as rows (the key is unique), so it sorts the whole chunk, spilling to
 * disk; on the subquery's output it assumes a few hundred groups and hashes them, the few thousand there are:
 * measured a quarter faster per chunk of V9 events, 6 % on a whole full-scale certification. KW_CERTIFIER_FENCE=off
 * removes it, to compare.
 */
const fence = process.env['KW_CERTIFIER_FENCE'] === 'off' ? '' : ' OFFSET 0';

/**
 * One scan, several groupings (GROUPING SETS): segments, each dimension that is a value of the row itself, and each
 * folded borrowing's combination number.
 */
function withGroupings(inner: string, from: string, where: string, groupings: { as: string; expr: string; kind: string; label: string }[]): string {
  const columns = ['seg', ...groupings.map((g) => g.as)];
  const mask = (column: string): number => columns.reduce((m, c, i) => (c === column ? m : m | (1 << (columns.length - 1 - i))), 0);
  const select = [inner, ...groupings.map((g) => `${g.expr} AS ${g.as}`)].join(', ');
  const branches = [
    `SELECT 'seg' AS kind, NULL AS dim, seg::text AS value, n, s::text AS s FROM g WHERE g = ${mask('seg')}`,
    ...groupings.map((g) => `SELECT ${literal(g.kind)}, ${literal(g.label)}, coalesce((${g.as})::text, '(none)'), n, NULL FROM g WHERE g = ${mask(g.as)}`),
  ];
  return `WITH g AS (SELECT GROUPING(${columns.join(', ')}) AS g, ${columns.join(', ')}, count(*) AS n, sum(h) AS s
    FROM (${select} FROM ${from} WHERE ${where}${fence}) x GROUP BY GROUPING SETS (${columns.map((c) => `(${c})`).join(', ')}))
    ${branches.join('\n    UNION ALL ')}`;
}

const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** Segments whose count or hash sum differ (or that exist on one side only), in order. */
export function differingSegments(a: Map<number, Totals>, b: Map<number, Totals>): number[] {
  const all = new Set([...a.keys(), ...b.keys()]);
  return [...all].filter((seg) => a.get(seg)?.n !== b.get(seg)?.n || a.get(seg)?.s !== b.get(seg)?.s).sort((x, y) => x - y);
}

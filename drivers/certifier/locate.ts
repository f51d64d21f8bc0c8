// Bisection: from differing segments down to the exact rows, each level one scan of only those segments' key ranges.

import type { Chunk } from './chunks.ts';
import { compareRows } from './compare-rows.ts';
import type { RowComparison } from './compare-rows.ts';
import type { SideConnections } from './connect.ts';
import type { Limiter } from './limiter.ts';
import { rowsOfSegments } from './rows.ts';
import { aggregate, differingSegments } from './scan.ts';
import type { Totals } from './scan.ts';
import type { SideSql } from './sql.ts';
import type { Finding } from './types.ts';

export interface Pair {
  entity: string;
  fieldNames: string[];
  expected: { conn: SideConnections; sql: SideSql; chunks: Chunk[] };
  actual: { conn: SideConnections; sql: SideSql; chunks: Chunk[] };
}

export interface LocateOptions {
  leafRows: number;
  maxSegments: number;
  maxFindings: number;
  run: Limiter;
}

export interface Located extends RowComparison {
  /** Differing segments followed down to rows, and those left (past `maxSegments`): counted, not located. */
  locatedSegments: number;
  unlocatedSegments: number;
  levels: number;
}

/** Each level splits the differing segments 256 ways until they hold at most `leafRows` rows, then compares their rows. */
export async function locate(pair: Pair, bits: number, segments: number[], totals: { expected: Map<number, Totals>; actual: Map<number, Totals> }, options: LocateOptions): Promise<Located> {
  let level = { bits, segments: segments.slice(0, options.maxSegments), totals };
  const unlocated = Math.max(0, segments.length - options.maxSegments);
  let levels = 0;
  while (rowsIn(level.segments, level.totals) > options.leafRows && level.bits + 8 <= 32) {
    const within = { bits: level.bits, segments: level.segments };
    const next = level.bits + 8;
    const [e, a] = await Promise.all([
      aggregate(pair.expected.conn, pair.expected.sql, pair.expected.chunks, { bits: next, within }, options.run),
      aggregate(pair.actual.conn, pair.actual.sql, pair.actual.chunks, { bits: next, within }, options.run),
    ]);
    level = { bits: next, segments: differingSegments(e.segments, a.segments).slice(0, options.maxSegments), totals: { expected: e.segments, actual: a.segments } };
    levels += 1;
  }
  const [expected, actual] = await Promise.all([
    rowsOfSegments(pair.expected.conn, pair.expected.sql, pair.expected.chunks, level.bits, level.segments, options.run),
    rowsOfSegments(pair.actual.conn, pair.actual.sql, pair.actual.chunks, level.bits, level.segments, options.run),
  ]);
  const compared = compareRows(pair.entity, pair.fieldNames, expected, actual, 'checksums', options.maxFindings);
  return { ...compared, locatedSegments: Math.min(segments.length, options.maxSegments), unlocatedSegments: unlocated, levels };
}

function rowsIn(segments: number[], totals: { expected: Map<number, Totals>; actual: Map<number, Totals> }): number {
  return segments.reduce((sum, s) => sum + Math.max(totals.expected.get(s)?.n ?? 0, totals.actual.get(s)?.n ?? 0), 0);
}

export type { Finding };

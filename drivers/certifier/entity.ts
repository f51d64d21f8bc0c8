// One entity certified: checksums and counts on both sides, bisection of differing segments, then a deep sample.

import { tableSize } from './chunks.ts';
import type { TableSize } from './chunks.ts';
import { compareRows } from './compare-rows.ts';
import { locate } from './locate.ts';
import type { Pair } from './locate.ts';
import type { Limiter } from './limiter.ts';
import { rowsByKeys, sampleKeys } from './rows.ts';
import { aggregate, differingSegments } from './scan.ts';
import { borrowedCounts, foldBorrowings } from './dimensions.ts';
import type { SideSql } from './sql.ts';
import type { Aggregates } from './scan.ts';
import type { Dimension, Finding } from './types.ts';

export interface CountRow {
  dimension: Dimension;
  value: string;
  v9: number;
  v10: number;
}

export interface EntityReport {
  entity: string;
  database: string;
  rows: { v9: number; v10: number };
  /** Sum of the 64-bit row hashes of the canonical forms: equal sums and counts per segment mean equal content. */
  checksum: { v9: string; v10: string };
  segments: { bits: number; compared: number; differing: number; located: number; unlocated: number };
  counts: CountRow[];
  differingRows: number;
  findings: Finding[];
  sample: { rows: number; differingRows: number; findings: Finding[] };
  durationsMs: { checksums: number; locate: number; sample: number };
}

export interface EntityJob {
  pair: Pair;
  database: string;
  /** Each side's entities, for the dimensions one borrows from another. */
  entities: { expected: Map<string, SideSql>; actual: Map<string, SideSql> };
  options: { leafRows: number; maxLocatedSegments: number; maxFindings: number; sampleRows: number; sampleSeed: number; chunkRows: number; run: Limiter; shipping: Limiter };
  /** The V9 side's scan, when it was read beforehand (readV9Side); else both sides are scanned here. */
  expected?: Promise<SideScan>;
}

/** One side of an entity scanned: its chunks, the segments' bits, and its checksums and counts. */
export interface SideScan {
  size: TableSize;
  bits: number;
  aggregates: Aggregates;
}

type Lanes = Pick<EntityJob['options'], 'chunkRows' | 'run' | 'shipping'>;

/** The V9 side of an entity scanned on its own, its segments sized by its rows: what `certifyEntity` takes as `expected`. */
export async function scanExpected(side: Pair['expected'], entities: Map<string, SideSql>, options: Lanes): Promise<SideScan> {
  const size = await options.run(() => tableSize(side.conn, side.sql, options.chunkRows));
  const bits = segmentBits(size.rows);
  return { size, bits, aggregates: await scanSide({ ...side, chunks: size.chunks }, entities, options, bits) };
}

/**
 * Checksums per segment and counts per dimension of one side, in one scan; the borrowings the scan cannot answer
 * (see FoldedBorrowing) are counted beside it.
 */
async function scanSide(side: Pair['expected'], entities: Map<string, SideSql>, options: Lanes, bits: number): Promise<Aggregates> {
  const fold = await foldBorrowings(side.conn, side.sql, entities, options);
  const borrowed = borrowedCounts(side.conn, side.sql, entities, options, fold.rest);
  // Awaited below; a failure of the scan first must not leave it an unhandled rejection.
  borrowed.catch(() => undefined);
  const [aggregates, counts] = await Promise.all([aggregate(side.conn, side.sql, side.chunks, { bits, dimensions: true, folded: fold.folded }, options.run), borrowed]);
  return { ...aggregates, counts: new Map([...aggregates.counts, ...counts]) };
}

/** About a thousand rows per segment: a bisection then ends in one step. */
export function segmentBits(rows: number): number {
  return Math.max(0, Math.min(16, Math.ceil(Math.log2(Math.max(1, rows) / 1000))));
}

export async function certifyEntity({ pair, database, entities, options, expected: read }: EntityJob): Promise<EntityReport> {
  const started = performance.now();
  // The V9 side may have been read already (while the migration ran): then only V10 is scanned here.
  const pre = read ? await read : undefined;
  const expectedSize = pre?.size ?? await options.run(() => tableSize(pair.expected.conn, pair.expected.sql, options.chunkRows));
  // Segments sized by V9's rows: a V10 side with many more rows only makes the bisection go one level deeper.
  const bits = pre?.bits ?? segmentBits(expectedSize.rows);
  const actualSize = await options.run(() => tableSize(pair.actual.conn, pair.actual.sql, options.chunkRows));
  const sized: Pair = { ...pair, expected: { ...pair.expected, chunks: expectedSize.chunks }, actual: { ...pair.actual, chunks: actualSize.chunks } };
  const [e, a] = await Promise.all([
    pre?.aggregates ?? scanSide(sized.expected, entities.expected, options, bits),
    scanSide(sized.actual, entities.actual, options, bits),
  ]);
  const checksums = performance.now();
  const differing = differingSegments(e.segments, a.segments);
  const located = differing.length === 0 ? undefined : await locate(sized, bits, differing, { expected: e.segments, actual: a.segments },
    { leafRows: options.leafRows, maxSegments: options.maxLocatedSegments, maxFindings: options.maxFindings, run: options.run });
  const locating = performance.now();
  const sample = await deepSample(sized, expectedSize.rows, options);
  const counts = countRows(e, a);
  return {
    entity: pair.entity,
    database,
    rows: { v9: e.rows, v10: a.rows },
    checksum: { v9: e.checksum.toString(), v10: a.checksum.toString() },
    segments: { bits, compared: Math.max(e.segments.size, a.segments.size), differing: differing.length, located: located?.locatedSegments ?? 0, unlocated: located?.unlocatedSegments ?? 0 },
    counts,
    differingRows: located?.differingRows ?? 0,
    findings: [...countFindings(pair.entity, counts), ...(located?.findings ?? [])],
    sample,
    durationsMs: { checksums: Math.round(checksums - started), locate: Math.round(locating - checksums), sample: Math.round(performance.now() - locating) },
  };
}

/** N rows drawn at random from V9, compared field by field with V10 (by key, through the key's index). */
async function deepSample(pair: Pair, estimatedRows: number, options: EntityJob['options']): Promise<EntityReport['sample']> {
  if (options.sampleRows <= 0) return { rows: 0, differingRows: 0, findings: [] };
  const keys = await options.run(() => sampleKeys(pair.expected.conn, pair.expected.sql, options.sampleRows, estimatedRows, options.sampleSeed));
  const [expected, actual] = await Promise.all([
    options.run(() => rowsByKeys(pair.expected.conn, pair.expected.sql, keys)),
    options.run(() => rowsByKeys(pair.actual.conn, pair.actual.sql, keys)),
  ]);
  const compared = compareRows(pair.entity, pair.fieldNames, expected, actual, 'sample', options.maxFindings);
  return { rows: expected.size, differingRows: compared.differingRows, findings: compared.findings };
}

function countRows(e: Aggregates, a: Aggregates): CountRow[] {
  const rows: CountRow[] = [];
  for (const dimension of new Set([...e.counts.keys(), ...a.counts.keys()])) {
    const ev = e.counts.get(dimension) ?? new Map<string, number>();
    const av = a.counts.get(dimension) ?? new Map<string, number>();
    for (const value of [...new Set([...ev.keys(), ...av.keys()])].sort()) rows.push({ dimension, value, v9: ev.get(value) ?? 0, v10: av.get(value) ?? 0 });
  }
  return rows;
}

function countFindings(entity: string, counts: CountRow[]): Finding[] {
  return counts.filter((c) => c.v9 !== c.v10).map((c) => ({
    entity, kind: 'count', v9Key: { [c.dimension]: c.value }, v10Key: { [c.dimension]: c.value }, field: c.dimension,
    expected: String(c.v9), actual: String(c.v10), via: 'counts',
  }));
}

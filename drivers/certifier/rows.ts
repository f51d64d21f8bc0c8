// Rows fetched for comparison: only those of a few differing segments, or of sampled keys, never a whole table.

import type { Chunk } from './chunks.ts';
import type { SideConnections } from './connect.ts';
import type { Limiter } from './limiter.ts';
import { chunkFilter, quote } from './sql.ts';
import type { SideSql } from './sql.ts';

export interface Row {
  key: Record<string, unknown>;
  fields: string[];
}

/** Rows of the segments `segments` (of `bits` bits), by key text. */
export async function rowsOfSegments(conn: SideConnections, side: SideSql, chunks: Chunk[], bits: number, segments: number[], run: Limiter): Promise<Map<string, Row>> {
  const parts = await Promise.all(chunks.map((chunk) => run(() => conn.query<{ k: string; key: Record<string, unknown>; f: string[] }>(side.db,
    `SELECT ${side.keyText} AS k, ${side.keyObject} AS key, ARRAY[${side.fields.join(', ') || "''"}]::text[] AS f
     FROM ${side.from} WHERE ${chunkFilter(chunk)} AND (${side.u} >> ${32 - bits}) = ANY($1::bigint[])`, [segments]))));
  return toMap(parts.flatMap((p) => p.rows));
}

/**
 * Rows with these keys (each key: its column values as text, in key order, null for NULL); the key columns' index
 * makes it a few lookups. A table without a primary key is keyed on all its columns, some of which may be NULL: when
 * such keys exist, every key column is matched as (is null, text), a form that hashes, so the lookup is one scan and a
 * hash join. (IS NOT DISTINCT FROM neither hashes nor uses an index: 500 sampled keys of the backup's billing, a table
 * without a primary key, took 5 s per side at a quarter of full scale, some 62,500 rows.)
 */
export async function rowsByKeys(conn: SideConnections, side: SideSql, keys: (string | null)[][]): Promise<Map<string, Row>> {
  if (keys.length === 0) return new Map();
  const unnest = `unnest(${side.keyColumns.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS k(${side.keyColumns.map((_, i) => `c${i}`).join(', ')})`;
  const withNull = keys.some((k) => side.keyColumns.some((_, i) => k[i] === null || k[i] === undefined));
  const [tuple, columns] = withNull
    ? [side.keyColumns.flatMap((c) => nullSafe(`(t.${quote(c.name)})::text`)), side.keyColumns.flatMap((_, i) => nullSafe(`k.c${i}`))]
    : [side.keyColumns.map((c) => `t.${quote(c.name)}`), side.keyColumns.map((c, i) => `(k.c${i})::${castType(c.type)}`)];
  const { rows } = await conn.query<{ k: string; key: Record<string, unknown>; f: string[] }>(side.db,
    `SELECT ${side.keyText} AS k, ${side.keyObject} AS key, ARRAY[${side.fields.join(', ') || "''"}]::text[] AS f
     FROM ${side.from}
     WHERE (${tuple.join(', ')}) IN (SELECT ${columns.join(', ')} FROM ${unnest})`,
    side.keyColumns.map((_, i) => keys.map((k) => k[i] ?? null)));
  return toMap(rows);
}

/** A text that may be NULL as two values that hash and compare with `=`: NULL and '' stay apart. */
const nullSafe = (text: string): string[] => [`(${text}) IS NULL`, `coalesce(${text}, '')`];

/**
 * Up to `n` keys of the side's table drawn at random, repeatably with `seed`. Small tables: BERNOULLI, row by row.
 * Big ones: SYSTEM, a few hundred random pages (a BERNOULLI draw would read the whole table), then `n` of their rows
 * in an order given by the seed, so they spread over all those pages.
 */
export async function sampleKeys(conn: SideConnections, side: SideSql, n: number, estimatedRows: number, seed: number): Promise<(string | null)[][]> {
  const big = estimatedRows > 200_000;
  const percent = Math.min(100, (100 * n * (big ? 8 : 2)) / Math.max(1, estimatedRows));
  const keys = side.keyColumns.map((c) => `(t.${quote(c.name)})::text`);
  const { rows } = await conn.query<{ k: (string | null)[] }>(side.db,
    `SELECT ARRAY[${keys.join(', ')}] AS k FROM ${quote(side.table)} t
     TABLESAMPLE ${big ? 'SYSTEM' : 'BERNOULLI'} (${percent.toFixed(6)}) REPEATABLE (${seed})
     ${big ? `ORDER BY hashtext(concat_ws('/', ${keys.join(', ')}, '${seed}'))` : ''} LIMIT ${n}`);
  return rows.map((r) => r.k);
}

function toMap(rows: { k: string; key: Record<string, unknown>; f: string[] }[]): Map<string, Row> {
  return new Map(rows.map((r) => [r.k, { key: r.key, fields: r.f }]));
}

const castType = (type: string): string => (type === 'ARRAY' || type === 'USER-DEFINED' ? 'text' : type);

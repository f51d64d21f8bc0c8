// Splits a big table into block ranges, so one table's scan runs on several server cores at once (TID range scans).

import type { SideConnections } from './connect.ts';
import type { SideSql } from './sql.ts';

export interface Chunk {
  from: number;
  to: number | null;
}

export interface TableSize {
  rows: number;
  chunks: Chunk[];
}

/** The table's estimated rows (statistics, or its size when never analysed) and its chunks of about `chunkRows` rows. */
export async function tableSize(conn: SideConnections, side: Pick<SideSql, 'db' | 'table'>, chunkRows: number): Promise<TableSize> {
  const { rows } = await conn.query<{ blocks: string; tuples: number }>(side.db,
    `SELECT (pg_relation_size(c.oid) / current_setting('block_size')::int)::bigint AS blocks, c.reltuples AS tuples
     FROM pg_class c WHERE c.oid = to_regclass($1)`, [side.table]);
  const blocks = Number(rows[0]?.blocks ?? 0);
  const tuples = rows[0]?.tuples ?? -1;
  const estimate = tuples >= 0 ? Math.round(tuples) : blocks * 60;
  const count = Math.max(1, Math.min(64, Math.ceil(estimate / chunkRows)));
  if (count === 1 || blocks === 0) return { rows: estimate, chunks: [{ from: 0, to: null }] };
  const per = Math.ceil(blocks / count);
  const chunks = Array.from({ length: count }, (_, i): Chunk => ({ from: i * per, to: i === count - 1 ? null : (i + 1) * per }));
  return { rows: estimate, chunks };
}

// The floor a checksum pass is measured against: a bare sum(hashtext(row)) scan of the same tables, same chunks, same concurrency.

import { tableSize } from './chunks.ts';
import { connectSide } from './connect.ts';
import { limiter } from './limiter.ts';
import type { Mapping } from './mapping/types.ts';
import { chunkFilter, quote } from './sql.ts';
import { defaults } from './types.ts';
import type { CertifierOptions, DatabaseName, PlatformSide } from './types.ts';

export interface FloorResult {
  rows: number;
  durationMs: number;
}

/** The tables a mapping reads on one side (entities' own tables and the unchanged ones), by database. */
export function mappedTables(mapping: Mapping, version: 'v9' | 'v10'): { db: DatabaseName; table: string }[] {
  const all = [...mapping.entities.map((e) => ({ db: e.database, table: e[version].table })), ...(mapping.unchanged ?? []).flatMap((u) => u.tables.map((table) => ({ db: u.database, table })))];
  return all.filter((t, i) => all.findIndex((u) => u.db === t.db && u.table === t.table) === i);
}

/** Scans `tables` of each side with nothing but sum(hashtext(t::text)), the certifier's way: chunked, concurrently. */
export async function floorScan(sides: { side: PlatformSide; tables: { db: DatabaseName; table: string }[] }[], options: CertifierOptions = {}): Promise<FloorResult> {
  const o = { ...defaults, ...options };
  const run = limiter(o.concurrency);
  const conns = sides.map((s) => ({ conn: connectSide(s.side, o), tables: s.tables }));
  const started = performance.now();
  try {
    const counts = await Promise.all(conns.flatMap(({ conn, tables }) => tables.map(async ({ db, table }) => {
      const size = await run(() => tableSize(conn, { db, table }, o.chunkRows));
      const parts = await Promise.all(size.chunks.map((chunk) => run(() => conn.query<{ n: string }>(db,
        `SELECT count(*) AS n, sum(hashtext(t::text))::text AS s FROM ${quote(table)} t WHERE ${chunkFilter(chunk)}`))));
      return parts.reduce((n, p) => n + Number(p.rows[0]?.n ?? 0), 0);
    })));
    return { rows: counts.reduce((a, b) => a + b, 0), durationMs: Math.round(performance.now() - started) };
  } finally {
    await Promise.all(conns.map((c) => c.conn.close()));
  }
}

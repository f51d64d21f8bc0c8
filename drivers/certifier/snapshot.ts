// Checksums of a V9 platform taken before the migration: what the rollback must give back, kept as JSON between the two.

import { tableSize } from './chunks.ts';
import { connectSide, describeSide } from './connect.ts';
import type { SideDescription } from './connect.ts';
import { segmentBits } from './entity.ts';
import { sequenceStates, shapeSql, tableShapes } from './identity.ts';
import type { TableShape } from './identity.ts';
import { limiter } from './limiter.ts';
import { aggregate } from './scan.ts';
import { defaults } from './types.ts';
import type { CertifierOptions, DatabaseName, PlatformSide } from './types.ts';
import { checkVersions } from './validate.ts';

export interface TableChecksums extends TableShape {
  rows: number;
  bits: number;
  checksum: string;
  /** [segment, rows, sum of row hashes] for each non-empty segment. */
  segments: [number, number, string][];
}

export interface Snapshot {
  takenAt: string;
  side: SideDescription;
  databases: Record<DatabaseName, { tables: TableChecksums[]; sequences: Record<string, string | null> }>;
  durationMs: number;
}

const databases: DatabaseName[] = ['accounts', 'events', 'media'];

/** Per-segment checksums of every table of the side's three databases (read-only, in SQL). */
export async function snapshotPlatform(side: PlatformSide, options: CertifierOptions = {}): Promise<Snapshot> {
  const started = performance.now();
  const o = { ...defaults, ...options };
  const conn = connectSide(side, o);
  const run = limiter(o.concurrency);
  try {
    await checkVersions([conn]);
    const entries = await Promise.all(databases.map(async (db) => {
      const shapes = await tableShapes(conn, db);
      const tables = await Promise.all(shapes.map(async (shape) => {
        const sql = shapeSql(`${db}.${shape.table}`, db, shape);
        const size = await run(() => tableSize(conn, sql, o.chunkRows));
        const bits = segmentBits(size.rows);
        const agg = await aggregate(conn, sql, size.chunks, { bits }, run);
        const segments = [...agg.segments].sort(([a], [b]) => a - b).map(([seg, t]): [number, number, string] => [seg, t.n, t.s.toString()]);
        return { ...shape, rows: agg.rows, bits, checksum: agg.checksum.toString(), segments };
      }));
      return [db, { tables, sequences: await sequenceStates(conn, db) }] as const;
    }));
    return { takenAt: new Date().toISOString(), side: describeSide(side), databases: Object.fromEntries(entries) as Snapshot['databases'], durationMs: Math.round(performance.now() - started) };
  } finally {
    await conn.close();
  }
}

// The V9 side of a migration's certification, read on its own. V9 is frozen from maintenance-on and its backup is
// not touched by the migration, so its checksums can be computed while the migration runs: the certification then
// scans V10 only. Bisection and sampling still read the backup itself, when a difference is found.

import type { SideConnections } from './connect.ts';
import { connectSide } from './connect.ts';
import { scanExpected } from './entity.ts';
import type { SideScan } from './entity.ts';
import { tableShapes, shapeSql } from './identity.ts';
import { keysOfAdding } from './additions.ts';
import { limiter } from './limiter.ts';
import type { Limiter } from './limiter.ts';
import type { Mapping } from './mapping/types.ts';
import { readSideParisChanges } from './paris.ts';
import { sideSql } from './sql.ts';
import type { SideSql } from './sql.ts';
import { defaults } from './types.ts';
import type { CertifierOptions, DatabaseName, PlatformSide } from './types.ts';
import { checkMapping, checkVersions, readTypes } from './validate.ts';
import type { SideTypes } from './validate.ts';

export interface V9Side {
  mapping: Mapping;
  types: SideTypes;
  /** Each entity's SQL on V9. */
  sql: Map<string, SideSql>;
  /** V9's keys of each entity V10 adds rows to. */
  keys: Map<string, string[]>;
  /** Each entity's and each unchanged table's scan, when read in advance (`readV9InAdvance`); empty otherwise. */
  scans: Map<string, Promise<SideScan>>;
  /** Settles once every scan has and the reading's connections are closed. */
  read: Promise<void>;
}

/** What the V9 side needs before any scan: its types (checked against the mapping's V9 half), Paris times, SQL and keys. */
export async function prepareV9Side(conn: SideConnections, mapping: Mapping): Promise<V9Side> {
  const types = await readTypes(conn);
  checkMapping(mapping.entities, { v9: conn }, { v9: types });
  const paris = await readSideParisChanges(conn, parisDatabases(mapping, 'v9'));
  const sql = new Map(mapping.entities.map((e) => [e.name, sideSql(`${e.name} (V9)`, e.database, e.v9, e.fields.map((f) => f.v9), types[e.database], paris.get(e.database))]));
  return { mapping, types, sql, keys: await keysOfAdding(mapping, conn, sql), scans: new Map(), read: Promise.resolve() };
}

/**
 * Starts reading the V9 side (checksums and counts of every entity and unchanged table) on its own connections, and
 * returns once the reading is under way; each scan's promise settles when it is done, the connections close after
 * the last. Read the backup a migration keeps, after the backup and before the certification, to overlap the two.
 */
export async function readV9InAdvance(v9: PlatformSide, mapping: Mapping, options: CertifierOptions = {}): Promise<V9Side> {
  const o = { ...defaults, ...options };
  const conn = connectSide(v9, o);
  try {
    await checkVersions([conn]);
    const prepared = await prepareV9Side(conn, mapping);
    const lanes = { chunkRows: o.chunkRows, run: limiter(o.concurrency), shipping: limiter(Math.max(1, Math.floor(o.concurrency / 2))) };
    const scans = scanAll(conn, prepared, lanes);
    // The caller awaits each scan; the connections close when all are settled, whatever their outcome.
    const read = Promise.allSettled(scans.values()).then(() => conn.close()).then(() => undefined, () => undefined);
    for (const scan of scans.values()) scan.catch(() => undefined);
    return { ...prepared, scans, read };
  } catch (error) {
    await conn.close();
    throw error;
  }
}

function scanAll(conn: SideConnections, v9: V9Side, lanes: { chunkRows: number; run: Limiter; shipping: Limiter }): Map<string, Promise<SideScan>> {
  const scans = new Map<string, Promise<SideScan>>();
  for (const e of v9.mapping.entities) scans.set(e.name, scanExpected({ conn, sql: v9.sql.get(e.name) as SideSql, chunks: [] }, v9.sql, lanes));
  for (const { database, tables } of v9.mapping.unchanged ?? []) {
    const shapes = tableShapes(conn, database);
    for (const name of tables) {
      scans.set(name, shapes.then((all) => {
        const shape = all.find((s) => s.table === name);
        // The certification names the missing table (unchangedTables) before it awaits this scan.
        if (!shape) throw new Error(`table ${name}, declared unchanged, does not exist on the V9 side`);
        return scanExpected({ conn, sql: shapeSql(`${name} (V9)`, database, shape), chunks: [] }, v9.sql, lanes);
      }));
    }
  }
  return scans;
}

/** The databases where `version` holds a Paris wall-clock time the mapping reads (a field or a dimension). */
export function parisDatabases(mapping: Mapping, version: 'v9' | 'v10'): Set<DatabaseName> {
  const paris = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as { as?: string }).as === 'paris-wall-clock';
  return new Set(mapping.entities.filter((e) => e.fields.some((f) => paris(f[version])) || Object.values(e[version].dimensions ?? {}).some(paris)).map((e) => e.database));
}

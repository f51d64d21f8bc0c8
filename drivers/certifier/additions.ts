// Reference rows V10 adds (new offers, modules, models): V9's keys read first, V10's other keys listed, not compared.

import type { SideConnections } from './connect.ts';
import type { Mapping } from './mapping/types.ts';
import { quote, textArray } from './sql.ts';
import type { SideSql } from './sql.ts';

/** Rows of an entity that V10 holds and V9 has not, with the entity's reason (`v10Adds`). */
export interface Addition {
  entity: string;
  reason: string;
  keys: Record<string, unknown>[];
}

/** The V9 keys of each entity declaring V10 additions (small reference tables: a few dozen keys each). */
export async function keysOfAdding(mapping: Mapping, v9: SideConnections, sql: Map<string, SideSql>): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  for (const e of mapping.entities.filter((x) => x.v10Adds !== undefined)) {
    const side = sql.get(e.name) as SideSql;
    const { rows } = await v9.query<{ k: string }>(e.database, `SELECT ${side.keyText} AS k FROM ${quote(side.table)} t ORDER BY 1`);
    keys.set(e.name, rows.map((r) => r.k));
  }
  return keys;
}

/** V10 rows of those entities whose key V9 has not; `texts` are the keys as canonical text, which `lessAdded` drops from lists. */
export async function listAdditions(mapping: Mapping, v10: SideConnections, sql: Map<string, SideSql>, v9Keys: Map<string, string[]>): Promise<(Addition & { texts: string[] })[]> {
  const additions: (Addition & { texts: string[] })[] = [];
  for (const e of mapping.entities) {
    if (e.v10Adds === undefined) continue;
    const side = sql.get(e.name) as SideSql;
    const { rows } = await v10.query<{ key: Record<string, unknown>; k: string }>(e.database,
      `SELECT ${side.keyObject} AS key, ${side.keyText} AS k FROM ${quote(side.table)} t WHERE ${side.keyText} <> ALL(${textArray(v9Keys.get(e.name) ?? [])}) ORDER BY 2`);
    additions.push({ entity: e.name, reason: e.v10Adds, keys: rows.map((r) => r.key), texts: rows.map((r) => r.k) });
  }
  return additions;
}

// Before any scan: each database holds the expected version, and every table and column the mapping names exists with a fitting type.

import { ConfigurationError } from '../../lib/errors.ts';
import { acceptedTypes } from './canon.ts';
import type { SideConnections } from './connect.ts';
import { describeDatabase } from './connect.ts';
import type { EntityMapping, EntitySide, Value } from './mapping/types.ts';
import type { DatabaseName } from './types.ts';

/** Column types by table, for one database of one side: `types.get(table)?.get(column)`. */
export type ColumnTypes = Map<string, Map<string, string>>;
export type SideTypes = Record<DatabaseName, ColumnTypes>;

const databases: DatabaseName[] = ['accounts', 'events', 'media'];

/** Throws a ConfigurationError listing each database whose `platform_meta` is not the side's version. */
export async function checkVersions(sides: SideConnections[]): Promise<void> {
  const problems: string[] = [];
  await Promise.all(sides.flatMap((c) => databases.map(async (db) => {
    const found = await c.query<{ t: string | null }>(db, "SELECT to_regclass('platform_meta')::text AS t");
    const version = found.rows[0]?.t ? (await c.query<{ version: string }>(db, 'SELECT version FROM platform_meta LIMIT 1')).rows[0]?.version : undefined;
    if (version !== c.side.version) problems.push(`${describeDatabase(c.side, db)} holds ${version === undefined ? 'no platform schema (no platform_meta)' : `the ${version} schema`}, not ${c.side.version}`);
  })));
  if (problems.length > 0) throw new ConfigurationError(`the databases are not in the expected versions:\n  ${problems.sort().join('\n  ')}\nCheck the URLs and schema of each side, and whether the migration (or the rollback) has run.`);
}

export async function readTypes(c: SideConnections): Promise<SideTypes> {
  const entries = await Promise.all(databases.map(async (db) => {
    const { rows } = await c.query<{ t: string; c: string; type: string }>(db,
      'SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema()');
    const types: ColumnTypes = new Map();
    for (const r of rows) types.set(r.t, (types.get(r.t) ?? new Map<string, string>()).set(r.c, r.type));
    return [db, types] as const;
  }));
  return Object.fromEntries(entries) as SideTypes;
}

/** Throws a ConfigurationError naming every table or column of the mapping the databases lack, or whose type does not fit. */
export function checkMapping(entities: EntityMapping[], sides: { v9?: SideConnections; v10?: SideConnections }, types: { v9?: SideTypes; v10?: SideTypes }): void {
  const problems: string[] = [];
  for (const entity of entities) {
    for (const f of entity.fields) {
      const from = 'lessAdded' in f.v10 ? f.v10.lessAdded : undefined;
      if (from !== undefined && !entities.some((e) => e.name === from && e.v10Adds !== undefined)) {
        problems.push(`${entity.name}: field "${f.name}" drops the keys V10 adds to ${from}, which is not an entity declaring v10Adds`);
      }
    }
    for (const version of ['v9', 'v10'] as const) {
      const side = sides[version];
      const typesOfSide = types[version];
      if (!side || !typesOfSide) continue;
      const where = describeDatabase(side.side, entity.database);
      const fields = entity.fields.map((f) => ({ name: f.name, value: f[version] }));
      problems.push(...checkSide(entity[version], fields, typesOfSide[entity.database]).map((p) => `${entity.name} (${version.toUpperCase()} side): ${p} in ${where}`));
    }
  }
  if (problems.length > 0) throw new ConfigurationError(`the mapping does not fit the databases:\n  ${problems.join('\n  ')}`);
}

function checkSide(side: EntitySide, fields: { name: string; value: Value }[], types: ColumnTypes): string[] {
  const problems: string[] = [];
  const tableOf = new Map<string, string>([['', side.table]]);
  const has = (table: string, column: string, what: string): string | undefined => {
    const columns = types.get(table);
    if (!columns) {
      problems.push(`${what} names table ${table}, which does not exist`);
      return undefined;
    }
    const type = columns.get(column);
    if (type === undefined) problems.push(`${what} names column ${table}.${column}, which does not exist (columns: ${[...columns.keys()].join(', ')})`);
    return type;
  };
  if (!types.has(side.table)) return [`the table ${side.table} does not exist`];
  for (const k of side.key) has(side.table, k, 'the key');
  for (const l of side.lookups ?? []) {
    const from = tableOf.get(l.from ?? '');
    if (from === undefined) problems.push(`lookup ${l.name} starts from lookup ${l.from}, which is not declared before it`);
    else has(from, l.on[0], `lookup ${l.name}`);
    has(l.table, l.on[1], `lookup ${l.name}`);
    if (l.collect) has(l.table, l.collect, `lookup ${l.name}`);
    tableOf.set(l.name, l.table);
  }
  const checkValue = (value: Value, what: string): void => {
    if ('constant' in value) return;
    if ('object' in value) {
      for (const column of Object.values(value.object)) {
        const type = has(side.table, column, what);
        if (type !== undefined && !acceptedTypes.text.includes(type)) problems.push(`${what}: column ${side.table}.${column} is ${type}, but a JSON object's members must be text`);
      }
      return;
    }
    const table = 'lookup' in value ? tableOf.get(value.lookup) : side.table;
    if (table === undefined) return void problems.push(`${what} uses lookup ${(value as { lookup: string }).lookup}, which is not declared`);
    const type = has(table, value.column, what);
    if (type !== undefined && !acceptedTypes[value.as].includes(type)) problems.push(`${what}: column ${table}.${value.column} is ${type}, but ${value.as} needs ${acceptedTypes[value.as].join(' or ')}`);
  };
  for (const f of fields) checkValue(f.value, `field "${f.name}"`);
  for (const [dimension, source] of Object.entries(side.dimensions ?? {})) {
    if ('via' in source) has(side.table, source.column, `dimension ${dimension}`);
    else checkValue(source, `dimension ${dimension}`);
  }
  return problems;
}

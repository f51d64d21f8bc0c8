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

/**
 * Column types of every database of `c`, as information_schema lists them in the side's schema. Kept per database URL
 * and schema for the process (`known`; a test passes its own map), and read again whenever the schema's fingerprint
 * changes: every relation information_schema.columns lists (its oid, name and kind) and each column's name, number,
 * type and whether this user may see it, read from the catalogs in a few milliseconds where information_schema takes
 * some twenty on a new session. Any schema change between two certifications is thus seen.
 */
export async function readTypes(c: SideConnections, cache: Map<string, KnownTypes> = known): Promise<SideTypes> {
  const entries = await Promise.all(databases.map(async (db) => [db, typesOf(await readRows(c, db, cache))] as const));
  return Object.fromEntries(entries) as SideTypes;
}

interface TypeRow {
  t: string;
  c: string;
  type: string;
}

export interface KnownTypes {
  fingerprint: string;
  rows: TypeRow[];
}

const known = new Map<string, KnownTypes>();

async function readRows(c: SideConnections, db: DatabaseName, cache: Map<string, KnownTypes>): Promise<TypeRow[]> {
  const key = `${c.side.urls[db]} ${c.side.schema ?? ''}`;
  // The fingerprint first: a change landing between the two reads only makes the next certification read again.
  const fingerprint = (await c.query<{ f: string }>(db, fingerprintSql)).rows[0]?.f ?? '';
  const kept = cache.get(key);
  if (kept?.fingerprint === fingerprint) return kept.rows;
  const { rows } = await c.query<TypeRow>(db, 'SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema()');
  cache.set(key, { fingerprint, rows });
  return rows;
}

/** What information_schema.columns's rows for the current schema depend on (its WHERE clause and data_type's inputs). */
const fingerprintSql = `
  SELECT coalesce(current_schema(), '') || ' ' || coalesce(md5(string_agg(concat_ws(' ', c.oid, c.relname, c.relkind, a.attnum, a.attname, a.atttypid, a.attisdropped,
      pg_has_role(c.relowner, 'USAGE') OR has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES')), ',' ORDER BY c.oid, a.attnum)), '') AS f
  FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid JOIN pg_attribute a ON a.attrelid = c.oid
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'f', 'p') AND a.attnum > 0`;

/** Fresh maps on each call: a certification may not change what the next one reads. */
function typesOf(rows: TypeRow[]): ColumnTypes {
  const types: ColumnTypes = new Map();
  for (const r of rows) types.set(r.t, (types.get(r.t) ?? new Map<string, string>()).set(r.c, r.type));
  return types;
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

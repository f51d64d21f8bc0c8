// SQL of one side of an entity: its FROM with lookups, natural key, canonical fields, row hash and key-range segment.

import { canonical, fieldSeparator } from './canon.ts';
import type { ParisChanges } from './canon.ts';
import type { Dimension, EntitySide, Value } from './mapping/types.ts';
import type { DatabaseName } from './types.ts';
import type { ColumnTypes } from './validate.ts';

/** A join to the dimensions of another entity's rows, shipped as arrays (they may live in another database). */
export interface ViaJoin {
  entity: string;
  column: string;
  /** The column's PostgreSQL type (information_schema `data_type`). */
  type: string;
  alias: string;
  dimensions: Dimension[];
}

export interface SideSql {
  label: string;
  db: DatabaseName;
  table: string;
  from: string;
  keyColumns: { name: string; type: string }[];
  keyObject: string;
  keyText: string;
  fields: string[];
  rowHash: string;
  /** The key's hash as an unsigned 32-bit number: segment s of b bits holds the keys with u >> (32 - b) = s. */
  u: string;
  /** Dimensions that are values of the row itself. */
  dimensions: DimensionSql[];
  /** Dimensions borrowed from the rows of another entity (the row's `column` is that entity's key). */
  via: ViaJoin[];
}

export interface DimensionSql {
  dimension: Dimension;
  expr: string;
}

export const quote = (name: string): string => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);
const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
/** A text array literal: the V9 keys of a small reference table, written into the V10 side's SQL. */
export const textArray = (values: readonly string[]): string => `ARRAY[${values.map(literal).join(', ')}]::text[]`;

/** Which V10 rows an entity with additions is certified on (the keys V9 has), and the keys V10 adds per entity. */
export interface SideScope {
  only?: readonly string[];
  added: ReadonlyMap<string, readonly string[]>;
}

/** The side's SQL, given the column types read from its database (validated before) and where its Paris time changes. */
export function sideSql(label: string, db: DatabaseName, side: EntitySide, values: Value[], types: ColumnTypes, paris?: ParisChanges, scope?: SideScope): SideSql {
  const aliasOf = new Map<string, { alias: string; table: string }>([['', { alias: 't', table: side.table }]]);
  const joins = (side.lookups ?? []).map((l) => {
    const from = aliasOf.get(l.from ?? '') ?? { alias: 't', table: side.table };
    const alias = `l_${aliasOf.size}`;
    aliasOf.set(l.name, { alias, table: l.table });
    const target = l.collect
      ? `(SELECT ${quote(l.on[1])}, string_agg((${quote(l.collect)})::text, ',' ORDER BY (${quote(l.collect)})::text) AS ${quote(l.collect)} FROM ${quote(l.table)} GROUP BY 1)`
      : quote(l.table);
    return ` LEFT JOIN ${target} ${alias} ON ${alias}.${quote(l.on[1])} = ${from.alias}.${quote(l.on[0])}`;
  });
  const valueSql = (v: Value): string => {
    if ('constant' in v) return `${literal(v.constant)}::text`;
    if ('object' in v) return `jsonb_build_object(${Object.entries(v.object).map(([k, c]) => `${literal(k)}, t.${quote(c)}`).join(', ')})::text`;
    const at = aliasOf.get('lookup' in v ? v.lookup : '') ?? { alias: 't', table: side.table };
    const type = 'lookup' in v && (side.lookups ?? []).find((l) => l.name === v.lookup)?.collect ? 'text' : types.get(at.table)?.get(v.column) ?? 'text';
    const x = `${at.alias}.${quote(v.column)}`;
    if ('lessAdded' in v && v.lessAdded !== undefined) {
      const added = textArray(scope?.added.get(v.lessAdded) ?? []);
      return canonical(`ARRAY(SELECT e FROM unnest(${x}) e WHERE e::text <> ALL(${added}))`, v.as, type, paris);
    }
    return canonical(x, v.as, type, paris);
  };
  const keyColumns = side.key.map((name) => ({ name, type: types.get(side.table)?.get(name) ?? 'text' }));
  const keyText = `concat_ws(${fieldSeparator}, ${side.key.map((k) => `(t.${quote(k)})::text`).join(', ')})`;
  // An inner join on V9's keys: every query of the side (scans, bisection, sample) then sees only the rows V9 had.
  const only = scope?.only ? ` JOIN unnest(${textArray(scope.only)}) kw_only(k) ON kw_only.k = ${keyText}` : '';
  const fields = values.map(valueSql);
  const via: ViaJoin[] = [];
  const dimensions: DimensionSql[] = [];
  for (const [name, source] of Object.entries(side.dimensions ?? {})) {
    const dimension = name as Dimension;
    if (!('via' in source)) {
      dimensions.push({ dimension, expr: valueSql(source) });
      continue;
    }
    let join = via.find((j) => j.entity === source.via && j.column === source.column);
    if (!join) via.push((join = { entity: source.via, column: source.column, type: types.get(side.table)?.get(source.column) ?? 'text', alias: `v${via.length}`, dimensions: [] }));
    join.dimensions.push(dimension);
  }
  return {
    label, db, table: side.table,
    from: `${quote(side.table)} t${only}${joins.join('')}`,
    keyColumns,
    keyObject: `json_build_object(${side.key.map((k) => `${literal(k)}, t.${quote(k)}`).join(', ')})`,
    keyText,
    fields,
    rowHash: rowHashOf(keyText, fields),
    u: `(hashtext(${keyText})::bigint + 2147483648)`,
    dimensions,
    via,
  };
}

/** The identity mapping of a table (for the rollback): every column as PostgreSQL prints it, keyed on the primary key. */
export function identitySql(label: string, db: DatabaseName, table: string, columns: string[], key: string[], types: ColumnTypes): SideSql {
  const side = sideSql(label, db, { table, key }, [], types);
  const fields = columns.map((c) => `coalesce((t.${quote(c)})::text, E'\\\\N')`);
  return { ...side, fields, rowHash: rowHashOf(side.keyText, fields) };
}

/** The row's hash: 64 bits over its canonical text (key first), so sums per segment catch a single changed character. */
function rowHashOf(keyText: string, fields: string[]): string {
  return `hashtextextended(concat_ws(${fieldSeparator}, ${[keyText, ...fields].join(', ')}), 0)`;
}

/** `t.ctid` between two block numbers: a chunk of a big table, read by a TID range scan. */
export function chunkFilter(chunk: { from: number; to: number | null }): string {
  return chunk.to === null ? `t.ctid >= '(${chunk.from},0)'::tid` : `t.ctid >= '(${chunk.from},0)'::tid AND t.ctid < '(${chunk.to},0)'::tid`;
}

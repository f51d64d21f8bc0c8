// Completeness of the mapping: every table and column of both sides is certified by it or excluded with a reason.

import type { EntityMapping, EntitySide, Mapping, Value } from './mapping/types.ts';
import type { DatabaseName, Finding } from './types.ts';
import type { SideTypes } from './validate.ts';

/** How one table of one side is certified, as the certificate lists it. */
export interface TableCoverage {
  version: 'v9' | 'v10';
  database: DatabaseName;
  table: string;
  /** e.g. `entity offers`, `lookup of events`, `unchanged`, `excluded: <reason>`. */
  by: string[];
  columns: number;
  /** Columns neither read by the mapping nor excluded: each is a finding. */
  uncovered: string[];
}

const databases: DatabaseName[] = ['accounts', 'events', 'media'];

/** Reads `types` (information_schema, already read to validate the mapping): no query of its own. */
export function mappingCoverage(mapping: Mapping, types: { v9: SideTypes; v10: SideTypes }): { tables: TableCoverage[]; findings: Finding[] } {
  const tables = (['v9', 'v10'] as const).flatMap((version) => databases.flatMap((db) => sideCoverage(mapping, version, db, types[version][db])));
  return { tables, findings: tables.flatMap(findingsOf) };
}

function sideCoverage(mapping: Mapping, version: 'v9' | 'v10', db: DatabaseName, types: SideTypes[DatabaseName]): TableCoverage[] {
  const read = new Map<string, { by: Set<string>; columns: Set<string> }>();
  const mark = (table: string, by: string, columns: Iterable<string>): void => {
    const entry = read.get(table) ?? { by: new Set<string>(), columns: new Set<string>() };
    entry.by.add(by);
    for (const c of columns) entry.columns.add(c);
    read.set(table, entry);
  };
  for (const entity of mapping.entities.filter((e) => e.database === db)) markEntity(entity, version, mark);
  for (const u of (mapping.unchanged ?? []).filter((u) => u.database === db)) for (const t of u.tables) mark(t, 'unchanged', types.get(t)?.keys() ?? []);
  for (const x of (mapping.excluded ?? []).filter((x) => x.version === version && x.database === db)) {
    mark(x.table, `excluded${x.columns ? ` (${x.columns.join(', ')})` : ''}: ${x.reason}`, x.columns ?? types.get(x.table)?.keys() ?? []);
  }
  return [...types.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([table, columns]) => {
    const entry = read.get(table);
    return { version, database: db, table, by: [...(entry?.by ?? [])], columns: columns.size, uncovered: [...columns.keys()].filter((c) => !entry?.columns.has(c)) };
  });
}

/** Every column an entity's side reads: key, fields, lookups (join and collected columns), dimensions. */
function markEntity(entity: EntityMapping, version: 'v9' | 'v10', mark: (table: string, by: string, columns: Iterable<string>) => void): void {
  const side: EntitySide = entity[version];
  const tableOf = new Map<string, string>([['', side.table]]);
  mark(side.table, `entity ${entity.name}`, side.key);
  for (const l of side.lookups ?? []) {
    mark(tableOf.get(l.from ?? '') ?? side.table, `entity ${entity.name}`, [l.on[0]]);
    mark(l.table, `lookup of ${entity.name}`, [l.on[1], ...(l.collect ? [l.collect] : [])]);
    tableOf.set(l.name, l.table);
  }
  const markValue = (v: Value): void => {
    if ('constant' in v) return;
    if ('object' in v) return mark(side.table, `entity ${entity.name}`, Object.values(v.object));
    if ('lookup' in v) return mark(tableOf.get(v.lookup) ?? side.table, `lookup of ${entity.name}`, [v.column]);
    mark(side.table, `entity ${entity.name}`, [v.column]);
  };
  for (const f of entity.fields) markValue(f[version]);
  for (const source of Object.values(side.dimensions ?? {})) {
    if ('via' in source) mark(side.table, `entity ${entity.name}`, [source.column]);
    else markValue(source);
  }
}

function findingsOf(t: TableCoverage): Finding[] {
  const side = t.version.toUpperCase();
  const where = (column: string | null): Pick<Finding, 'v9Key' | 'v10Key'> => {
    const key = { table: `${t.database}.${t.table}`, ...(column ? { column } : {}) };
    return t.version === 'v9' ? { v9Key: key, v10Key: null } : { v9Key: null, v10Key: key };
  };
  if (t.by.length === 0) {
    return [{ entity: 'mapping', kind: 'table', ...where(null), field: `${t.database}.${t.table}`, expected: 'certified by the mapping or excluded with a reason', actual: `${side} table nobody certifies`, via: 'schema' }];
  }
  return t.uncovered.map((column) => ({
    entity: 'mapping', kind: 'columns', ...where(column), field: `${t.database}.${t.table}.${column}`,
    expected: 'mapped or excluded with a reason', actual: `${side} column neither mapped nor excluded`, via: 'schema',
  }));
}

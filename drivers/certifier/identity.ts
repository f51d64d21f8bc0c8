// The identity mapping of a whole schema (for the rollback): each table keyed on its primary key, every column as printed.

import type { SideConnections } from './connect.ts';
import { identitySql } from './sql.ts';
import type { SideSql } from './sql.ts';
import type { DatabaseName } from './types.ts';
import type { ColumnTypes } from './validate.ts';

export interface TableShape {
  table: string;
  columns: { name: string; type: string }[];
  key: string[];
}

/** Every table of the side's schema in `db`, with its columns in order and its primary key (all columns when it has none). */
export async function tableShapes(conn: SideConnections, db: DatabaseName): Promise<TableShape[]> {
  const { rows } = await conn.query<{ t: string; columns: { name: string; type: string }[]; key: string[] | null }>(db,
    `SELECT c.relname AS t,
            (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
               FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i CROSS JOIN unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum WHERE i.indrelid = c.oid AND i.indisprimary) AS key
     FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`);
  return rows.map((r) => ({ table: r.t, columns: r.columns, key: r.key ?? r.columns.map((c) => c.name) }));
}

export function shapeSql(label: string, db: DatabaseName, shape: TableShape): SideSql {
  const types: ColumnTypes = new Map([[shape.table, new Map(shape.columns.map((c) => [c.name, c.type]))]]);
  return identitySql(label, db, shape.table, shape.columns.map((c) => c.name), shape.key, types);
}

/** The state of every sequence of the side's schema in `db`: a restored database whose sequences restart at 1 breaks the next insert. */
export async function sequenceStates(conn: SideConnections, db: DatabaseName): Promise<Record<string, string | null>> {
  const { rows } = await conn.query<{ name: string; last: string | null }>(db,
    'SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1');
  return Object.fromEntries(rows.map((r) => [r.name, r.last]));
}

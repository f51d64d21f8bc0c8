// Catalog queries the ops commands share: the platform's tables, moving them between schemas, load order, sequences.

import type pg from 'pg';

/** Where `admin.ts backup` keeps the V9 tables, in each database; the rollback restores from it. */
export const backupSchema = 'kw_v9_backup';
/** Where the migration parks the V9 tables while it builds the V10 ones; dropped when it commits. */
export const workSchema = 'kw_migrating_v9';

/** The tables of `schema` (the platform's own schema, the first of the search path, by default), sorted by name. */
export async function tablesOf(client: pg.ClientBase, schema?: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT tablename AS name FROM pg_tables WHERE schemaname = coalesce($1, current_schema()) ORDER BY 1',
    [schema ?? null],
  );
  return rows.map((r) => r.name);
}

export async function currentSchema(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ name: string }>('SELECT current_schema() AS name');
  return rows[0]?.name ?? 'public';
}

/** Moves every table of the platform's schema into `target` (their sequences and indexes go along). */
export async function moveTables(client: pg.ClientBase, target: string): Promise<string[]> {
  const tables = await tablesOf(client);
  await client.query(`DROP SCHEMA IF EXISTS ${target} CASCADE; CREATE SCHEMA ${target}`);
  for (const table of tables) await client.query(`ALTER TABLE ${ident(table)} SET SCHEMA ${target}`);
  return tables;
}

/** `tables` of the platform's schema ordered so that a table comes after every table it references. */
export async function loadOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace AND c.oid <> p.oid`,
  );
  const ordered: string[] = [];
  const visit = (table: string, path: string[]): void => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const r of rows) if (r.child === table && tables.includes(r.parent)) visit(r.parent, [...path, table]);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** The state of every sequence of `schema` (the platform's by default). */
export async function sequencesOf(client: pg.ClientBase, schema?: string): Promise<SequenceState[]> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT sequencename AS name FROM pg_sequences WHERE schemaname = coalesce($1, current_schema()) ORDER BY 1',
    [schema ?? null],
  );
  const states: SequenceState[] = [];
  for (const { name } of rows) {
    const qualified = schema === undefined ? ident(name) : `${schema}.${ident(name)}`;
    const state = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${qualified}`);
    const row = state.rows[0];
    if (row) states.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return states;
}

export async function columnsOf(client: pg.ClientBase, schema: string, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT quote_ident(column_name) AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
    [schema, table],
  );
  return rows.map((r) => r.name);
}

/** A double-quoted identifier when the name needs it. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

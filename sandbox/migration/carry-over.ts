// Tables that are the same in V9 and V10 (the service modules' tables): copied as they are, with their sequences.

import type pg from 'pg';
import { loadOrder, workSchema } from './tables.ts';

/**
 * Copies every table the V10 schema shares with V9 column for column, except platform_meta and tables the V10
 * reference data already filled. Runs after the customers are in (these tables reference them).
 */
export async function carryOver(client: pg.ClientBase): Promise<Record<string, number>> {
  const { rows } = await client.query<{ t: string; columns: string }>(
    `WITH shape AS (
       SELECT table_schema AS s, table_name AS t, string_agg(quote_ident(column_name) || ' ' || data_type, ', ' ORDER BY ordinal_position) AS columns
       FROM information_schema.columns WHERE table_schema IN ($1, current_schema()) GROUP BY 1, 2)
     SELECT old.t, old.columns FROM shape old JOIN shape new ON new.t = old.t AND new.columns = old.columns
     WHERE old.s = $1 AND new.s = current_schema() AND old.t <> 'platform_meta'`,
    [workSchema],
  );
  const copied: Record<string, number> = {};
  for (const table of await loadOrder(client, rows.map((r) => r.t))) {
    const filled = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
    if ((filled.rowCount ?? 0) > 0) continue;
    const columns = (rows.find((r) => r.t === table)?.columns ?? '').split(', ').map((c) => c.split(' ')[0]).join(', ');
    const done = await client.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${workSchema}.${table}`);
    copied[table] = done.rowCount ?? 0;
    await carrySequences(client, table);
  }
  return copied;
}

/** A copied bigserial must go on from where V9 was, or the next insert collides. */
async function carrySequences(client: pg.ClientBase, table: string): Promise<void> {
  const { rows } = await client.query<{ column: string }>(
    `SELECT a.attname AS column FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND pg_get_serial_sequence($1::text, a.attname::text) IS NOT NULL`,
    [table],
  );
  for (const { column } of rows) {
    const old = await client.query<{ seq: string }>('SELECT pg_get_serial_sequence($1, $2) AS seq', [`${workSchema}.${table}`, column]);
    const seq = old.rows[0]?.seq;
    if (!seq) continue;
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), s.last_value, s.is_called) FROM ${seq} s`, [table, column]);
  }
}

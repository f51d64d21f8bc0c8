// Bulk insert of reference rows, one parameterised statement per table.

import type pg from 'pg';

/** Inserts `rows` (values in `columns` order) into `table`; returns the number of rows. */
export async function insertRows(client: pg.ClientBase, table: string, columns: string[], rows: unknown[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
  await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  return rows.length;
}

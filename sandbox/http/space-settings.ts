// Each customer's module settings: a module of the offer can be switched off by the customer, not switched on beyond it.

import type pg from 'pg';

export const moduleSettingsDdl = `CREATE TABLE IF NOT EXISTS kw_side.module_settings (
  customer_id integer NOT NULL,
  module text NOT NULL,
  enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, module)
)`;

/** Whether each of `modules` is on for the customer (on unless switched off). */
export async function readModuleSettings(pool: pg.Pool, customerId: number, modules: readonly string[]): Promise<Map<string, boolean>> {
  const { rows } = await pool.query<{ module: string; enabled: boolean }>('SELECT module, enabled FROM kw_side.module_settings WHERE customer_id = $1', [customerId]);
  const saved = new Map(rows.map((r) => [r.module, r.enabled]));
  return new Map(modules.map((m) => [m, saved.get(m) ?? true]));
}

/** Saves the switches of the offer's modules; modules outside the offer are ignored. */
export async function saveModuleSettings(pool: pg.Pool, customerId: number, modules: readonly string[], enabled: ReadonlySet<string>): Promise<void> {
  if (modules.length === 0) return;
  await pool.query(
    `INSERT INTO kw_side.module_settings (customer_id, module, enabled, updated_at)
     SELECT $1, m, m = ANY ($3), now() FROM unnest($2::text[]) AS m
     ON CONFLICT (customer_id, module) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at`,
    [customerId, modules, [...enabled]],
  );
}

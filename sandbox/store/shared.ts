// Queries the two store versions share in shape, differing only in table and column names.

import type pg from 'pg';
import type { Pools } from '../db.ts';
import type { CatalogRefs } from './types.ts';

/** Where each catalog id of a signup lives in one version's accounts database. */
export type RefTables = Record<keyof CatalogRefs, { table: string; key: string; label: string }>;

/**
 * The signup problem of `refs`: an unknown id first, then what the white label does not sell.
 * `salesSql` takes (whiteLabel, accountType, paymentMethod, offer) and answers one row of booleans.
 */
export async function findSignupProblem(pool: pg.Pool, tables: RefTables, salesSql: string, refs: CatalogRefs): Promise<string | undefined> {
  for (const field of ['whiteLabel', 'accountType', 'paymentMethod', 'offer'] as const) {
    const { table, key, label } = tables[field];
    const found = await pool.query(`SELECT 1 FROM ${table} WHERE ${key} = $1`, [refs[field]]);
    if (found.rowCount === 0) return `unknown ${label} ${JSON.stringify(refs[field])}`;
  }
  const { rows } = await pool.query<Record<'offer' | 'accountType' | 'paymentMethod', boolean>>(salesSql, [refs.whiteLabel, refs.accountType, refs.paymentMethod, refs.offer]);
  for (const field of ['offer', 'accountType', 'paymentMethod'] as const) {
    if (!rows[0]?.[field]) return `white label ${JSON.stringify(refs.whiteLabel)} does not sell ${tables[field].label} ${JSON.stringify(refs[field])}`;
  }
  return undefined;
}

export async function pingAll(pools: Pools): Promise<void> {
  await Promise.all([pools.accounts.query('SELECT 1'), pools.events.query('SELECT 1'), pools.media.query('SELECT 1')]);
}

/** True when the error is a unique-constraint violation (Postgres SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** The JSON object stored as text by V9, or {} when absent or not an object. */
export function parseDetails(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

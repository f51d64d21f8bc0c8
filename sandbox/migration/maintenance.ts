// The maintenance flag: on while the migration or the rollback runs, so the customer space and back office show a notice, not data.

import type pg from 'pg';

/** Kept outside the platform's schema (and in the accounts database only), so a migration or an init does not drop it. */
const table = 'kw_ops.maintenance';
export const defaultMessage = 'Maintenance en cours : votre espace client revient très vite. Merci de votre patience.';

export interface MaintenanceState {
  maintenance: boolean;
  since: string | null;
  message: string | null;
}

/**
 * The advisory lock the instances' background jobs hold (shared) while they write: turning maintenance on takes it
 * exclusively once, so it returns only when no job that started before the flag is still writing.
 */
export const backgroundJobsLock = 0x6b770001;
const drainTimeout = '30s';

export async function setMaintenance(client: pg.ClientBase, active: boolean, message: string): Promise<MaintenanceState> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS kw_ops;
    CREATE TABLE IF NOT EXISTS ${table} (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      active boolean NOT NULL,
      since timestamptz NOT NULL,
      message text NOT NULL
    )`);
  await client.query(
    `INSERT INTO ${table} (active, since, message) VALUES ($1, clock_timestamp(), $2)
     ON CONFLICT (singleton) DO UPDATE SET active = EXCLUDED.active, since = EXCLUDED.since, message = EXCLUDED.message`,
    [active, message],
  );
  if (active) await drainBackgroundJobs(client);
  return readMaintenance(client);
}

/** Waits (at most 30 s) for the background jobs under way to finish; the ones that start later see the flag and stay idle. */
async function drainBackgroundJobs(client: pg.ClientBase): Promise<void> {
  await client.query(`SET lock_timeout = '${drainTimeout}'`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [backgroundJobsLock]);
    await client.query('SELECT pg_advisory_unlock($1)', [backgroundJobsLock]);
  } catch (error) {
    throw new Error(`maintenance is on, but a background job of an instance was still writing after ${drainTimeout}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.query('RESET lock_timeout');
  }
}

export async function readMaintenance(client: pg.ClientBase): Promise<MaintenanceState> {
  const exists = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table]);
  if (!exists.rows[0]?.found) return { maintenance: false, since: null, message: null };
  const { rows } = await client.query<{ active: boolean; since: Date; message: string }>(`SELECT active, since, message FROM ${table}`);
  const row = rows[0];
  return row ? { maintenance: row.active, since: row.since.toISOString(), message: row.message } : { maintenance: false, since: null, message: null };
}

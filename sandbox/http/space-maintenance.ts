// Maintenance per scope (customer space, back office) on top of the platform-wide flag of sandbox/migration/maintenance.ts.

import type pg from 'pg';
import { defaultMessage, readMaintenance, setMaintenance } from '../migration/maintenance.ts';

export const maintenanceScopesDdl = `CREATE TABLE IF NOT EXISTS kw_side.maintenance_scopes (
  scope text PRIMARY KEY CHECK (scope IN ('space', 'back-office')),
  active boolean NOT NULL,
  since timestamptz NOT NULL,
  message text NOT NULL
)`;

export type MaintenanceScope = 'space' | 'back-office';
export const maintenanceScopes: readonly (MaintenanceScope | 'all')[] = ['all', 'space', 'back-office'];

export interface ActiveMaintenance {
  since: Date;
  message: string;
}

/** The maintenance in force for `scope`: the platform-wide flag first, then the scope's own; undefined when none. */
export async function maintenanceFor(pool: pg.Pool, scope: MaintenanceScope): Promise<ActiveMaintenance | undefined> {
  const client = await pool.connect();
  try {
    const global = await readMaintenance(client);
    if (global.maintenance) return { since: new Date(global.since ?? Date.now()), message: global.message ?? defaultMessage };
    const { rows } = await client.query<ActiveMaintenance>('SELECT since, message FROM kw_side.maintenance_scopes WHERE scope = $1 AND active', [scope]);
    return rows[0];
  } finally {
    client.release();
  }
}

/** Turns maintenance on or off: "all" is the platform-wide flag (the one the migration sets), the others one scope each. */
export async function setMaintenanceScope(pool: pg.Pool, scope: MaintenanceScope | 'all', active: boolean, message = defaultMessage): Promise<void> {
  if (scope !== 'all') {
    await pool.query(
      `INSERT INTO kw_side.maintenance_scopes (scope, active, since, message) VALUES ($1, $2, now(), $3)
       ON CONFLICT (scope) DO UPDATE SET active = EXCLUDED.active, since = EXCLUDED.since, message = EXCLUDED.message`,
      [scope, active, message],
    );
    return;
  }
  const client = await pool.connect();
  try {
    await setMaintenance(client, active, message);
  } finally {
    client.release();
  }
}

/** Each switch as set: the platform-wide flag and each scope's own. */
export async function maintenanceSwitches(pool: pg.Pool): Promise<Record<MaintenanceScope | 'all', boolean>> {
  const client = await pool.connect();
  try {
    const global = await readMaintenance(client);
    const { rows } = await client.query<{ scope: MaintenanceScope; active: boolean }>('SELECT scope, active FROM kw_side.maintenance_scopes');
    const scoped = Object.fromEntries(rows.map((r) => [r.scope, r.active]));
    return { all: global.maintenance, space: scoped['space'] ?? false, 'back-office': scoped['back-office'] ?? false };
  } finally {
    client.release();
  }
}

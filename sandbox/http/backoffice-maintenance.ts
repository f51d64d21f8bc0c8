// Whether the back office is in maintenance now; under fault `backoffice-stuck-in-maintenance`, once seen on it stays on.

import type pg from 'pg';
import { maintenanceFor, type ActiveMaintenance } from './space-maintenance.ts';

export type BackOfficeMaintenance = () => Promise<ActiveMaintenance | undefined>;

/** Reads the switches on every request; `stuck` (the fault) keeps the first maintenance seen, from the instance's start on. */
export async function backOfficeMaintenance(pool: pg.Pool, stuck: boolean): Promise<BackOfficeMaintenance> {
  const read = (): Promise<ActiveMaintenance | undefined> => maintenanceFor(pool, 'back-office');
  if (!stuck) return read;
  // The regression: the maintenance read at start (the instance restarts during the migration's window) is cached for good.
  let seen = await read();
  return async () => (seen ??= await read());
}

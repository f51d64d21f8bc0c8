// What the customer space, the back office and the ops endpoints keep beside the versioned schema (schema kw_side).

import type pg from 'pg';
import { clockDdl, createClock } from '../clock/clock.ts';
import type { PlatformClock } from '../clock/clock.ts';
import type { Faults } from '../faults.ts';
import type { ServerOptions } from '../flags.ts';
import { createNoticeStore, noticeDdl } from '../notice/store.ts';
import type { NoticeStore } from '../notice/store.ts';
import { backOfficeMaintenance, type BackOfficeMaintenance } from './backoffice-maintenance.ts';
import { createStaffStore, staffDdl } from './backoffice-staff.ts';
import type { StaffStore } from './backoffice-staff.ts';
import { instancesDdl } from './backoffice-instances.ts';
import type { AppContext } from './context.ts';
import { maintenanceScopesDdl } from './space-maintenance.ts';
import { moduleSettingsDdl } from './space-settings.ts';

/**
 * Outside the platform's schema (like kw_ops.maintenance) so that `admin.ts init`, a migration or a rollback keeps
 * it, and V9 and V10 share it: customer ids survive the migration, so do dismissals and settings.
 */
const sideDdl = ['CREATE SCHEMA IF NOT EXISTS kw_side', clockDdl, noticeDdl, instancesDdl, staffDdl, maintenanceScopesDdl, moduleSettingsDdl];

export interface SideServices {
  /** The accounts database, where kw_side lives. */
  pool: pg.Pool;
  clock: PlatformClock;
  notice: NoticeStore;
  staff: StaffStore;
  faults: Faults;
  /** The back office's maintenance in force now, if any. */
  backOfficeMaintenance: BackOfficeMaintenance;
  /** The window length the ops endpoint uses when it is not given one. */
  noticeWindowMinutes: number;
}

/** The handlers' context: the instance's own plus the side services. */
export interface SpaceContext extends AppContext {
  side: SideServices;
}

/** Creates the side tables (once, under a lock: N instances start together) and applies `--notice-at`. */
export async function openSideServices(pool: pg.Pool, options: ServerOptions): Promise<SideServices> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('kw_side'))");
    for (const ddl of sideDdl) await client.query(ddl);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const side: SideServices = {
    pool,
    clock: createClock(pool, options.testClock),
    notice: createNoticeStore(pool),
    staff: createStaffStore(pool),
    faults: options.faults,
    backOfficeMaintenance: await backOfficeMaintenance(pool, options.faults.on('backoffice-stuck-in-maintenance', options.version)),
    noticeWindowMinutes: options.noticeWindowMinutes,
  };
  // The flag is the deployment's configuration: it wins at startup; the ops endpoint may change it until the next start.
  if (options.testClockShiftDays !== undefined) await side.clock.startShifted(options.testClockShiftDays);
  if (options.noticeAt) await side.notice.configure(options.noticeAt, options.noticeWindowMinutes, '--notice-at');
  return side;
}

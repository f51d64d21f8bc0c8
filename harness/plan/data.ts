// Data actions of the plan: the V9 snapshot before the migration, the certification of the migration and of the rollback, on the environment's own databases.

import { backupSchema, certifyMigration, certifyRollback, expectCertified, snapshotPlatform, type Snapshot } from '../../drivers/certifier/index.ts';
import type { CutoverRecord, TestAccount } from '../../environments/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';

export interface DataState {
  snapshot: Snapshot | undefined;
  /** The designated migrated accounts of a local run, recorded on V9 after `generate-data`: scenarios read them as test accounts. */
  migrated?: TestAccount[];
  /** What the cut-over cohort did during the maintenance window, for the scenario that checks it. */
  cutover?: CutoverRecord;
}

type Databases = { accounts: string; events: string; media: string };

/** Runs one data action; a difference in the data fails the step (a product defect) with the rows it located. */
export async function runDataAction(action: 'snapshot' | 'certify-data' | 'certify-rollback', urls: Databases, state: DataState): Promise<Record<string, unknown>> {
  const v9 = { version: 'v9' as const, urls };
  const backup = { ...v9, schema: backupSchema };
  if (action === 'snapshot') {
    state.snapshot = await snapshotPlatform(v9);
    return { snapshot: 'v9' };
  }
  if (action === 'certify-data') {
    const certificate = await certifyMigration(backup, { version: 'v10', urls });
    expectCertified(certificate);
    return { certified: 'migration', rows: certificate.totals.rows, findings: certificate.totals.findings, durationMs: certificate.durationMs };
  }
  if (!state.snapshot) throw new ConfigurationError('the plan certifies a rollback without a "snapshot" step before the migration: add one to the migration phase');
  const certificate = await certifyRollback(state.snapshot, v9, { reference: backup });
  expectCertified(certificate);
  return { certified: 'rollback', tables: certificate.tables.length, findings: certificate.findings.length, durationMs: certificate.durationMs };
}

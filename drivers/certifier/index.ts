// The data certifier: proves, in SQL on the databases themselves, that a V9 -> V10 migration and its rollback lost and changed nothing.

export { certifyMigration } from './certify.ts';
export type { MigrationCertificate } from './certify.ts';
export type { TableCoverage } from './coverage.ts';
export { referenceEntities } from './mapping/reference.ts';
export type { EntityReport, CountRow } from './entity.ts';
export { snapshotPlatform } from './snapshot.ts';
export type { Snapshot } from './snapshot.ts';
export { certifyRollback } from './rollback.ts';
export type { RollbackCertificate, RollbackOptions, TableReport } from './rollback.ts';
export { certificateSection } from './report.ts';
export type { CertificateInput, CertificateSection } from './report.ts';
export { migrationWindowMs, timeline } from './window.ts';
export type { Phase, Timeline } from './window.ts';
export { floorScan, mappedTables } from './floor.ts';
export type { FloorResult } from './floor.ts';
export { localOpsTool, OpsFailure, runOps, urlFlags } from './ops.ts';
export type { OpsResult, OpsTool } from './ops.ts';
export { createScratchDatabases } from './scratch.ts';
export type { ScratchDatabases } from './scratch.ts';
export { backupSchema, MigrationRehearsal, phaseNames } from './rehearsal.ts';
export type { RehearsalOptions } from './rehearsal.ts';
export { v9ToV10 } from './mapping/v9-to-v10.ts';
export type * from './mapping/types.ts';
export { defaults as certifierDefaults } from './types.ts';
export type { CertifierOptions, DatabaseUrls, Finding, FindingKind, PlatformSide } from './types.ts';
export { expectCertified, expectComplete, expectLeftovers, expectLocated, expectNothingLost, expectUnchanged, expectWithinWindow } from './expectations.ts';

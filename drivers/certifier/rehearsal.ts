// A migration rehearsal on throw-away databases: V9 data, backup, migration, certification, rollback, each phase timed.

import { certifyMigration } from './certify.ts';
import type { MigrationCertificate } from './certify.ts';
import { runOps, urlFlags } from '../../lib/ops-tool.ts';
import type { OpsTool } from '../../lib/ops-tool.ts';
import { certifyRollback } from './rollback.ts';
import type { RollbackCertificate } from './rollback.ts';
import { createScratchDatabases } from './scratch.ts';
import type { ScratchDatabases } from './scratch.ts';
import { snapshotPlatform } from './snapshot.ts';
import type { Snapshot } from './snapshot.ts';
import type { CertifierOptions, PlatformSide } from './types.ts';
import { readV9InAdvance } from './v9-side.ts';
import type { V9Side } from './v9-side.ts';
import { v9ToV10 } from './mapping/v9-to-v10.ts';
import type { Mapping } from './mapping/types.ts';
import { timeline } from './window.ts';
import type { Phase, Timeline } from './window.ts';

/** The phases of a rehearsal, as the certificate names them (in French: it goes to the partners). */
export const phaseNames = {
  generate: 'génération des données V9',
  snapshot: 'sommes de contrôle V9 avant migration',
  backup: 'sauvegarde',
  migrate: 'migration',
  certify: 'certification de la migration',
  rollback: 'retour arrière',
  certifyRollback: 'certification du retour arrière',
} as const;

/** The schema where the platform's backup command keeps the V9 tables (docs/platform-interface.md). */
export const backupSchema = 'kw_v9_backup';

export interface RehearsalOptions {
  /** Generator scale of the stand-in platform: small (default), medium, large, full or a fraction. */
  scale?: string;
  seed?: number;
  /** The platform's ops tool, as the environment descriptor gives it (`opsTool`). */
  tool: OpsTool;
  /** Deadline of each ops command (default 30 minutes). */
  opsTimeoutMs?: number;
  certifier?: CertifierOptions;
  /** The mapping the certification reads (default: the platform's V9 to V10 mapping). */
  mapping?: Mapping;
}

export class MigrationRehearsal implements AsyncDisposable {
  readonly phases: Phase[] = [];
  /** What the generator answered: rows per table, duration. */
  generated: Record<string, unknown> = {};
  private before: Snapshot | undefined;
  /** The backup's side of the certification, read while the migration runs (V9 is frozen from maintenance-on). */
  private v9Side: Promise<V9Side> | undefined;
  /** How long reading the V9 side took (it overlaps the migration), once done; undefined when not read ahead. */
  v9SideRead: Promise<number> | undefined;
  private readonly tool: OpsTool;
  private readonly timeoutMs: number;
  private readonly databases: ScratchDatabases;
  private readonly options: RehearsalOptions;

  private constructor(databases: ScratchDatabases, options: RehearsalOptions) {
    this.databases = databases;
    this.options = options;
    this.tool = options.tool;
    this.timeoutMs = options.opsTimeoutMs ?? 30 * 60_000;
  }

  /** New databases on `serverUrl`, holding generated V9 data, in maintenance. */
  static async prepare(serverUrl: string, options: RehearsalOptions): Promise<MigrationRehearsal> {
    const rehearsal = new MigrationRehearsal(await createScratchDatabases(serverUrl), options);
    try {
      await rehearsal.ops('init', ['--version', 'v9']);
      rehearsal.generated = await rehearsal.timed(phaseNames.generate, () => rehearsal.ops('generate', ['--scale', options.scale ?? 'small', '--seed', String(options.seed ?? 1)]));
      return rehearsal;
    } catch (error) {
      await rehearsal.drop();
      throw error;
    }
  }

  get urls(): ScratchDatabases['urls'] {
    return this.databases.urls;
  }

  /** The platform as it is now (V9 before the migration and after a rollback, V10 after the migration). */
  side(version: 'v9' | 'v10'): PlatformSide {
    return { version, urls: this.urls };
  }

  /** The V9 backup the migration keeps beside V10. */
  backupSide(): PlatformSide {
    return { version: 'v9', urls: this.urls, schema: backupSchema };
  }

  /** Maintenance on, checksums of V9 as it is, then the backup. */
  async backUp(): Promise<{ snapshot: Snapshot }> {
    await runOps(this.tool, ['maintenance', 'on', '--accounts-url', this.urls.accounts], this.timeoutMs);
    this.before = await this.timed(phaseNames.snapshot, () => snapshotPlatform(this.side('v9'), this.options.certifier));
    await this.timed(phaseNames.backup, () => this.ops('backup'));
    // KW_CERTIFIER_AHEAD=off reads V9 within the certification instead, to compare.
    if (process.env['KW_CERTIFIER_AHEAD'] === 'off') return { snapshot: this.before };
    const readStarted = performance.now();
    this.v9Side = readV9InAdvance(this.backupSide(), this.options.mapping ?? v9ToV10, this.options.certifier);
    this.v9SideRead = this.v9Side.then((side) => side.read).then(() => Math.round(performance.now() - readStarted));
    // Awaited by the certification; a failure must not surface before as an unhandled rejection.
    this.v9Side.catch(() => undefined);
    return { snapshot: this.before };
  }

  async migrate(faults: string[] = []): Promise<Record<string, unknown>> {
    return this.timed(phaseNames.migrate, () => this.ops('migrate', faults.flatMap((f) => ['--fault', f])));
  }

  /** The backup (V9), read while the migration ran, against the migrated platform (V10). */
  async certifyMigration(): Promise<MigrationCertificate> {
    return this.timed(phaseNames.certify, async () => certifyMigration(this.backupSide(), this.side('v10'), { ...this.options.certifier, ...(this.v9Side ? { v9Side: await this.v9Side } : {}) }));
  }

  async rollback(faults: string[] = []): Promise<Record<string, unknown>> {
    return this.timed(phaseNames.rollback, () => this.ops('rollback', faults.flatMap((f) => ['--fault', f])));
  }

  /** V9 after the rollback against the checksums taken before the migration; the backup locates differences. */
  async certifyRollback(): Promise<RollbackCertificate> {
    const before = this.before;
    if (!before) throw new Error('certifyRollback needs the checksums taken before the migration: call backUp() first');
    return this.timed(phaseNames.certifyRollback, () => certifyRollback(before, this.side('v9'), { ...this.options.certifier, reference: this.backupSide() }));
  }

  /** The phases of the migration day (generating the data is not one) against the 45-minute window. */
  timeline(): Timeline {
    return timeline(this.phases.filter((p) => p.name !== phaseNames.generate));
  }

  async drop(): Promise<void> {
    await this.databases.drop();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.drop();
  }

  private async ops(command: string, args: string[] = []): Promise<Record<string, unknown>> {
    return (await runOps(this.tool, [command, ...urlFlags(this.urls), ...args], this.timeoutMs)).answer;
  }

  private async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.phases.push({ name, durationMs: Math.round(performance.now() - started) });
    }
  }
}

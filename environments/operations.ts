// Platform operations of a local run, as the ops team runs them on migration day: maintenance, backup, migrate, rollback, data.

import { join } from 'node:path';
import { runToCompletion } from './children.ts';
import type { Databases } from './postgres.ts';

const adminScript = join(import.meta.dirname, '..', 'sandbox', 'admin.ts');

/** What the ops tooling reported, as one JSON object, plus how long it took. */
export interface OperationReport {
  operation: string;
  durationMs: number;
  output: Record<string, unknown>;
}

export interface PlatformOperations {
  /** Generates V9 data; `designatedOut`: where the ops tool writes the migrated accounts it designates (a test accounts file). */
  generateData(scale: string, designatedOut?: string): Promise<OperationReport>;
  maintenance(on: boolean): Promise<OperationReport>;
  backup(): Promise<OperationReport>;
  migrate(): Promise<OperationReport>;
  rollback(): Promise<OperationReport>;
}

export function localOperations(databases: Databases, faults: { migration: string[]; rollback: string[] }, catalogDir: string): PlatformOperations {
  const urls = ['--accounts-url', databases.accounts, '--events-url', databases.events, '--media-url', databases.media];
  const admin = async (operation: string, args: string[], timeoutMs = 15 * 60_000): Promise<OperationReport> => {
    const started = performance.now();
    const stdout = await runToCompletion(adminScript, args, { timeoutMs, label: `platform operation "${operation}"` });
    const last = stdout.trim().split('\n').at(-1) ?? '{}';
    return { operation, durationMs: Math.round(performance.now() - started), output: JSON.parse(last) as Record<string, unknown> };
  };
  const withFaults = (values: string[]) => values.flatMap((fault) => ['--fault', fault]);
  return {
    generateData: (scale, designatedOut) => admin('generate', ['generate', ...urls, '--scale', scale, '--catalog', catalogDir, ...(designatedOut ? ['--designated-out', designatedOut] : [])]),
    maintenance: (on) => admin(`maintenance ${on ? 'on' : 'off'}`, ['maintenance', on ? 'on' : 'off', '--accounts-url', databases.accounts], 30_000),
    backup: () => admin('backup', ['backup', ...urls]),
    migrate: () => admin('migrate', ['migrate', ...urls, '--catalog', catalogDir, ...withFaults(faults.migration)]),
    rollback: () => admin('rollback', ['rollback', ...urls, ...withFaults(faults.rollback)]),
  };
}

// Platform operations of a run where the harness has the ops tool, as the ops team runs them on migration day: maintenance, backup, migrate, rollback, data.

import { EnvironmentError } from '../lib/errors.ts';
import { OpsFailure, runOps, urlFlags, type OpsTool } from '../lib/ops-tool.ts';
import type { Databases } from './postgres.ts';

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

/** Runs one operation of the ops tool; its failure is the environment's (the run stops as broken, not as a product defect). */
export async function runOperation(tool: OpsTool, operation: string, args: string[], timeoutMs = 15 * 60_000): Promise<OperationReport> {
  try {
    const { answer, durationMs } = await runOps(tool, args, timeoutMs);
    return { operation, durationMs, output: answer };
  } catch (error) {
    if (!(error instanceof OpsFailure)) throw error;
    throw new EnvironmentError(`platform operation "${operation}" failed: ${error.message}`, { cause: error });
  }
}

export function platformOperations(tool: OpsTool, databases: Databases, faults: { migration: string[]; rollback: string[] }, catalogDir: string): PlatformOperations {
  const urls = urlFlags(databases);
  const withFaults = (values: string[]) => values.flatMap((fault) => ['--fault', fault]);
  return {
    generateData: (scale, designatedOut) => runOperation(tool, 'generate', ['generate', ...urls, '--scale', scale, '--catalog', catalogDir, ...(designatedOut ? ['--designated-out', designatedOut] : [])]),
    maintenance: (on) => runOperation(tool, `maintenance ${on ? 'on' : 'off'}`, ['maintenance', on ? 'on' : 'off', '--accounts-url', databases.accounts], 30_000),
    backup: () => runOperation(tool, 'backup', ['backup', ...urls]),
    migrate: () => runOperation(tool, 'migrate', ['migrate', ...urls, '--catalog', catalogDir, ...withFaults(faults.migration)]),
    rollback: () => runOperation(tool, 'rollback', ['rollback', ...urls, ...withFaults(faults.rollback)]),
  };
}

// Fault switches of the migration and the rollback: defects the data certifier must find and locate to the row.

import { StartupError } from '../startup-error.ts';
import { referenceFaults } from './reference-faults.ts';
import type { ReferenceFault, ReferenceFaultName } from './reference-faults.ts';

export const migrationFaults = {
  'drop-events-of-offer': 'the events of the customers of offer <offer> are not migrated (drop-events-of-offer:<offer>)',
  'shift-dst-hour': 'times in the hour Paris repeats in October are read as winter time: one hour late',
  'truncate-durations-of-model': 'recording durations of cameras of model <model> are truncated to whole minutes (truncate-durations-of-model:<model>)',
  'wrong-offer-mapping': 'customers of offer <offer> get the next offer of the catalog (wrong-offer-mapping:<offer>)',
  ...referenceFaults,
} as const;

export const rollbackFaults = {
  'rollback-leaves-v10-rows': 'the rollback drops only the V10 tables V9 also has: devices, subscriptions and device models stay, with their rows',
} as const;

export interface MigrationFaults {
  dropEventsOfOffer?: string;
  shiftDstHour: boolean;
  truncateDurationsOfModel?: string;
  wrongOfferMapping?: string;
  /** Reference data (and columns) the migration damages in V10 after loading it. */
  reference: ReferenceFault[];
  readonly active: string[];
}

export interface RollbackFaults {
  leavesV10Rows: boolean;
  readonly active: string[];
}

export function parseMigrationFaults(values: readonly string[]): MigrationFaults {
  const faults: MigrationFaults = { shiftDstHour: false, reference: [], active: [...values] };
  for (const value of values) {
    const [name = '', target] = splitFault(value, migrationFaults);
    if (Object.hasOwn(referenceFaults, name)) faults.reference.push({ name: name as ReferenceFaultName, target: needTarget(value, target) });
    else if (name === 'shift-dst-hour') faults.shiftDstHour = true;
    else if (name === 'drop-events-of-offer') faults.dropEventsOfOffer = needTarget(value, target);
    else if (name === 'truncate-durations-of-model') faults.truncateDurationsOfModel = needTarget(value, target);
    else faults.wrongOfferMapping = needTarget(value, target);
  }
  return faults;
}

export function parseRollbackFaults(values: readonly string[]): RollbackFaults {
  for (const value of values) splitFault(value, rollbackFaults);
  return { leavesV10Rows: values.length > 0, active: [...values] };
}

function splitFault(value: string, known: Record<string, string>): [string, string | undefined] {
  const at = value.indexOf(':');
  const name = at < 0 ? value : value.slice(0, at);
  if (!Object.hasOwn(known, name)) {
    throw new StartupError(`--fault ${JSON.stringify(value)} is unknown; known faults: ${Object.entries(known).map(([n, d]) => `${n} (${d})`).join('; ')}`);
  }
  return [name, at < 0 ? undefined : value.slice(at + 1)];
}

function needTarget(value: string, target: string | undefined): string {
  if (target) return target;
  throw new StartupError(`--fault ${JSON.stringify(value)} needs a target after ':', e.g. ${value}:essentiel-2019`);
}

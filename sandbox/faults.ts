// Named fault switches of the stand-in platform: regressions the harness must catch, turned on by the local environment only.

import { StartupError } from './startup-error.ts';

/** Each fault, and what it breaks. `name:instance` turns a fault on for one instance only. */
export const faultCatalog = {
  'sms-silent': 'the platform never calls the SMS provider',
  'instance-crash-on-event': 'the instance process crashes when it receives a camera event',
} as const;

export type FaultName = keyof typeof faultCatalog;

export interface Faults {
  has(name: FaultName): boolean;
  readonly active: readonly FaultName[];
}

/** The faults of `--fault` values that apply to this instance; an unknown name is refused with the known ones. */
export function parseFaults(values: readonly string[], instance: string): Faults {
  const active: FaultName[] = [];
  for (const value of values) {
    const [name = '', target] = value.split(':');
    if (!(name in faultCatalog)) throw new StartupError(`--fault ${JSON.stringify(value)} is unknown; known faults: ${Object.keys(faultCatalog).join(', ')} (optionally name:instance)`);
    if (target === undefined || target === instance) active.push(name as FaultName);
  }
  return { active, has: (name) => active.includes(name) };
}

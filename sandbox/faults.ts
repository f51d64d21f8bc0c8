// Named fault switches of the stand-in platform: regressions the harness must catch, turned on by the local environment only.

import { StartupError } from './startup-error.ts';

/** Each fault, and what it breaks. `name:instance` turns a fault on for one instance only. */
export const faultCatalog = {
  'sms-silent': 'the platform never calls the SMS provider',
  'instance-crash-on-event': 'the instance process crashes when it receives a camera event',
  'swap-logo': 'the customer spaces of two white labels show each other\'s logo (`swap-logo:<wl1>,<wl2>[:instance]`)',
} as const;

/** Faults that take an argument before the optional instance: `name:argument[:instance]`. */
const withArgument: ReadonlySet<string> = new Set(['swap-logo']);

export type FaultName = keyof typeof faultCatalog;

export interface Faults {
  has(name: FaultName): boolean;
  readonly active: readonly FaultName[];
  /** The argument of an active fault that takes one (e.g. the two brands of `swap-logo`). */
  argument(name: FaultName): string | undefined;
}

/** The faults of `--fault` values that apply to this instance; an unknown name is refused with the known ones. */
export function parseFaults(values: readonly string[], instance: string): Faults {
  const active: FaultName[] = [];
  const args = new Map<FaultName, string>();
  for (const value of values) {
    const [name = '', ...rest] = value.split(':');
    if (!(name in faultCatalog)) throw new StartupError(`--fault ${JSON.stringify(value)} is unknown; known faults: ${Object.keys(faultCatalog).join(', ')} (optionally name:instance)`);
    const argument = withArgument.has(name) ? rest.shift() : undefined;
    if (withArgument.has(name) && !argument) throw new StartupError(`--fault ${JSON.stringify(value)} needs an argument: ${faultCatalog[name as FaultName]}`);
    const [target] = rest;
    if (target !== undefined && target !== instance) continue;
    active.push(name as FaultName);
    if (argument) args.set(name as FaultName, argument);
  }
  return { active, has: (name) => active.includes(name), argument: (name) => args.get(name) };
}

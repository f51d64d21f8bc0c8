// Rules the environment kinds share, each read from a kind's capabilities: fault switches, the clock shift, writes.

import { ConfigurationError } from '../lib/errors.ts';
import type { Capabilities, EnvironmentDescriptor, EnvironmentKind, StartOptions } from './types.ts';

/** Where the harness starts the stand-in platform on this machine: everything is the harness's to do. */
export const standInCapabilities: Capabilities = { writes: 'any', selection: 'full', accounts: 'created', faults: true, testClock: true, opsTool: true };

type Named = Pick<EnvironmentKind, 'name' | 'capabilities'>;

/** Refuses `--fault` where fault switches are not the harness's to throw (they exist only on the stand-in platform). */
export function checkFaults(kind: Named, faults: readonly string[]): void {
  if (kind.capabilities.faults || faults.length === 0) return;
  throw new ConfigurationError(`--fault ${faults.join(', ')}: ${kind.name} refuses fault switches, which exist only on the stand-in platform of a local run; remove --fault`);
}

/**
 * `KW_CLOCK_SHIFT_DAYS`: the stand-in platform's clock starts that many days from real time (a whole number, up to ten
 * years either way), to rehearse a run as on another date; only where the platform's clock is the harness's to set.
 */
export function clockShiftDays(kind: Named, env: NodeJS.ProcessEnv): number | undefined {
  const raw = env['KW_CLOCK_SHIFT_DAYS'];
  if (raw === undefined || raw === '') return undefined;
  if (!kind.capabilities.testClock) throw new ConfigurationError(`KW_CLOCK_SHIFT_DAYS is set, but the ${kind.name} platform's clock is not the harness's to move; unset it`);
  const days = Number(raw);
  if (!Number.isInteger(days) || Math.abs(days) > 3650) throw new ConfigurationError(`KW_CLOCK_SHIFT_DAYS must be a whole number of days between -3650 and 3650 (e.g. 365 for a year ahead), got ${JSON.stringify(raw)}`);
  return days === 0 ? undefined : days;
}

/** The start options with the clock shift of `KW_CLOCK_SHIFT_DAYS`, when set. */
export function withClockShift(kind: Named, options: StartOptions, env: NodeJS.ProcessEnv): StartOptions {
  const days = clockShiftDays(kind, env);
  return days === undefined ? options : { ...options, clockShiftDays: days };
}

/** Requires each variable to be set, naming the missing ones and an example. */
export function requireVariables(kind: Named, env: NodeJS.ProcessEnv, keys: readonly string[], example: string): void {
  const missing = keys.filter((key) => !env[key]);
  if (missing.length > 0) throw new ConfigurationError(`environment "${kind.name}" needs ${missing.join(' and ')} (e.g. ${example})`);
}

/**
 * Steps that write (create an account, a payment, a device) call this first: where the environment's capabilities
 * allow writes on designated test accounts only (production), only those may be written to; nowhere when they allow none.
 */
export function assertWritable(environment: Pick<EnvironmentDescriptor, 'name' | 'capabilities' | 'testAccounts'>, what: string, account?: string): void {
  const { writes } = environment.capabilities;
  if (writes === 'any') return;
  if (writes === 'none') throw new ConfigurationError(`the ${environment.name} environment refuses to ${what}: it allows no write`);
  if (account !== undefined && environment.testAccounts.some((a) => a.email === account)) return;
  throw new ConfigurationError(`the ${environment.name} environment refuses to ${what}: writes are allowed there only on its designated test accounts (${environment.testAccounts.map((a) => a.email).join(', ') || 'none configured'})`);
}

// Environments by name: where the platform is and what is allowed there, validated when loaded.

import { ConfigurationError } from '../lib/errors.ts';
import { startContainers } from './containers.ts';
import { startLocalEnvironment } from './local.ts';
import { loadRemoteConfig, startRemoteEnvironment } from './remote.ts';
import { environmentNames, isRemoteEnvironment, type EnvironmentDescriptor, type EnvironmentName, type StartOptions, type StartedEnvironment } from './types.ts';

export type * from './types.ts';
export { environmentNames, isRemoteEnvironment, planNameOf } from './types.ts';
export { reapOrphans } from './children.ts';
export { faultNames, faultProblem, faultRegistry, faultUsage, type FaultName, type FaultSpec } from './fault-registry.ts';
export { detectContainerRuntime } from './containers.ts';
export { loadRemoteConfig, parseTestAccounts, remoteVariables, type ReferenceContract, type ReferenceData, type ReferenceEvent, type ReferenceRecording, type RemoteConfig, type SupportAgent, type TestAccount, type TestAccountsFile, type TestDevice } from './remote.ts';

/** Checks an environment name, listing the valid ones when it is unknown. */
export function parseEnvironmentName(value: string): EnvironmentName {
  if ((environmentNames as readonly string[]).includes(value)) return value as EnvironmentName;
  throw new ConfigurationError(`unknown environment "${value}"; valid environments: ${environmentNames.join(', ')}`);
}

/**
 * Steps that write (create an account, a payment, a device) call this first: where writes are not
 * allowed (production), only the designated test accounts may be written to.
 */
export function assertWritable(environment: EnvironmentDescriptor, what: string, account?: string): void {
  if (environment.allowsWrites) return;
  if (account !== undefined && environment.testAccounts.some((a) => a.email === account)) return;
  throw new ConfigurationError(`the ${environment.name} environment refuses to ${what}: writes are allowed there only on its designated test accounts (${environment.testAccounts.map((a) => a.email).join(', ') || 'none configured'})`);
}

/** Checks what an environment needs before anything starts: a remote one's configuration. */
export function validateEnvironment(name: EnvironmentName, env: NodeJS.ProcessEnv = process.env): void {
  if (isRemoteEnvironment(name)) loadRemoteConfig(name, env);
  if (name === 'services') {
    const missing = ['DATABASE_URL', 'MQTT_URL'].filter((key) => !env[key]);
    if (missing.length > 0) throw new ConfigurationError(`environment "services" needs ${missing.join(' and ')} (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres MQTT_URL=mqtt://127.0.0.1:1883)`);
  }
  clockShiftDays(name, env);
}

/**
 * `KW_CLOCK_SHIFT_DAYS`: the stand-in platform's clock starts that many days from real time (a whole number, up to ten
 * years either way), to rehearse a run as on another date; only where the harness starts the platform.
 */
export function clockShiftDays(name: EnvironmentName, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env['KW_CLOCK_SHIFT_DAYS'];
  if (raw === undefined || raw === '') return undefined;
  if (isRemoteEnvironment(name)) throw new ConfigurationError(`KW_CLOCK_SHIFT_DAYS is set, but the ${name} platform's clock is not the harness's to move; unset it`);
  const days = Number(raw);
  if (!Number.isInteger(days) || Math.abs(days) > 3650) throw new ConfigurationError(`KW_CLOCK_SHIFT_DAYS must be a whole number of days between -3650 and 3650 (e.g. 365 for a year ahead), got ${JSON.stringify(raw)}`);
  return days === 0 ? undefined : days;
}

/**
 * Starts the named environment.
 * - local: embedded PostgreSQL and aedes, unless DATABASE_URL / MQTT_URL name real servers.
 * - services: the real PostgreSQL and MQTT broker named by DATABASE_URL and MQTT_URL (both required).
 * - containers: PostgreSQL and Mosquitto in containers (needs a Docker or Podman engine).
 * - preprod, production: a platform that runs elsewhere, configured by PREPROD_* / PRODUCTION_* variables.
 */
export async function startEnvironment(name: EnvironmentName, options: StartOptions, env: NodeJS.ProcessEnv = process.env): Promise<StartedEnvironment> {
  const services = { databaseUrl: env['DATABASE_URL'] || undefined, mqttUrl: env['MQTT_URL'] || undefined };
  if (name === 'services') validateEnvironment(name, env);
  if (isRemoteEnvironment(name)) return startRemoteEnvironment(name, loadRemoteConfig(name, env), options);
  if (name === 'containers') {
    const containers = await startContainers(env, options.log);
    try {
      const started = await startLocalEnvironment(name, { databaseUrl: containers.databaseUrl, mqttUrl: containers.mqttUrl }, withClockShift(name, options, env));
      // The containers go, whatever the platform's own tear-down does.
      const stop = async () => {
        try {
          await started.stop();
        } finally {
          await containers[Symbol.asyncDispose]();
        }
      };
      return Object.assign(Object.create(started) as StartedEnvironment, { stop, [Symbol.asyncDispose]: stop });
    } catch (error) {
      await containers[Symbol.asyncDispose]();
      throw error;
    }
  }
  return startLocalEnvironment(name, services, withClockShift(name, options, env));
}

function withClockShift(name: EnvironmentName, options: StartOptions, env: NodeJS.ProcessEnv): StartOptions {
  const days = clockShiftDays(name, env);
  return days === undefined ? options : { ...options, clockShiftDays: days };
}

// Environments by name: where the platform is and what is allowed there, validated when loaded.

import { ConfigurationError } from '../lib/errors.ts';
import { startLocalEnvironment } from './local.ts';
import { environmentNames, type EnvironmentName, type StartOptions, type StartedEnvironment } from './types.ts';

export type * from './types.ts';
export { environmentNames } from './types.ts';
export { reapOrphans } from './children.ts';
export { redactUrl } from './postgres.ts';

/** Checks an environment name, listing the valid ones when it is unknown. */
export function parseEnvironmentName(value: string): EnvironmentName {
  if ((environmentNames as readonly string[]).includes(value)) return value as EnvironmentName;
  throw new ConfigurationError(`unknown environment "${value}"; valid environments: ${environmentNames.join(', ')}`);
}

/**
 * Starts the named environment.
 * - local: embedded PostgreSQL and aedes, unless DATABASE_URL / MQTT_URL name real servers.
 * - services: the real PostgreSQL and MQTT broker named by DATABASE_URL and MQTT_URL (both required).
 */
export async function startEnvironment(name: EnvironmentName, options: StartOptions, env: NodeJS.ProcessEnv = process.env): Promise<StartedEnvironment> {
  const services = { databaseUrl: env['DATABASE_URL'] || undefined, mqttUrl: env['MQTT_URL'] || undefined };
  if (name === 'services') {
    const missing = Object.entries({ DATABASE_URL: services.databaseUrl, MQTT_URL: services.mqttUrl }).filter(([, value]) => !value).map(([key]) => key);
    if (missing.length > 0) throw new ConfigurationError(`environment "services" needs ${missing.join(' and ')} (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres MQTT_URL=mqtt://127.0.0.1:1883)`);
  }
  return startLocalEnvironment(name, services, options);
}

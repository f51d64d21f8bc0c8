// Where a fleet sends its devices: a broker and, when known, a platform instance (its HTTP ingest and MQTT 5 endpoint).

import { existsSync, readFileSync } from 'node:fs';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import type { CameraEndpoints } from '../cameras/types.ts';

export interface FleetTarget {
  name: string;
  endpoints: CameraEndpoints;
  platformUrl: string | undefined;
}

/**
 * `--env local`: the broker of MQTT_URL, or mqtt://127.0.0.1:1883; `--env services`: MQTT_URL (required).
 * Either takes the platform instance from PLATFORM_URL when set. `--env <file>.json`: an environment descriptor as the
 * harness writes it for its workers (mqttUrl, platform.instances[0].url).
 */
export async function resolveTarget(env: string, vars: NodeJS.ProcessEnv = process.env): Promise<FleetTarget> {
  let brokerUrl: string;
  let platformUrl = vars['PLATFORM_URL'] || undefined;
  if (env.endsWith('.json')) {
    if (!existsSync(env)) throw new ConfigurationError(`--env ${env}: no such environment descriptor file`);
    const descriptor = JSON.parse(readFileSync(env, 'utf8')) as { mqttUrl?: string; platform?: { instances?: { url: string }[] } };
    brokerUrl = descriptor.mqttUrl ?? '';
    platformUrl = descriptor.platform?.instances?.[0]?.url ?? platformUrl;
  } else if (env === 'local') {
    brokerUrl = vars['MQTT_URL'] || 'mqtt://127.0.0.1:1883';
  } else if (env === 'services') {
    brokerUrl = vars['MQTT_URL'] ?? '';
    if (!brokerUrl) throw new ConfigurationError('--env services needs MQTT_URL (e.g. MQTT_URL=mqtt://127.0.0.1:1883), and PLATFORM_URL for HTTP and MQTT 5 cameras');
  } else {
    throw new ConfigurationError(`--env must be local, services or an environment descriptor file (.json); got "${env}"`);
  }
  // Without a platform, MQTT 5 cameras talk to MQTT5_URL or to the broker itself (Mosquitto speaks MQTT 5; aedes does not).
  const endpoints: CameraEndpoints = { brokerUrl, mqtt5Url: vars['MQTT5_URL'] || brokerUrl };
  if (platformUrl) {
    endpoints.httpUrl = platformUrl;
    endpoints.mqtt5Url = (await mqtt5Of(platformUrl)) ?? endpoints.mqtt5Url;
  }
  return { name: env, endpoints, platformUrl };
}

/** HTTP cameras need a platform: say so before starting thousands of devices that would all fail. */
export function checkTarget(target: FleetTarget, generations: Set<string>): void {
  const http = [...generations].filter((g) => g === 'http-push' || g === 'https-json');
  if (http.length > 0 && target.endpoints.httpUrl === undefined) {
    throw new ConfigurationError(`the fleet has ${http.join(' and ')} cameras, which talk HTTP to a platform instance: set PLATFORM_URL (e.g. http://127.0.0.1:8080) or use an environment descriptor`);
  }
}

async function mqtt5Of(platformUrl: string): Promise<string | undefined> {
  try {
    const health = (await (await fetch(`${platformUrl}/health`, { signal: AbortSignal.timeout(5000) })).json()) as { devices?: { mqtt5Url?: string } };
    return health.devices?.mqtt5Url;
  } catch (error) {
    throw new EnvironmentError(`the platform at ${platformUrl} (PLATFORM_URL) does not answer /health: ${(error as Error).message}`, { cause: error });
  }
}

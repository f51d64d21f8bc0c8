// Where a fleet sends its devices: the environment file the harness writes (its broker, platform and capabilities), or a broker of your own.

import { existsSync, readFileSync } from 'node:fs';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import type { CameraEndpoints } from '../cameras/types.ts';

export interface FleetTarget {
  name: string;
  endpoints: CameraEndpoints;
  platformUrl: string | undefined;
  /**
   * The fleet clears the retained status its devices leave on the broker: on a broker of your own, and where the
   * environment's capabilities allow writes anywhere; not where writes are kept to designated accounts (production).
   */
  clearsRetained: boolean;
}

/** What the fleet reads of the harness's environment descriptor (environments/types.ts EnvironmentDescriptor). */
interface DescriptorFile {
  name?: string;
  mqttUrl?: string;
  platform?: { instances?: { url: string }[] };
  capabilities?: { writes?: string };
}

/**
 * `--env FILE`: the environment descriptor the harness writes for its workers (mqttUrl, platform.instances[0].url,
 * capabilities); `--broker URL`: a broker of your own, the platform from PLATFORM_URL when set. One of the two.
 */
export async function resolveTarget(where: { env?: string | undefined; broker?: string | undefined }, vars: NodeJS.ProcessEnv = process.env): Promise<FleetTarget> {
  if ((where.env === undefined) === (where.broker === undefined)) throw new ConfigurationError('give one of --env FILE (the environment file the harness writes) or --broker URL (a broker of your own, e.g. mqtt://127.0.0.1:1883)');
  let target: Omit<FleetTarget, 'endpoints'> & { brokerUrl: string };
  if (where.env !== undefined) {
    const file = where.env;
    if (!existsSync(file)) throw new ConfigurationError(`--env ${file}: no such environment file; --env takes the environment file the harness writes (HARNESS_ENV_FILE of its workers), --broker URL a broker of your own`);
    let descriptor: DescriptorFile;
    try {
      descriptor = JSON.parse(readFileSync(file, 'utf8')) as DescriptorFile;
    } catch (error) {
      throw new ConfigurationError(`--env ${file}: not an environment file (not JSON: ${(error as Error).message})`, { cause: error });
    }
    if (!descriptor.mqttUrl) throw new ConfigurationError(`--env ${file}: the environment file names no broker (mqttUrl)`);
    target = { name: descriptor.name ?? file, brokerUrl: descriptor.mqttUrl, platformUrl: descriptor.platform?.instances?.[0]?.url ?? (vars['PLATFORM_URL'] || undefined), clearsRetained: descriptor.capabilities?.writes === 'any' };
  } else {
    const broker = where.broker ?? '';
    if (!/^(mqtts?|wss?):\/\/[^/]+/.test(broker)) throw new ConfigurationError(`--broker must be a broker URL such as mqtt://127.0.0.1:1883, got "${broker}"`);
    target = { name: broker, brokerUrl: broker, platformUrl: vars['PLATFORM_URL'] || undefined, clearsRetained: true };
  }
  // Without a platform, MQTT 5 cameras talk to MQTT5_URL or to the broker itself (Mosquitto speaks MQTT 5; aedes does not).
  const endpoints: CameraEndpoints = { brokerUrl: target.brokerUrl, mqtt5Url: vars['MQTT5_URL'] || target.brokerUrl };
  if (target.platformUrl) {
    endpoints.httpUrl = target.platformUrl;
    endpoints.mqtt5Url = (await mqtt5Of(target.platformUrl)) ?? endpoints.mqtt5Url;
  }
  return { name: target.name, endpoints, platformUrl: target.platformUrl, clearsRetained: target.clearsRetained };
}

/** HTTP cameras need a platform: say so before starting thousands of devices that would all fail. */
export function checkTarget(target: FleetTarget, generations: Set<string>): void {
  const http = [...generations].filter((g) => g === 'http-push' || g === 'https-json');
  if (http.length > 0 && target.endpoints.httpUrl === undefined) {
    throw new ConfigurationError(`the fleet has ${http.join(' and ')} cameras, which talk HTTP to a platform instance: set PLATFORM_URL (e.g. http://127.0.0.1:8080) or use an environment file`);
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

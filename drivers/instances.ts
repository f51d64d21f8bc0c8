// Checks every platform instance from outside: each answers /health, on the expected version, under its own id.

import { AssertionError } from 'node:assert';
import { EnvironmentError } from '../lib/errors.ts';
import { PlatformApi, type Health } from './platform-api.ts';

export interface InstanceAddress {
  id: string;
  url: string;
}

export async function checkInstances(instances: readonly InstanceAddress[], expectedVersion: string, timeoutMs = 5000): Promise<Health[]> {
  if (instances.length === 0) throw new EnvironmentError('no platform instance to check: the environment lists none');
  const results = await Promise.all(instances.map(async (instance) => {
    try {
      const health = await new PlatformApi(instance.url, { timeoutMs }).health();
      const problem = health.version !== expectedVersion ? `runs ${health.version}`
        : health.instance !== instance.id ? `answers as instance ${health.instance}`
        : health.status !== 'ok' ? `reports status ${health.status}` : undefined;
      return { instance, health, problem };
    } catch (error) {
      return { instance, health: undefined, problem: `does not answer (${(error as Error).message})` };
    }
  }));
  const bad = results.filter((r) => r.problem !== undefined);
  if (bad.length > 0) {
    const lines = bad.map(({ instance, problem }) => `  ${instance.id} at ${instance.url} ${problem}`).join('\n');
    // A missing or stale instance is the deployment's defect (the product as shipped), not the harness's.
    throw new AssertionError({ message: `every platform instance must answer /health with version ${expectedVersion} under its own id; ` +
      `${bad.length} of ${instances.length} do not:\n${lines}\nWas each instance redeployed and restarted?` });
  }
  return results.flatMap((r) => (r.health ? [r.health] : []));
}

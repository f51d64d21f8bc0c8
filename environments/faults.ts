// Fault switches of a local run, by the part of the platform they break: the instances, the migration, the rollback, the deployment.

import { ConfigurationError } from '../lib/errors.ts';
import { faultNames, faultUsage } from './fault-registry.ts';

export interface ScopedFaults {
  /** Passed to every instance (`--fault` of sandbox/server.ts), e.g. sms-silent. */
  platform: string[];
  /** Passed to `sandbox/admin.ts migrate`, e.g. drop-events-of-offer:serenite-2011. */
  migration: string[];
  /** Passed to `sandbox/admin.ts rollback`, e.g. rollback-leaves-v10-rows. */
  rollback: string[];
  /** Carried out by the environment when it redeploys. */
  deploy: { notRestarted: string[]; staysV9: string[] };
}

/** The deployment faults of the registry, as `deploy:<name>:<instance>`. */
const deployFaults = faultNames.filter((name) => name.startsWith('deploy:'));

/** Splits `scope:name[:target]` values; a value without a known scope is a platform fault. */
export function scopeFaults(values: readonly string[]): ScopedFaults {
  const scoped: ScopedFaults = { platform: [], migration: [], rollback: [], deploy: { notRestarted: [], staysV9: [] } };
  for (const value of values) {
    const [scope = '', ...rest] = value.split(':');
    const inner = rest.join(':');
    if (scope === 'migration' || scope === 'rollback' || scope === 'platform') scoped[scope].push(inner);
    else if (scope === 'deploy') {
      const [name = '', target] = rest;
      if (!target || !(deployFaults as string[]).includes(`deploy:${name}`)) throw new ConfigurationError(`--fault ${JSON.stringify(value)}: deployment faults are ${deployFaults.map(faultUsage).join(', ')}`);
      (name === 'instance-not-restarted' ? scoped.deploy.notRestarted : scoped.deploy.staysV9).push(target);
    } else scoped.platform.push(value);
  }
  return scoped;
}

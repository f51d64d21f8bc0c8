// `containers`: the stand-in platform here, on PostgreSQL and Mosquitto in containers (needs a Docker or Podman engine).

import { startContainers } from '../containers.ts';
import { startLocalEnvironment } from '../local.ts';
import { checkFaults, clockShiftDays, standInCapabilities, withClockShift } from '../rules.ts';
import type { EnvironmentKind, StartedEnvironment } from '../types.ts';

export const containers: EnvironmentKind = {
  name: 'containers',
  defaultPlan: 'local',
  capabilities: standInCapabilities,
  validate: (env) => void clockShiftDays(containers, env),
  checkFaults: (faults) => checkFaults(containers, faults),
  async start(options, env) {
    const started = await startContainers(env, options.log);
    try {
      const platform = await startLocalEnvironment(containers, { databaseUrl: started.databaseUrl, mqttUrl: started.mqttUrl }, withClockShift(containers, options, env));
      // The containers go, whatever the platform's own tear-down does.
      const stop = async () => {
        try {
          await platform.stop();
        } finally {
          await started[Symbol.asyncDispose]();
        }
      };
      return Object.assign(Object.create(platform) as StartedEnvironment, { stop, [Symbol.asyncDispose]: stop });
    } catch (error) {
      await started[Symbol.asyncDispose]();
      throw error;
    }
  },
};

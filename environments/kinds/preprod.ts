// `preprod`: pre-production, a platform that runs elsewhere (PREPROD_* variables); the full regression runs there, on customers it creates.

import { loadRemoteConfig, startRemoteEnvironment } from '../remote.ts';
import { checkFaults, clockShiftDays } from '../rules.ts';
import type { EnvironmentKind } from '../types.ts';

export const preprod: EnvironmentKind = {
  name: 'preprod',
  defaultPlan: 'preprod',
  capabilities: { writes: 'any', selection: 'full', accounts: 'designated', faults: false, testClock: false, opsTool: false },
  validate(env) {
    loadRemoteConfig(preprod.name, env);
    clockShiftDays(preprod, env);
  },
  checkFaults: (faults) => checkFaults(preprod, faults),
  remote: (env) => loadRemoteConfig(preprod.name, env),
  start: (options, env) => startRemoteEnvironment(preprod, loadRemoteConfig(preprod.name, env), options),
};

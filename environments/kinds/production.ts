// `production`: a platform that runs elsewhere (PRODUCTION_* variables); only @smoke scenarios, writes only on its designated test accounts.

import { loadRemoteConfig, startRemoteEnvironment } from '../remote.ts';
import { checkFaults, clockShiftDays } from '../rules.ts';
import type { EnvironmentKind } from '../types.ts';

export const production: EnvironmentKind = {
  name: 'production',
  defaultPlan: 'production',
  capabilities: { writes: 'designated-accounts', selection: 'smoke', accounts: 'designated', faults: false, testClock: false, opsTool: false },
  validate(env) {
    loadRemoteConfig(production.name, env);
    clockShiftDays(production, env);
  },
  checkFaults: (faults) => checkFaults(production, faults),
  remote: (env) => loadRemoteConfig(production.name, env),
  start: (options, env) => startRemoteEnvironment(production, loadRemoteConfig(production.name, env), options),
};

// `services`: the stand-in platform here, on the real PostgreSQL and MQTT broker that DATABASE_URL and MQTT_URL name (both required).

import { startLocalEnvironment } from '../local.ts';
import { checkFaults, clockShiftDays, requireVariables, standInCapabilities, withClockShift } from '../rules.ts';
import type { EnvironmentKind } from '../types.ts';

export const services: EnvironmentKind = {
  name: 'services',
  defaultPlan: 'local',
  capabilities: standInCapabilities,
  validate(env) {
    requireVariables(services, env, ['DATABASE_URL', 'MQTT_URL'], 'DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres MQTT_URL=mqtt://127.0.0.1:1883');
    clockShiftDays(services, env);
  },
  checkFaults: (faults) => checkFaults(services, faults),
  start(options, env) {
    services.validate(env);
    return startLocalEnvironment(services, { databaseUrl: env['DATABASE_URL'], mqttUrl: env['MQTT_URL'] }, withClockShift(services, options, env));
  },
};

// `local` (the default): the stand-in platform here, on embedded PostgreSQL and aedes unless DATABASE_URL / MQTT_URL name real servers.

import { startLocalEnvironment } from '../local.ts';
import { checkFaults, clockShiftDays, standInCapabilities, withClockShift } from '../rules.ts';
import type { EnvironmentKind } from '../types.ts';

export const local: EnvironmentKind = {
  name: 'local',
  defaultPlan: 'local',
  capabilities: standInCapabilities,
  validate: (env) => void clockShiftDays(local, env),
  checkFaults: (faults) => checkFaults(local, faults),
  start: (options, env) => startLocalEnvironment(local, { databaseUrl: env['DATABASE_URL'] || undefined, mqttUrl: env['MQTT_URL'] || undefined }, withClockShift(local, options, env)),
};

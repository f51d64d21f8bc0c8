// Environments by name: where the platform is and what is allowed there (its kind's capabilities), validated when loaded.

import { environmentKind } from './registry.ts';
import type { Capabilities, EnvironmentName, StartOptions, StartedEnvironment } from './types.ts';

export type * from './types.ts';
export { defaultEnvironment, environmentKind, environmentNames, environmentsWhere } from './registry.ts';
export { assertWritable } from './rules.ts';
export { localOpsTool } from './local.ts';

export { faultNames, faultProblem, faultRegistry, type FaultSpec } from './fault-registry.ts';
export { detectContainerRuntime } from './containers.ts';
export { forRunsSideBySide } from './mqtt.ts';
export {
  loadRemoteConfig, parseTestAccounts, type ReferenceData, type RemoteConfig, type TestAccount, type TestDevice,
} from './remote.ts';

/** Checks an environment name, listing the valid ones when it is unknown. */
export function parseEnvironmentName(value: string): EnvironmentName {
  return environmentKind(value).name;
}

/** What the named environment lets the harness do. */
export function capabilitiesOf(name: EnvironmentName): Capabilities {
  return environmentKind(name).capabilities;
}

/** Checks what an environment needs before anything starts (its variables, its test accounts file), naming the variable. */
export function validateEnvironment(name: EnvironmentName, env: NodeJS.ProcessEnv = process.env): void {
  environmentKind(name).validate(env);
}

/** Starts the named environment (environments/kinds/<name>.ts), refusing fault switches it does not allow. */
export async function startEnvironment(name: EnvironmentName, options: StartOptions, env: NodeJS.ProcessEnv = process.env): Promise<StartedEnvironment> {
  const kind = environmentKind(name);
  kind.checkFaults(options.faults);
  return kind.start(options, env);
}

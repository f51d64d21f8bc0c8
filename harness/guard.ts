// The production guard: a production run plays only @smoke scenarios, with no fault switch and no write action, refused before anything starts otherwise.

import { isRemoteEnvironment, type EnvironmentName } from '../environments/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { displayPath } from './plan/load.ts';
import type { Plan } from './plan/types.ts';
import { maxMessageLength, oneLine } from './preflight/lines.ts';
import { nonSmokeScenarios } from './scenarios.ts';

/** Plan actions that only read the databases: every other one changes the platform, which the ops team does on a remote environment. */
const readOnlyActions: readonly string[] = ['snapshot', 'certify-data', 'certify-rollback'];

/** Refuses, naming some of them, any scenario that a production run would select and that is not tagged @smoke. */
export async function guardProduction(env: EnvironmentName, tagExpressions: string[]): Promise<void> {
  if (env !== 'production') return;
  const offending = (await Promise.all(tagExpressions.map((tags) => nonSmokeScenarios(tags)))).flat();
  if (offending.length === 0) return;
  const unique = [...new Map(offending.map((s) => [s.where, s])).values()];
  const named = unique.slice(0, 2).map((s) => `${s.where} ${s.name}`).join(', ');
  throw new ConfigurationError(oneLine(`production runs only @smoke: ${unique.length} selected scenario(s) are not (select them out, or tag them @smoke if safe there): ${named}`, maxMessageLength));
}

/** Pre-production and production: no fault switch (they exist only on the stand-in platform), no plan action that changes the platform. */
export function guardRemote(env: EnvironmentName, faults: readonly string[], plan?: Plan): void {
  if (!isRemoteEnvironment(env)) return;
  if (faults.length > 0) throw new ConfigurationError(`--fault ${faults.join(', ')}: ${env} refuses fault switches, which exist only on the stand-in platform of a local run; remove --fault`);
  for (const [i, phase] of (plan?.phases ?? []).entries()) {
    for (const [j, step] of phase.steps.entries()) {
      if (step.kind !== 'action' || readOnlyActions.includes(step.action)) continue;
      throw new ConfigurationError(`${displayPath(plan?.file ?? '')}: phases[${i}].steps[${j}] "${step.action}" changes the platform, which ${env} does not let the harness do (the ops team does it); remove the step or use a local plan`);
    }
  }
}

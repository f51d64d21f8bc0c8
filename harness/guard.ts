// The guards of what an environment allows (its capabilities): a smoke-only selection, no fault switch and no platform action where the harness may not, refused before anything starts.

import { environmentKind, type EnvironmentName } from '../environments/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { displayPath } from './plan/load.ts';
import type { Plan } from './plan/types.ts';
import { maxMessageLength, oneLine } from './preflight/lines.ts';
import { nonSmokeScenarios } from './scenarios.ts';

/** Plan actions that only read the databases: every other one changes the platform, which the ops team does where the harness has no ops tool. */
const readOnlyActions: readonly string[] = ['snapshot', 'certify-data', 'certify-rollback'];

/** Where only @smoke may run (production), refuses, naming some of them, any selected scenario that is not tagged @smoke. */
export async function guardProduction(env: EnvironmentName, tagExpressions: string[]): Promise<void> {
  if (environmentKind(env).capabilities.selection !== 'smoke') return;
  const offending = (await Promise.all(tagExpressions.map((tags) => nonSmokeScenarios(tags)))).flat();
  if (offending.length === 0) return;
  const unique = [...new Map(offending.map((s) => [s.where, s])).values()];
  const named = unique.slice(0, 2).map((s) => `${s.where} ${s.name}`).join(', ');
  throw new ConfigurationError(oneLine(`${env} runs only @smoke: ${unique.length} selected scenario(s) are not (select them out, or tag them @smoke if safe there): ${named}`, maxMessageLength));
}

/** No fault switch where the environment allows none, no plan action that changes the platform where the harness has no ops tool (pre-production, production). */
export function guardRemote(env: EnvironmentName, faults: readonly string[], plan?: Plan): void {
  const kind = environmentKind(env);
  kind.checkFaults(faults);
  if (kind.capabilities.opsTool) return;
  for (const [i, phase] of (plan?.phases ?? []).entries()) {
    for (const [j, step] of phase.steps.entries()) {
      if (step.kind !== 'action' || readOnlyActions.includes(step.action)) continue;
      throw new ConfigurationError(`${displayPath(plan?.file ?? '')}: phases[${i}].steps[${j}] "${step.action}" changes the platform, which ${env} does not let the harness do (the ops team does it); remove the step or use a local plan`);
    }
  }
}

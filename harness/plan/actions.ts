// The plan's platform actions, one entry each: a new action is one entry here (and, for an ops-tool operation, its
// method in environments/operations.ts). Plan files, their validation and the runner read this table.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StartedEnvironment } from '../../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import type { PlanContext } from './context.ts';
import { CutoverCohort } from './cutover.ts';
import { runDataAction } from './data.ts';
import { recordMigratedAccounts, readDesignated, withoutPasswords } from './migrated.ts';
import type { ActionStep } from './types.ts';

type Operations = NonNullable<StartedEnvironment['operations']>;

export interface ActionSpec {
  /** The keys a step of this action may carry besides `action`: `version` (v9 or v10, required), `scale` (default small). */
  options?: readonly ('version' | 'scale')[];
  run(step: ActionStep, context: PlanContext): Promise<Record<string, unknown>>;
}

/** An operation of the platform's ops tool, where the environment lets the harness run it. */
function opsAction(operate: (ops: Operations, step: ActionStep, context: PlanContext) => Promise<{ output: Record<string, unknown> }>): ActionSpec {
  return {
    async run(step, context) {
      const ops = context.environment.operations;
      if (!ops) throw new EnvironmentError(`the ${context.environment.descriptor.name} environment does not let the harness run "${step.action}": the ops team runs it`);
      return (await operate(ops, step, context)).output;
    },
  };
}

const dataAction = (action: 'snapshot' | 'certify-data' | 'certify-rollback'): ActionSpec => ({
  run: (_step, context) => runDataAction(action, context.environment.descriptor.databases, context.data),
});

export const actions = {
  'generate-data': { options: ['scale'], ...opsAction((ops, step, context) => generateWithMigratedAccounts(ops, step.scale ?? 'small', context)) },
  'maintenance-on': opsAction((ops) => ops.maintenance(true)),
  'maintenance-off': opsAction(async (ops, _step, context) => {
    const done = await ops.maintenance(false);
    // The first lifting after the cut-over window: the cohort's checks count their deadline from it (steps/cutover.steps.ts).
    if (context.cutover && context.cutover.record.actions.length > 0 && !context.cutover.record.reopenedAt) {
      context.cutover.record.reopenedAt = new Date().toISOString();
      context.data.cutover = context.cutover.record;
      writeCutoverRecord(context);
    }
    return done;
  }),
  snapshot: dataAction('snapshot'),
  backup: opsAction((ops) => ops.backup()),
  migrate: opsAction((ops) => ops.migrate()),
  'certify-data': dataAction('certify-data'),
  rollback: opsAction((ops) => ops.rollback()),
  'certify-rollback': dataAction('certify-rollback'),
  redeploy: {
    options: ['version'],
    async run(step, { environment }) {
      await environment.redeploy(step.version ?? 'v10');
      return { redeployed: step.version, instances: environment.descriptor.platform.instances.map((i) => i.id) };
    },
  },
  'cutover-start': { run: (_step, context) => startCutover(context) },
  'cutover-window': {
    async run(_step, context) {
      if (!context.cutover) throw new ConfigurationError(`${context.planFile ?? 'the plan'}: cutover-window needs a cutover-start step before it (before maintenance-on)`);
      await context.cutover.actDuringWindow(context.environment.descriptor);
      context.data.cutover = context.cutover.record;
      writeCutoverRecord(context);
      return { events: context.cutover.record.customers.reduce((n, c) => n + c.events.length, 0), actions: context.cutover.record.actions.map((a) => `${a.at} ${a.serial} ${a.what}`) };
    },
  },
} satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof actions;
export const actionNames = Object.keys(actions) as ActionName[];

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(actions, name);
}

/** Runs one action step; what it returns is the step's output in the run's report. */
export async function runAction(step: ActionStep, context: PlanContext): Promise<Record<string, unknown>> {
  if (!isActionName(step.action)) throw new ConfigurationError(`${context.planFile ?? 'the plan'}: no action "${step.action}"; the actions are ${actionNames.join(', ')}`);
  const spec: ActionSpec = actions[step.action];
  return spec.run(step, context);
}

/** Generates V9 data, then records what each account the ops tool designated sees on V9: the run's migrated customers. */
async function generateWithMigratedAccounts(ops: Operations, scale: string, context: PlanContext): Promise<{ output: Record<string, unknown> }> {
  const privateDir = dirname(context.environmentFile);
  const designatedFile = join(privateDir, 'designated-accounts.json');
  const report = await ops.generateData(scale, designatedFile);
  const instance = context.environment.descriptor.platform.instances[0];
  if (!instance) throw new EnvironmentError('the environment has no platform instance to read the migrated accounts through');
  const recorded = await recordMigratedAccounts(readDesignated(designatedFile), instance.url, join(privateDir, 'migrated-accounts.json'));
  context.data.migrated = recorded.accounts;
  writeFileSync(join(context.runDir, 'migrated-accounts.json'), `${JSON.stringify(withoutPasswords(recorded.accounts), null, 2)}\n`);
  return { output: { ...report.output, migratedAccounts: recorded.accounts.length, withHistory: recorded.accounts.filter((a) => a.reference).length } };
}

async function startCutover(context: PlanContext): Promise<Record<string, unknown>> {
  if (context.cutover) throw new ConfigurationError(`${context.planFile ?? 'the plan'}: cutover-start comes once in a plan`);
  context.cutover = await CutoverCohort.install(context.environment.descriptor);
  context.data.cutover = context.cutover.record;
  writeCutoverRecord(context);
  return { customers: context.cutover.record.customers.map((c) => `${c.brand} (${c.offerName}): ${c.devices.map((d) => `${d.serial} ${d.model}${d.onlineBefore ? '' : ' (off)'}`).join(', ')}`) };
}

/** The cohort for the run's report, without its password (workers get it whole through the environment file). */
function writeCutoverRecord(context: PlanContext): void {
  const record = context.data.cutover;
  if (!record) return;
  const customers = record.customers.map((c) => ({ ...c, account: { name: c.account.name, email: c.account.email } }));
  writeFileSync(join(context.runDir, 'cutover.json'), `${JSON.stringify({ ...record, customers }, null, 2)}\n`);
}

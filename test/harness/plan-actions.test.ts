// Plan actions are one table (harness/plan/actions.ts): an entry added there is known to plan files, validated with
// its options, and run by the runner, with no other file to touch.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { actionNames, actions, runAction, type ActionSpec } from '../../harness/plan/actions.ts';
import type { PlanContext } from '../../harness/plan/context.ts';
import { loadPlan } from '../../harness/plan/load.ts';

function planFile(steps: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-actions-')), 'plan.yaml');
  writeFileSync(file, `name: x\nplatform: {version: v9, instances: 1}\nphases:\n  - id: a\n    title: A\n    steps: [${steps}]\n    gate: {actions: succeeded}\n`);
  return file;
}

describe('the plan actions table', () => {
  const table = actions as Record<string, ActionSpec>;
  const calls: string[] = [];
  table['warm-cache'] = { options: ['version'], run: async (step) => (calls.push(`${step.action} ${step.version}`), { warmed: step.version }) };
  after(() => delete table['warm-cache']);

  it('names the shipped actions in the table order', () => {
    assert.deepEqual(actionNames, ['generate-data', 'maintenance-on', 'maintenance-off', 'snapshot', 'backup', 'migrate', 'certify-data', 'rollback', 'certify-rollback', 'redeploy', 'cutover-start', 'cutover-window']);
  });

  it('loads and runs an action added to the table, with the options it declares', async () => {
    const plan = loadPlan(planFile('backup, {action: warm-cache, version: v10}'));
    assert.deepEqual(plan.phases[0]?.steps, [{ kind: 'action', action: 'backup' }, { kind: 'action', action: 'warm-cache', version: 'v10' }]);
    const step = plan.phases[0]!.steps[1]!;
    assert.equal(step.kind, 'action');
    if (step.kind !== 'action') return;
    assert.deepEqual(await runAction(step, { planFile: 'plan.yaml' } as PlanContext), { warmed: 'v10' });
    assert.deepEqual(calls, ['warm-cache v10']);
  });

  it('validates the added action\'s options like the shipped ones', () => {
    assert.throws(() => loadPlan(planFile('{action: warm-cache}')), /plan\.yaml: phases\[0\]\.steps\[0\]\.version must be v9 or v10 for a warm-cache/);
    assert.throws(() => loadPlan(planFile('{action: warm-cache, version: v10, scale: big}')), /phases\[0\]\.steps\[0\]\.scale must be one of the keys known there, action, version \(/);
  });

  it('refuses to run a step whose action is in no table entry, naming the plan and the known actions', async () => {
    await assert.rejects(runAction({ kind: 'action', action: 'explode' }, { planFile: 'plan.yaml' } as PlanContext), /plan\.yaml: no action "explode"; the actions are generate-data, maintenance-on/);
  });
});

describe('maintenance-off after the cut-over window', () => {
  const lifted: boolean[] = [];
  const context = (actions: { at: string; serial: string; what: string }[]) => ({
    planFile: 'plan.yaml',
    runDir: mkdtempSync(join(tmpdir(), 'plan-actions-')),
    data: {},
    environment: { descriptor: { name: 'local' }, operations: { maintenance: async (on: boolean) => (lifted.push(on), { output: { maintenance: on } }) } },
    cutover: { record: { customers: [{ brand: 'Veilis', account: { name: 'A', email: 'a@example.test', password: 'Qa-secret' }, devices: [], events: [] }], actions } },
  }) as unknown as PlanContext;

  it('records when it lifted the maintenance once, for the cohort\'s checks to count their deadline from (and writes it without the password)', async () => {
    const plan = context([{ at: '2026-12-05T07:00:00.000Z', serial: 'CAM1', what: 'motion' }]);
    const before = Date.now();
    assert.deepEqual(await runAction({ kind: 'action', action: 'maintenance-off' }, plan), { maintenance: false });
    const first = plan.cutover?.record.reopenedAt ?? '';
    assert.ok(Date.parse(first) >= before && Date.parse(first) <= Date.now(), first);
    assert.equal(plan.data.cutover?.reopenedAt, first);
    const written = readFileSync(join(plan.runDir, 'cutover.json'), 'utf8');
    assert.equal(JSON.parse(written).reopenedAt, first);
    assert.ok(!written.includes('Qa-secret'));
    // The rollback rehearsal lifts it again later: the cohort's moment stays the first.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await runAction({ kind: 'action', action: 'maintenance-off' }, plan);
    assert.equal(plan.cutover?.record.reopenedAt, first);
    assert.deepEqual(lifted, [false, false]);
  });

  it('records nothing before the window acted', async () => {
    const plan = context([]);
    await runAction({ kind: 'action', action: 'maintenance-off' }, plan);
    assert.equal(plan.cutover?.record.reopenedAt, undefined);
  });
});

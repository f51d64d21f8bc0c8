// The detection table: a fault counts as detected only when a gate failed and the message names what broke.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import { detectionPlan } from '../../harness/detection/plan.ts';
import { classSummary, cleanRun, detectionRow, loadFaultCases, renderTable, type FaultCase } from '../../harness/detection/table.ts';
import { inTurns, inTurnsCostliestFirst } from '../../lib/in-turns.ts';
import { loadPlan } from '../../harness/plan/load.ts';
import { certificateFixture } from './support/certificate.ts';

const faultCase: FaultCase = { id: 'instance-not-restarted', class: 'instances', description: 'one instance does not restart', fault: 'deploy:instance-not-restarted:i02', names: ['i02'], quick: true, suites: '@foundation', on: 'v10', rollback: false, cutover: false };

function certificate(verdict: Certificate['verdict'], reasons: string[]): Certificate {
  return certificateFixture(verdict, verdict === 'GO' ? 0 : 1, [{ id: 'smoke', title: 'Smoke', endedAt: '2026-11-26T09:30:42.000Z', verdict: reasons.length ? 'failed' : 'passed', finding: reasons.length ? 'product' : undefined, reasons }]);
}

describe('the detection table', () => {
  it('counts a fault as detected and named when a gate failed naming the instance', () => {
    const row = detectionRow(faultCase, certificate('NO-GO', ['failed: Chaque instance répond: i02 at http://127.0.0.1:1 does not answer']));
    assert.deepEqual([row.detected, row.namesWhatBroke, row.secondsToDetection], [true, true, 42]);
  });

  it('does not count a green certificate as a detection', () => {
    const row = detectionRow(faultCase, certificate('GO', []));
    assert.equal(row.detected, false);
    assert.match(renderTable([row], undefined), /\| \*\*NO\*\* \|/);
  });

  it('calls a clean run green when every gate passed, even INCOMPLETE for partners its few suites leave out, and not when one failed', () => {
    const incomplete = { ...certificate('INCOMPLETE', []), why: 'no verdict for partner(s) Maisonéo' };
    assert.deepEqual([cleanRun(incomplete).green, cleanRun(certificate('NO-GO', ['failed: Chaque instance répond: i02'])).green], [true, false]);
    assert.match(renderTable([], cleanRun(certificate('NO-GO', ['failed: Chaque instance répond: i02']))), /\*\*FALSE ALARM or not run\*\* .*smoke failed: failed: Chaque instance répond: i02/);
  });

  it('says when the failure does not name what broke', () => {
    assert.equal(detectionRow(faultCase, certificate('NO-GO', ['failed: an instance does not answer'])).namesWhatBroke, false);
  });

  it('lists every fault of issue 9 that the stand-in platform can switch on, with what its message must name', () => {
    const cases = loadFaultCases();
    assert.ok(cases.length >= 9);
    assert.ok(cases.every((c) => c.names.length > 0));
    assert.ok(cases.some((c) => c.quick));
  });

  it('holds faults of each of the four classes of issue 16, and counts the detected ones per class', () => {
    const cases = loadFaultCases();
    for (const c of ['exact', 'legacy', 'cutover', 'reference'] as const) assert.ok(cases.some((x) => x.class === c), c);
    const caught = detectionRow(faultCase, certificate('NO-GO', ['failed: Chaque instance répond: i02 does not answer']));
    const missed = detectionRow({ ...faultCase, id: 'sms-silent', class: 'modules' }, certificate('GO', []));
    assert.equal(classSummary([caught, missed]), 'Detected and named per class: instances 1/1; modules 0/1 (missed: sms-silent).');
    assert.match(renderTable([caught], undefined), /\| instances \| yes \|/);
  });

  it('refuses a fault case without a known class, naming the classes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faults-')), 'faults.yaml');
    writeFileSync(file, '- id: x\n  class: misc\n  description: d\n  fault: sms-silent\n  names: [SMS]\n');
    assert.throws(() => loadFaultCases(file), (e: Error) => e.message.includes('entry 1 (x)') && e.message.includes('"class" must be one of exact, legacy, cutover, reference'));
  });

  it('refuses a fault case with an unknown key, naming the file, the entry and the known keys', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faults-')), 'faults.yaml');
    writeFileSync(file, '- id: x\n  class: modules\n  description: d\n  fault: sms-silent\n  names: [SMS]\n  suite: "@foundation"\n');
    assert.throws(() => loadFaultCases(file), (e: Error) => e.message.includes(file) && e.message.includes('entry 1 (x)') && e.message.includes('unknown key(s) suite') && e.message.includes('suites'));
  });
});

describe('the plan a fault is hunted with', () => {
  const load = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'detection-plan-')), 'plan.yaml');
    writeFileSync(file, text);
    return loadPlan(file);
  };
  const runs = (plan: ReturnType<typeof loadPlan>) => plan.phases.map((p) => [p.id, p.steps.map((s) => (s.kind === 'run' ? `run ${s.tags}` : s.action)).join(', ')]);

  it('migrates with its data certification, then runs only the fault\'s suites on V10', () => {
    assert.deepEqual(runs(load(detectionPlan('t', [faultCase]))), [
      ['baseline', 'generate-data'],
      ['migration', 'maintenance-on, snapshot, backup, migrate, certify-data, redeploy, maintenance-off'],
      ['suites', 'run ((@foundation)) and not @v9-only and not @wip'],
    ]);
  });

  it('runs V9 suites before the migration, and rehearses the rollback when asked', () => {
    const plan = load(detectionPlan('t', [{ suites: '@annonce', on: 'v9', rollback: false }, { suites: undefined, on: 'v10', rollback: true }]));
    assert.deepEqual(runs(plan).map(([id]) => id), ['baseline', 'migration', 'rollback']);
    assert.equal(runs(plan)[0]?.[1], 'generate-data, run ((@annonce)) and @v9 and not @wip');
    assert.equal(runs(plan)[2]?.[1], 'maintenance-on, rollback, certify-rollback, redeploy, maintenance-off');
  });

  it('plays the cut-over cohort in the migration phase and checks it there, right after the window', () => {
    const plan = load(detectionPlan('t', [faultCase, { suites: '@bascule', on: 'v10', rollback: false, cutover: true }]));
    assert.deepEqual(runs(plan), [
      ['baseline', 'generate-data'],
      ['migration', 'cutover-start, maintenance-on, cutover-window, snapshot, backup, migrate, certify-data, redeploy, maintenance-off, run ((@bascule)) and not @v9-only and not @wip'],
      ['suites', 'run ((@foundation)) and not @v9-only and not @wip'],
    ]);
    assert.deepEqual(plan.phases[1]?.gate, { scenarios: 'all-passed', minScenarios: 1, actions: 'succeeded', windowMinutes: 45 });
  });

  it('refuses a cut-over fault case without the suites that check the cohort', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faults-')), 'faults.yaml');
    writeFileSync(file, '- id: x\n  class: cutover\n  description: d\n  fault: cutover-events-lost\n  names: [lost]\n  cutover: true\n');
    assert.throws(() => loadFaultCases(file), (e: Error) => e.message.includes('entry 1 (x)') && e.message.includes('"cutover: true" needs "suites"'));
  });

  it('plays each run step on the workers it is given, and on the certification\'s own when none', () => {
    const workersOf = (plan: ReturnType<typeof loadPlan>) => plan.phases.flatMap((p) => p.steps.flatMap((s) => (s.kind === 'run' ? [s.parallel] : [])));
    const needs = [faultCase, { suites: '@annonce', on: 'v9' as const, rollback: false }, { suites: '@bascule', on: 'v10' as const, rollback: false, cutover: true }];
    assert.deepEqual(workersOf(load(detectionPlan('t', needs, 4))), [4, 4, 4]);
    assert.deepEqual(workersOf(load(detectionPlan('t', needs))), [undefined, undefined, undefined]);
  });

  it('plays every fault\'s suites in the clean run', () => {
    const cases = loadFaultCases();
    const plan = load(detectionPlan('clean', cases));
    const phaseOf = (c: FaultCase) => plan.phases.find((p) => p.id === (c.cutover ? 'migration' : 'suites'));
    for (const c of cases.filter((x) => x.suites && x.on === 'v10')) assert.ok(JSON.stringify(phaseOf(c)).includes(`(${c.suites})`), c.id);
  });
});

describe('the detection runs, side by side (lib/in-turns.ts)', () => {
  it('runs at most N at once, every one of them, and gives their results in the order of the cases', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const tasks = [30, 5, 20, 1, 10].map((ms, index) => async () => {
      started.push(index);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return `case ${index}`;
    });
    assert.deepEqual(await inTurns(tasks, 2, (task) => task()), ['case 0', 'case 1', 'case 2', 'case 3', 'case 4']);
    assert.equal(most, 2);
    assert.deepEqual(started, [0, 1, 2, 3, 4], 'started in the order given');
    most = 0;
    started.length = 0;
    await inTurns(tasks, 1, (task) => task());
    assert.equal(most, 1);
  });

  it('starts the costliest first when told their costs, equal costs in the order given, and gives the results in the order of the cases', async () => {
    const started: string[] = [];
    const costs = [3, 200, 3, 150, Number.POSITIVE_INFINITY];
    const results = await inTurnsCostliestFirst(costs, 2, (cost) => cost, async (cost, index) => {
      started.push(`${index}:${cost}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return `case ${index}`;
    });
    assert.deepEqual(started, ['4:Infinity', '1:200', '3:150', '0:3', '2:3']);
    assert.deepEqual(results, ['case 0', 'case 1', 'case 2', 'case 3', 'case 4']);
  });
});

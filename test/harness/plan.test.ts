// The certification plan: validated on load with the file and key named, and gates that can fail.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deadInstanceFinding, deadWithin } from '../../harness/dead-instances.ts';
import { evaluateGate } from '../../harness/plan/gates.ts';
import { playPlan, workersOf, type PlanContext } from '../../harness/plan/runner.ts';
import { parseCertifyArgs } from '../../harness/certify-args.ts';
import { EnvironmentError } from '../../lib/errors.ts';
import { loadPlan, plansDir } from '../../harness/plan/load.ts';
import type { StepRecord } from '../../harness/plan/runner.ts';
import type { Problem } from '../../harness/reports/scenario-results.ts';

function planFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.yaml');
  writeFileSync(file, text);
  return file;
}

const passedRun: StepRecord = { step: 'run scenarios @smoke', status: 'passed', durationMs: 1000, detail: '' };
const results = (passed: number, problems: Problem[] = [], flaky = 0) => ({ total: passed + problems.length, byStatus: { passed }, flaky, problems, byPartner: {} });
const problem = (status: Problem['status'], finding: Problem['finding'], message: string): Problem => ({ name: 'SMS Veilis', where: 'features/sms.feature:9', status, finding, message });

describe('certification plan', () => {
  it('loads the local plan with its phases in order', () => {
    const plan = loadPlan(join(plansDir, 'local.yaml'));
    assert.deepEqual(plan.phases.map((p) => p.id).slice(0, 3), ['baseline', 'migration', 'regression']);
    assert.equal(plan.platform.version, 'v9');
  });

  it('names the file and key of an unknown action, with the known ones', () => {
    const file = planFile('name: x\nplatform: {version: v10, instances: 1}\nphases:\n  - id: a\n    title: A\n    steps: [explode]\n    gate: {actions: succeeded}\n');
    assert.throws(() => loadPlan(file), /plan\.yaml: phases\[0\]\.steps\[0\] must be one of generate-data, maintenance-on.*\(got "explode"\)/);
  });

  it('refuses a gate that requires nothing, since it could not fail', () => {
    const file = planFile('name: x\nplatform: {version: v10, instances: 1}\nphases:\n  - id: a\n    title: A\n    steps: [backup]\n    gate: {}\n');
    assert.throws(() => loadPlan(file), /phases\[0\]\.gate must be at least one requirement/);
  });

  it('refuses an unknown key at every level of the plan, naming its path', () => {
    const plan = (top: string, platform: string, phase: string, step: string, gate: string) =>
      planFile(`name: x\n${top}platform: {version: v10, instances: 1${platform}}\nphases:\n  - id: a\n    title: A\n${phase}    steps: [backup, ${step}]\n    gate: {actions: succeeded${gate}}\n`);
    const cases: [string, RegExp][] = [
      [plan('nmae: y\n', '', '', '{run: "@smoke"}', ''), /plan\.yaml: nmae must be one of the keys known there, name, platform, phases/],
      [plan('', ', versoin: v9', '', '{run: "@smoke"}', ''), /platform\.versoin must be one of the keys known there, version, instances/],
      [plan('', '', '    gaet: {}\n', '{run: "@smoke"}', ''), /phases\[0\]\.gaet must be one of the keys known there, id, title, steps, gate/],
      [plan('', '', '', '{run: "@smoke", tgas: "@x"}', ''), /phases\[0\]\.steps\[1\]\.tgas must be one of the keys known there, run, parallel \(misspelt/],
      [plan('', '', '', '{action: migrate, scale: small}', ''), /phases\[0\]\.steps\[1\]\.scale must be one of the keys known there, action \(/],
      [plan('', '', '', '{run: "@smoke"}', ', windowMinute: 3'), /phases\[0\]\.gate\.windowMinute must be one of the keys known there, scenarios, minScenarios/],
    ];
    for (const [file, message] of cases) assert.throws(() => loadPlan(file), message);
    assert.equal(loadPlan(plan('', '', '', '{run: "@smoke"}', '')).phases[0]?.steps.length, 2);
  });

  it('takes a run step\'s own number of Cucumber workers, and refuses one that is not a whole number from 1 to 16', () => {
    const plan = (parallel: string) => planFile(`name: x\nplatform: {version: v10, instances: 1}\nphases:\n  - id: a\n    title: A\n    steps: [{run: "@modules", parallel: ${parallel}}, {run: "@smoke"}]\n    gate: {scenarios: all-passed}\n`);
    assert.deepEqual(loadPlan(plan('4')).phases[0]?.steps, [{ kind: 'run', tags: '@modules', parallel: 4 }, { kind: 'run', tags: '@smoke' }]);
    for (const bad of ['0', '2.5', '"4"', '17']) assert.throws(() => loadPlan(plan(bad)), /plan\.yaml: phases\[0\]\.steps\[0\]\.parallel must be a whole number of Cucumber workers from 1 to 16 \(got .*\); leave it out to use --parallel/);
  });

  it('plays a step with its own workers unless --parallel was given on the command line, which then wins', () => {
    const own = { parallel: 4 };
    const none = {};
    assert.equal(workersOf(own, parseCertifyArgs([])), 4);
    assert.equal(workersOf(none, parseCertifyArgs([])), 2);
    assert.equal(workersOf(own, parseCertifyArgs(['--parallel', '1'])), 1);
    assert.equal(workersOf(none, parseCertifyArgs(['--parallel', '3'])), 3);
  });

  it('refuses a redeploy without a version', () => {
    const file = planFile('name: x\nplatform: {version: v9, instances: 1}\nphases:\n  - id: a\n    title: A\n    steps: [{action: redeploy}]\n    gate: {actions: succeeded}\n');
    assert.throws(() => loadPlan(file), /phases\[0\]\.steps\[0\]\.version must be v9 or v10 for a redeploy/);
  });

  it('passes a scenario gate only when every scenario passed and enough ran', () => {
    assert.equal(evaluateGate({ scenarios: 'all-passed', minScenarios: 2 }, [passedRun], results(2), undefined).verdict, 'passed');
    const tooFew = evaluateGate({ scenarios: 'all-passed', minScenarios: 3 }, [passedRun], results(2), undefined);
    assert.equal(tooFew.verdict, 'incomplete');
    assert.match(tooFew.reasons[0] ?? '', /2 scenario\(s\) ran, fewer than the 3 required/);
  });

  it('fails a scenario gate on a failed scenario, naming it and its file:line', () => {
    const outcome = evaluateGate({ scenarios: 'all-passed' }, [passedRun], results(1, [problem('failed', 'product', 'no SMS')]), undefined);
    assert.deepEqual([outcome.verdict, outcome.finding, outcome.reasons], ['failed', 'product', ['failed: SMS Veilis (features/sms.feature:9): no SMS']]);
  });

  it('does not count a pass on retry as green', () => {
    const outcome = evaluateGate({ scenarios: 'all-passed' }, [passedRun], results(3, [problem('flaky', 'product', 'passed only on retry, after: no SMS')], 1), undefined);
    assert.equal(outcome.verdict, 'failed');
    assert.match(outcome.reasons.join(), /passed only on retry/);
  });

  it('leaves a gate incomplete, never failed, when a scenario was broken by the environment', () => {
    const outcome = evaluateGate({ scenarios: 'all-passed' }, [passedRun], results(3, [problem('broken', 'environment', '[environment] the browser did not start')]), undefined);
    assert.deepEqual([outcome.verdict, outcome.finding], ['incomplete', 'environment']);
  });

  it('leaves a gate incomplete when a step is undefined, and fails it when a product defect was also seen', () => {
    const undefinedStep = problem('undefined', 'incomplete', 'test defect: undefined step "Quand x" (features/sms.feature:10)');
    assert.deepEqual([evaluateGate({ scenarios: 'all-passed' }, [passedRun], results(3, [undefinedStep]), undefined).verdict], ['incomplete']);
    const both = evaluateGate({ scenarios: 'all-passed' }, [passedRun], results(3, [undefinedStep, problem('broken', 'environment', '[environment] x'), problem('failed', 'product', 'no SMS')]), undefined);
    assert.equal(both.verdict, 'failed');
    assert.match(both.reasons[0] ?? '', /^failed: SMS Veilis/, 'the deciding reason comes first');
  });

  it('fails an action gate when the migration took longer than the window', () => {
    const migrate: StepRecord = { step: 'migrate', status: 'passed', durationMs: 46 * 60_000, detail: '' };
    const outcome = evaluateGate({ actions: 'succeeded', windowMinutes: 45 }, [migrate], results(0), undefined);
    assert.match(outcome.reasons.join(), /took 46\.0 min, over the 45-minute window/);
  });

  it('marks a phase whose steps could not run as incomplete, never passed, and an interrupted one as interrupted', () => {
    const broken: StepRecord = { step: 'migrate', status: 'broken', durationMs: 0, detail: '[environment] the ops team runs it' };
    assert.deepEqual([evaluateGate({ actions: 'succeeded' }, [broken], results(0), undefined).finding], ['environment']);
    const notRun: StepRecord = { step: 'migrate', status: 'not-run', durationMs: 0, detail: 'not run' };
    const interrupted = evaluateGate({ actions: 'succeeded' }, [notRun], results(0), { finding: 'interrupted', why: '[interrupted] by SIGINT' });
    assert.deepEqual([interrupted.verdict, interrupted.finding], ['interrupted', 'interrupted']);
  });

  it('fails the gate of a phase whose last step saw an instance crash, though every step passed', () => {
    const crashed = deadInstanceFinding([{ id: 'i02', exitCode: 70, signal: null }], 'during phase regression')!;
    const outcome = evaluateGate({ scenarios: 'all-passed' }, [passedRun], results(3), crashed);
    assert.deepEqual([outcome.verdict, outcome.finding], ['failed', 'product']);
    assert.match(outcome.reasons.join('\n'), /i02 \(exit code 70, signal null\) crashed during phase regression/);
  });
});

describe('a platform instance that ended during a run', () => {
  it('crashed when it exited by itself with an error code: the product (NO-GO)', () => {
    const found = deadInstanceFinding([{ id: 'i01', exitCode: 0, signal: null }, { id: 'i02', exitCode: 1, signal: null }], 'during the run');
    assert.deepEqual([found?.finding, found?.status], ['product', 'failed']);
    assert.match(found!.why, /^platform instance i02 \(exit code 1, signal null\) crashed during the run/);
  });

  it('was stopped from outside when a signal ended it or it exited cleanly: the environment (INCOMPLETE)', () => {
    for (const dead of [{ id: 'i01', exitCode: null, signal: 'SIGKILL' }, { id: 'i01', exitCode: 0, signal: null }]) {
      const found = deadInstanceFinding([dead], 'during the run');
      assert.deepEqual([found?.finding, found?.status], ['environment', 'broken'], JSON.stringify(dead));
      assert.match(found!.why, /^\[environment\] platform instance i01 .* died during the run, stopped from outside/);
    }
    assert.equal(deadInstanceFinding([], 'during the run'), undefined);
  });

  it('is waited for a moment after a step the environment broke: a crash is heard after the connection it closed', async () => {
    const crash = { id: 'i01', exitCode: 1, signal: null };
    const exitAt = Date.now() + 150;
    const dead = await deadWithin(() => (Date.now() >= exitAt ? [crash] : []), 3000, 10);
    assert.deepEqual(dead, [crash]);
    assert.ok(Date.now() - exitAt < 1000, 'returns as soon as the exit is seen');
    const started = Date.now();
    assert.deepEqual(await deadWithin(() => [], 200, 10), []);
    assert.ok(Date.now() - started >= 190, 'waits the whole grace when no instance died');
  });

  it('makes a plan step whose request an instance crashed on a product failure, not a broken environment', async () => {
    // The instance closes the connection as it dies; its exit is heard 150 ms later.
    let exitAt = Infinity;
    const environment = {
      descriptor: { name: 'local' },
      deadInstances: () => (Date.now() >= exitAt ? [{ id: 'i01', exitCode: 1, signal: null }] : []),
      operations: {
        maintenance: async () => {
          exitAt = Date.now() + 150;
          throw new EnvironmentError('POST http://127.0.0.1:1/api/login could not reach the platform instance at http://127.0.0.1:1: UND_ERR_SOCKET other side closed. Is it running at that address?');
        },
      },
    };
    const dir = mkdtempSync(join(tmpdir(), 'plan-crash-'));
    const plan = loadPlan(planFile('name: crash\nplatform:\n  version: v9\n  instances: 1\nphases:\n  - id: window\n    title: Window\n    steps:\n      - action: maintenance-on\n    gate:\n      actions: succeeded\n'));
    const context = { environment, runDir: dir, resultsDir: join(dir, 'results'), environmentFile: join(dir, 'env.json'), tempDir: dir, parallel: 1, shard: undefined, data: {}, log: () => {} } as unknown as PlanContext;
    const [phase] = await playPlan(plan, context);
    assert.deepEqual([phase?.gate.verdict, phase?.gate.finding], ['failed', 'product']);
    assert.match(phase!.gate.reasons.join('\n'), /platform instance i01 \(exit code 1, signal null\) crashed during the run/);
  });
});


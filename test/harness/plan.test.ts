// The certification plan: validated on load with the file and key named, and gates that can fail.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deadInstanceFinding, deadWithin } from '../../harness/dead-instances.ts';
import { evaluateGate } from '../../harness/plan/gates.ts';
import { phaseGroups, playPlan, workersOf, type PlanContext, type StepPlayer } from '../../harness/plan/runner.ts';
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

/** A plan context with no platform behind it, for plays whose steps a test provides. */
function fakeContext(): PlanContext {
  const dir = mkdtempSync(join(tmpdir(), 'plan-play-'));
  const environment = { descriptor: { name: 'local' }, deadInstances: () => [] };
  return { environment, runDir: dir, resultsDir: join(dir, 'results'), environmentFile: join(dir, 'env.json'), tempDir: dir, parallel: 1, shard: undefined, data: {}, log: () => {} } as unknown as PlanContext;
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

  it('runs the data rehearsals alongside the regression in the local plan, and nothing else side by side', () => {
    const plan = loadPlan(join(plansDir, 'local.yaml'));
    assert.deepEqual(phaseGroups(plan.phases).map((group) => group.map((p) => p.id)), [['baseline'], ['migration'], ['regression', 'data'], ['rollback'], ['notice'], ['smoke']]);
  });

  it('refuses a phase alongside one that is not just before it, not earlier, or that holds a platform action', () => {
    const phase = (id: string, steps: string, alongside?: string) => `  - id: ${id}\n    title: ${id}\n${alongside ? `    alongside: ${alongside}\n` : ''}    steps: ${steps}\n    gate: {scenarios: all-passed}\n`;
    const plan = (...phases: string[]) => planFile(`name: x\nplatform: {version: v10, instances: 1}\nphases:\n${phases.join('')}`);
    const run = '[{run: "@smoke"}]';
    const cases: [string, RegExp][] = [
      [plan(phase('a', run), phase('b', run, 'z')), /phases\[1\]\.alongside must be the id of an earlier phase this one runs beside \(got "z"; earlier phases: a\)/],
      [plan(phase('a', run, 'b'), phase('b', run)), /phases\[0\]\.alongside must be the id of an earlier phase .*earlier phases: none/],
      [plan(phase('a', run), phase('b', run), phase('c', run, 'a')), /phases\[2\]\.alongside must be the phase just before it, or the one that phase runs beside: "a" is separated from it by "b"/],
      [plan(phase('a', run), phase('b', run, 'a'), phase('c', run, 'b')), /phases\[2\]\.alongside must be the first phase of its group: "b" runs beside "a", so name that one/],
      [plan(phase('a', '[backup, {run: "@smoke"}]'), phase('b', run, 'a')), /phases\[0\]\.steps\[0\] must be a run step, since phase "b" runs beside "a": a platform action would change what the other phase's scenarios see/],
      [plan(phase('a', run), phase('b', '[{run: "@smoke"}, {action: redeploy, version: v9}]', 'a')), /phases\[1\]\.steps\[1\] must be a run step, since phase "b" runs beside "a"/],
      [plan(phase('a', run), phase('b', run, '[a]')), /phases\[1\]\.alongside must be the id of the phase this one runs beside/],
    ];
    for (const [file, message] of cases) assert.throws(() => loadPlan(file), message);
    const three = loadPlan(plan(phase('a', run), phase('b', run, 'a'), phase('c', run, 'a'), phase('d', run)));
    assert.deepEqual(phaseGroups(three.phases).map((group) => group.map((p) => p.id)), [['a', 'b', 'c'], ['d']]);
  });

  it('starts a phase alongside another with it, ends the group when both ended, and keeps the records in plan order', async () => {
    const plan = loadPlan(planFile('name: x\nplatform: {version: v10, instances: 1}\nphases:\n'
      + '  - {id: regression, title: R, steps: [{run: "@r1"}, {run: "@r2"}], gate: {scenarios: all-passed, minScenarios: 0}}\n'
      + '  - {id: data, title: D, alongside: regression, steps: [{run: "@d"}], gate: {scenarios: all-passed, minScenarios: 0}}\n'
      + '  - {id: smoke, title: S, steps: [{run: "@s"}], gate: {scenarios: all-passed, minScenarios: 0}}\n'));
    const spans: { tags: string; from: number; to: number }[] = [];
    const lasting: Record<string, number> = { '@r1': 120, '@r2': 120, '@d': 60, '@s': 10 };
    const play: StepPlayer = async (step) => {
      const from = performance.now();
      const tags = step.kind === 'run' ? step.tags : step.action;
      await new Promise((resolve) => setTimeout(resolve, lasting[tags]));
      spans.push({ tags, from, to: performance.now() });
      return { step: `run scenarios ${tags}`, status: 'passed', durationMs: 0, detail: '' };
    };
    const records = await playPlan(plan, fakeContext(), play);
    assert.deepEqual(records.map((r) => [r.id, r.gate.verdict]), [['regression', 'passed'], ['data', 'passed'], ['smoke', 'passed']]);
    const span = (tags: string) => spans.find((s) => s.tags === tags)!;
    assert.ok(span('@d').from < span('@r1').to, 'the data phase started while the regression ran');
    assert.ok(span('@s').from >= Math.max(span('@r2').to, span('@d').to) - 1, 'the next phase waited for both');
    assert.ok(Date.parse(records[1]!.startedAt) <= Date.parse(records[0]!.endedAt), 'the records say they overlapped');
  });

  it('stops a phase alongside one whose step the environment broke: its next steps are not run, its gate is incomplete', async () => {
    const plan = loadPlan(planFile('name: x\nplatform: {version: v10, instances: 1}\nphases:\n'
      + '  - {id: regression, title: R, steps: [{run: "@r1"}, {run: "@r2"}], gate: {scenarios: all-passed, minScenarios: 0}}\n'
      + '  - {id: data, title: D, alongside: regression, steps: [{run: "@d"}], gate: {scenarios: all-passed, minScenarios: 0}}\n'));
    const played: string[] = [];
    const play: StepPlayer = async (step) => {
      const tags = step.kind === 'run' ? step.tags : step.action;
      await new Promise((resolve) => setTimeout(resolve, tags === '@d' ? 10 : 80));
      played.push(tags);
      return tags === '@d' ? { step: `run scenarios ${tags}`, status: 'broken', durationMs: 0, detail: '[environment] the database server went away' }
        : { step: `run scenarios ${tags}`, status: 'passed', durationMs: 0, detail: '' };
    };
    const [regression, data] = await playPlan(plan, fakeContext(), play);
    assert.deepEqual(played, ['@d', '@r1'], 'the step already running ends; the next one does not start');
    assert.deepEqual(regression!.steps.map((s) => s.status), ['passed', 'not-run']);
    assert.match(regression!.steps[1]!.detail, /not run: \[environment\] the database server went away/);
    assert.deepEqual([regression!.gate.verdict, data!.gate.verdict], ['incomplete', 'incomplete']);
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


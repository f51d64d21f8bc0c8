// `run` is a one-phase plan played like `certify`'s: its plan, and its verdict taken from that phase's gate.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseRunArgs } from '../../harness/args.ts';
import { evaluateGate } from '../../harness/plan/gates.ts';
import { gatherPhaseResults } from '../../harness/plan/results.ts';
import type { PhaseRecord } from '../../harness/plan/runner.ts';
import { decideRun, runPlan } from '../../harness/run.ts';
import type { Problem, ResultSummary } from '../../harness/reports/scenario-results.ts';

const results = (passed: number, problems: Problem[] = []): ResultSummary => ({ total: passed + problems.length, byStatus: { passed }, flaky: 0, problems, byPartner: {} });
const failed: Problem = { name: 'SMS Veilis', where: 'features/sms.feature:9', status: 'failed', finding: 'product', message: 'no SMS' };
const undefinedStep: Problem = { name: 'Carte', where: 'features/x.feature:3', status: 'undefined', finding: 'incomplete', message: 'undefined step "Quand ..."' };

function phase(summary: ResultSummary, steps: PhaseRecord['steps'] = [{ step: 'run scenarios not @wip', status: 'passed', durationMs: 1, detail: '' }]): PhaseRecord {
  const plan = runPlan(parseRunArgs(['--profile', 'foundation']), () => undefined);
  const gate = evaluateGate(plan.phases[0]!.gate, steps, summary, undefined);
  return { id: 'run', title: 'x', startedAt: '', endedAt: '', steps, results: summary, gate };
}

describe('run as a plan', () => {
  it('is one phase running the selection without the plan-only scenarios, gated on every scenario passing', () => {
    const lines: string[] = [];
    const plan = runPlan(parseRunArgs(['--profile', 'smoke', '--tags', '@sms', '--instances', '3', '--version', 'v9']), (line) => lines.push(line));
    assert.deepEqual(plan.platform, { version: 'v9', instances: 3 });
    assert.deepEqual(plan.phases, [{ id: 'run', title: 'Scenarios of the smoke profile', steps: [{ kind: 'run', tags: '(@sms) and not @bascule and not @clients-migres' }], gate: { scenarios: 'all-passed' } }]);
    assert.equal(lines.length, 2);
  });

  it('says GO with the scenario count, NO-GO for a failed scenario, INCOMPLETE (4) for an undefined step, INTERRUPTED first of all', () => {
    const outcome = (p: PhaseRecord, interrupted?: string) => { const d = decideRun({ phases: [p], interrupted }); return [d.verdict, d.exitCode, d.why]; };
    assert.deepEqual(outcome(phase(results(5))), ['GO', 0, 'all 5 scenarios passed']);
    assert.deepEqual(outcome(phase(results(4, [undefinedStep, failed]))), ['NO-GO', 1, 'failed: SMS Veilis (features/sms.feature:9): no SMS']);
    assert.deepEqual(outcome(phase(results(4, [undefinedStep]))), ['INCOMPLETE', 4, 'undefined: Carte (features/x.feature:3): undefined step "Quand ..."']);
    assert.deepEqual(outcome(phase(results(0))), ['INCOMPLETE', 4, '0 scenario(s) ran, fewer than the 1 required']);
    assert.deepEqual(outcome(phase(results(4, [failed])), '[interrupted] by SIGINT'), ['INTERRUPTED', 130, '[interrupted] by SIGINT']);
    const broken = phase(results(0), [{ step: 'run scenarios x', status: 'broken', durationMs: 1, detail: '[environment] PostgreSQL is unreachable' }]);
    assert.deepEqual(outcome(broken), ['INCOMPLETE', 3, '[environment] PostgreSQL is unreachable']);
  });

  it('copies a one-phase plan\'s results as they are, and labels a phase of a longer plan', () => {
    const from = mkdtempSync(join(tmpdir(), 'phase-results-'));
    writeFileSync(join(from, 'a-result.json'), JSON.stringify({ historyId: 'h', testCaseId: 't', labels: [{ name: 'epic', value: 'alertes' }] }));
    const read = (dir: string) => readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
    const single = mkdtempSync(join(tmpdir(), 'run-results-'));
    gatherPhaseResults(from, single, { id: 'run', title: 'x' }, { labelled: false });
    assert.deepEqual(read(single), [{ historyId: 'h', testCaseId: 't', labels: [{ name: 'epic', value: 'alertes' }] }]);
    const many = mkdtempSync(join(tmpdir(), 'plan-results-'));
    gatherPhaseResults(from, many, { id: 'regression', title: 'Regression' });
    assert.deepEqual(read(many), [{ historyId: 'regression:h', testCaseId: 'regression:t', labels: [{ name: 'phase', value: 'regression' }, { name: 'epic', value: 'Regression' }] }]);
  });
});

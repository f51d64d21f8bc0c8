// The sampled mutation measure: the seeded draw, the mutants read from Stryker's report and applied, the verdicts' classification, and the score's interval.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import { applyMutant, describeMutant, insideLogCall, mutantsOf, offsetOf, prng, resumeFrom, sample } from '../../harness/mutation/mutants.ts';
import { renderMarkdown, type MutationReport } from '../../harness/mutation/report.ts';
import { brokenEnvironment, judge, scoreOf, wilson } from '../../harness/mutation/score.ts';
import { loadPlan, plansDir } from '../../harness/plan/load.ts';
import { listScenarios } from '../../harness/scenarios.ts';
import { certificateFixture } from './support/certificate.ts';

function certificate(verdict: Certificate['verdict'], gates: { verdict: 'passed' | 'failed' | 'incomplete'; reasons: string[] }[], why = 'why'): Certificate {
  const exitCode = { GO: 0, 'NO-GO': 1, INCOMPLETE: 4, INTERRUPTED: 130 }[verdict as string] ?? 4;
  return certificateFixture(verdict, exitCode, gates.map((g, i) => ({ id: `phase${i + 1}`, ...g })), why);
}

const source = [
  "export function quota(used: number, limit: number): boolean {",
  "  ctx.log.info(`quota ${used} of ${limit}`);",
  "  return used < limit;",
  "}",
  '',
].join('\n');
const report = {
  files: {
    'sandbox/modules/quota.ts': {
      source,
      mutants: [
        { mutatorName: 'EqualityOperator', replacement: 'used <= limit', location: { start: { line: 3, column: 10 }, end: { line: 3, column: 22 } } },
        { mutatorName: 'StringLiteral', replacement: '``', location: { start: { line: 2, column: 17 }, end: { line: 2, column: 43 } } },
        { mutatorName: 'BlockStatement', replacement: '{}', location: { start: { line: 1, column: 63 }, end: { line: 4, column: 2 } } },
        { mutatorName: 'ConditionalExpression', replacement: 'true', location: { start: { line: 3, column: 10 }, end: { line: 3, column: 22 } } },
      ],
    },
  },
};

describe('the seeded draw', () => {
  const items = Array.from({ length: 500 }, (_, i) => i);

  it('draws the same mutants, in the same order, for the same seed', () => {
    const first = sample(items, 40, 1);
    assert.deepEqual(sample(items, 40, 1), first);
    assert.equal(new Set(first).size, 40);
    assert.notDeepEqual(sample(items, 40, 2), first);
  });

  it('is pinned: seed 1 draws these first five of 500 on every machine', () => {
    // mulberry32 is fully specified (32-bit integer arithmetic): a change of generator or of draw changes these numbers.
    assert.deepEqual(sample(items, 5, 1), [313, 2, 264, 490, 484]);
    assert.equal(prng(1)(), 0.6270739405881613);
  });

  it('gives every mutant the same chance (4,000 draws of 5 among 20: each drawn 1,000 times, within 4.4 standard deviations)', () => {
    const counts = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 4000; seed++) for (const i of sample(items.slice(0, 20), 5, seed)) counts[i] = (counts[i] ?? 0) + 1;
    for (const [i, c] of counts.entries()) assert.ok(c >= 880 && c <= 1120, `item ${i} drawn ${c} times, expected 1000 ± 120`);
    assert.equal(counts.reduce((a, b) => a + b, 0), 20_000);
  });

  it('resumes with --from K: the mutants of the full draw from the K-th on, numbered as in the full run', () => {
    const full = sample(items, 40, 1);
    const resumed = resumeFrom(sample(items, 40, 1), 26);
    assert.deepEqual(resumed.map((r) => r.number), Array.from({ length: 15 }, (_, i) => 26 + i));
    assert.deepEqual(resumed.map((r) => r.item), full.slice(25));
    assert.deepEqual(resumeFrom(full, 1).map((r) => r.item), full);
    assert.deepEqual(resumeFrom(full, 40), [{ number: 40, item: full[39] }]);
    assert.throws(() => resumeFrom(full, 41), /--from must be a whole number from 1 to the sample size 40 \(got 41\)/);
    assert.throws(() => resumeFrom(full, 0), /--from must be a whole number from 1 to the sample size 40/);
  });

  it('judges a part of the draw with --to K: two parts together are the full draw, numbered as in it', () => {
    const full = sample(items, 40, 1);
    const first = resumeFrom(full, 1, 20);
    const second = resumeFrom(full, 21);
    assert.deepEqual([...first, ...second].map((r) => r.number), Array.from({ length: 40 }, (_, i) => i + 1));
    assert.deepEqual([...first, ...second].map((r) => r.item), full);
    assert.deepEqual(resumeFrom(full, 7, 7), [{ number: 7, item: full[6] }]);
    assert.throws(() => resumeFrom(full, 10, 9), /--to must be a whole number from --from \(10\) to the sample size 40 \(got 9\)/);
    assert.throws(() => resumeFrom(full, 1, 41), /--to must be a whole number from --from \(1\) to the sample size 40 \(got 41\)/);
  });

  it('refuses a sample larger than the population, or not a whole number', () => {
    assert.throws(() => sample(items.slice(0, 3), 4, 1), /--sample 4 is more than the 3 mutants there are/);
    assert.throws(() => sample(items, 0, 1), /--sample must be a whole number of at least 1/);
  });
});

describe("the mutants read from Stryker's report", () => {
  const mutants = mutantsOf(report);

  it('leaves out mutants of log messages and sorts the rest by file, position and mutator', () => {
    assert.deepEqual(mutants.map((m) => `${m.start.line}:${m.start.column} ${m.mutator}`), ['1:63 BlockStatement', '3:10 ConditionalExpression', '3:10 EqualityOperator']);
    assert.equal(insideLogCall(source, { line: 2, column: 17 }), true);
    assert.equal(insideLogCall(source, { line: 2, column: 3 }), false);
    assert.equal(insideLogCall('  if (x) ctx.log.info(`a`); return f(y);', { line: 1, column: 36 }), false);
  });

  it('applies a mutant at its 1-based line and column, and describes it as file:line', () => {
    const equality = mutants[2];
    assert.ok(equality);
    assert.equal(equality.original, 'used < limit');
    assert.equal(applyMutant(source, equality), source.replace('return used < limit;', 'return used <= limit;'));
    assert.equal(describeMutant(equality), 'sandbox/modules/quota.ts:3 EqualityOperator: `used < limit` -> `used <= limit`');
    assert.equal(offsetOf(source, { line: 1, column: 1 }), 0);
  });

  it('refuses to apply a mutant to a file that changed since the listing', () => {
    const equality = mutants[2];
    assert.ok(equality);
    assert.throws(() => applyMutant(source.replace('used < limit', 'used > limit'), equality), /sandbox\/modules\/quota.ts:3:10: the file changed since the mutants were listed/);
  });
});

describe('the verdict of each mutant', () => {
  it('is killed only by a NO-GO whose failed gate names what broke', () => {
    const killed = judge(certificate('NO-GO', [{ verdict: 'passed', reasons: [] }, { verdict: 'failed', reasons: ['failed: Une alerte SMS par canal\nexpected 1 SMS, got 2'] }]), false);
    assert.deepEqual(killed, { outcome: 'killed', verdict: 'NO-GO', why: ['phase2: failed: Une alerte SMS par canal'] });
  });

  it('survives a GO', () => {
    assert.deepEqual(judge(certificate('GO', [{ verdict: 'passed', reasons: [] }], 'every phase ran and passed its gate'), false), { outcome: 'survived', verdict: 'GO', why: ['every phase ran and passed its gate'] });
  });

  it('never counts INCOMPLETE, INTERRUPTED, a missing certificate, an unnamed NO-GO or the deadline as killed', () => {
    const cases = [
      judge(certificate('INCOMPLETE', [{ verdict: 'incomplete', reasons: ['environment broken: PostgreSQL down'] }], 'environment broken'), false),
      judge(certificate('INTERRUPTED', [{ verdict: 'failed', reasons: ['failed: x'] }], 'interrupted'), false),
      judge(undefined, false),
      judge(certificate('NO-GO', [{ verdict: 'failed', reasons: [] }], 'a platform-wide step failed'), false),
      judge(certificate('NO-GO', [{ verdict: 'failed', reasons: ['failed: x'] }]), true),
    ];
    assert.deepEqual(cases.map((c) => [c.outcome, c.verdict]), [['incomplete', 'INCOMPLETE'], ['incomplete', 'INTERRUPTED'], ['incomplete', 'none'], ['incomplete', 'NO-GO'], ['timeout', 'NO-GO']]);
    assert.deepEqual(scoreOf(cases.map((c) => c.outcome)), { counts: { killed: 0, survived: 0, incomplete: 4, timeout: 1 }, score: undefined, interval: undefined });
  });

  it('retries once only a run whose environment was broken (no certificate, or exit 3), never a product verdict or a timeout', () => {
    const broken = certificate('INCOMPLETE', [{ verdict: 'incomplete', reasons: ['environment broken'] }]);
    broken.exitCode = 3;
    assert.deepEqual(
      [brokenEnvironment(undefined, false), brokenEnvironment(broken, false), brokenEnvironment(certificate('INCOMPLETE', [{ verdict: 'passed', reasons: [] }]), false), brokenEnvironment(certificate('NO-GO', [{ verdict: 'failed', reasons: ['x'] }]), false), brokenEnvironment(undefined, true)],
      [true, true, false, false, false],
    );
  });

  it("with a fast plan whose clean run is INCOMPLETE only for its scope, survives a run that passed every gate and left out exactly the same", () => {
    const scope = (gate: 'passed' | 'incomplete', unexercised: string[], why = '2 catalog entries exercised by no scenario') => {
      const c = certificate('INCOMPLETE', [{ verdict: 'passed', reasons: [] }, { verdict: gate, reasons: gate === 'passed' ? [] : ['environment broken: MQTT down'] }], why);
      c.coverage.unexercised = unexercised;
      return c;
    };
    const clean = scope('passed', ['offer:pro-2017', 'white-label:veilis']);
    assert.deepEqual(judge(scope('passed', ['white-label:veilis', 'offer:pro-2017']), false, clean), { outcome: 'survived', verdict: 'INCOMPLETE', why: ['every gate passed, as in the clean run (2 catalog entries exercised by no scenario)'] });
    // A gate left incomplete (a broken environment), or a different scope, says nothing of the mutant.
    assert.equal(judge(scope('incomplete', ['offer:pro-2017', 'white-label:veilis']), false, clean).outcome, 'incomplete');
    assert.equal(judge(scope('passed', ['offer:pro-2017', 'white-label:veilis', 'camera:vigie-4k-2022'], '3 catalog entries exercised by no scenario'), false, clean).outcome, 'incomplete');
    // And without a clean run to compare with, INCOMPLETE is never a survivor either.
    assert.equal(judge(scope('passed', ['offer:pro-2017', 'white-label:veilis']), false).outcome, 'incomplete');
  });
});

describe('the score and its 95% Wilson interval', () => {
  it('is the pair of roots of (p̂ - p)² = z²·p(1 - p)/n', () => {
    // Solved by hand for 30 of 40 at z = 1.96: 1.09604p² - 1.59604p + 0.5625 = 0, p = 0.5981 or 0.8581; 0 of 10: [0, 0.2775] (the textbook value).
    const round = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 10_000) / 10_000);
    const interval = (k: number, n: number) => { const w = wilson(k, n); return [round(w?.low), round(w?.high)]; };
    assert.deepEqual(interval(30, 40), [0.5981, 0.8581]);
    assert.deepEqual(interval(0, 10), [0, 0.2775]);
    assert.deepEqual(interval(10, 10), [0.7225, 1]);
    assert.equal(wilson(0, 0), undefined);
    assert.throws(() => wilson(3, 2), /0 <= k <= n/);
  });

  it('scores killed / (killed + survived), leaving the unjudged out of both', () => {
    const s = scoreOf(['killed', 'killed', 'killed', 'survived', 'incomplete', 'timeout']);
    assert.deepEqual(s.counts, { killed: 3, survived: 1, incomplete: 1, timeout: 1 });
    assert.equal(s.score, 0.75);
    assert.deepEqual(s.interval, wilson(3, 4));
  });

  it('reports the score, the interval, the time and each survivor as file:line and mutation', () => {
    const mutants = mutantsOf(report);
    const [block, conditional] = mutants;
    assert.ok(block && conditional);
    const r: MutationReport = {
      seed: 1, sample: 2, population: 3, plan: 'harness/plans/mutation.yaml', interrupted: false, from: 1, to: 2, cleanRunSeconds: 95, totalSeconds: 300,
      ...scoreOf(['killed', 'survived']),
      mutants: [{ ...block, outcome: 'killed', verdict: 'NO-GO', why: ['regression: failed: Une alerte | SMS'], number: 1, seconds: 100 }, { ...conditional, outcome: 'survived', verdict: 'GO', why: ['ok'], number: 2, seconds: 105 }],
    };
    const md = renderMarkdown(r);
    assert.match(md, /\*\*Score 50\.0%\*\* \(1 killed of 2 judged\), 95% Wilson interval 9\.5% to 90\.5%\./);
    assert.match(md, /Time: 5\.0 min in all; clean run 95 s; 103 s per mutant on average\./);
    assert.match(md, /## Survivors\n\n- 2\. sandbox\/modules\/quota\.ts:3 ConditionalExpression: `used < limit` -> `true`\n\n/);
    assert.match(md, /\| 1 \| sandbox\/modules\/quota\.ts:1 BlockStatement: .* \| killed \| regression: failed: Une alerte \\\| SMS \| 100 s \|/);
    assert.doesNotMatch(md, /--from/);
  });

  it('numbers a resumed run (--from K) as the full run, and says where it resumed', () => {
    const [, conditional] = mutantsOf(report);
    assert.ok(conditional);
    const r: MutationReport = {
      seed: 1, sample: 40, population: 3, plan: 'harness/plans/mutation.yaml', interrupted: false, from: 26, to: 40, cleanRunSeconds: 95, totalSeconds: 300,
      ...scoreOf(['survived']),
      mutants: [{ ...conditional, outcome: 'survived', verdict: 'GO', why: ['ok'], number: 26, seconds: 105 }],
    };
    const md = renderMarkdown(r);
    assert.match(md, /Seed 1, 1 of 40 mutants judged, numbers 26 to 40 of the draw \(--from 26 --to 40\),/);
    assert.match(md, /## Survivors\n\n- 26\. sandbox\/modules\/quota\.ts:3 /);
    assert.match(md, /\| 26 \| sandbox\/modules\/quota\.ts:3 ConditionalExpression: .* \| survived \|/);
  });
});

describe('the mutation set-up', () => {
  it("mutates the V10 behaviour only (no generator, migration, schema or logging), with no tsconfig for Stryker to rewrite", () => {
    const root = join(import.meta.dirname, '..', '..');
    const config = JSON.parse(readFileSync(join(root, 'harness', 'mutation', 'stryker.list.json'), 'utf8')) as { mutate: string[]; tsconfigFile: string; commandRunner: { command: string } };
    assert.deepEqual(config.mutate, ['sandbox/modules/**/*.ts', 'sandbox/notify/**/*.ts', 'sandbox/payments/**/*.ts', 'sandbox/ingest/**/*.ts', 'sandbox/http/api.ts', 'sandbox/http/api-modules.ts']);
    // StrykerJS would rewrite tsconfig.json through the TypeScript 5 API, which the project's TypeScript 7 lacks.
    assert.equal(existsSync(join(root, config.tsconfigFile)), false);
    assert.equal(config.commandRunner.command, 'true');
  });

  it("judges with a plan of the migration, the V10 modules regression with the scenarios written for survivors and the migrated customers of the payments, provider-fault and home-care tables (98 scenarios) and the smoke pass (19)", async () => {
    const plan = loadPlan(join(plansDir, 'mutation.yaml'));
    assert.deepEqual(plan.phases.map((p) => p.id), ['migration', 'regression', 'smoke']);
    const runs = plan.phases.flatMap((p) => p.steps.flatMap((s) => (s.kind === 'run' ? [s.tags] : [])));
    assert.deepEqual(await Promise.all(runs.map(async (tags) => (await listScenarios(tags)).length)), [98, 19]);
  });
});

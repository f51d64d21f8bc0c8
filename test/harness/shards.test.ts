// Shards split by duration: balanced, scenarios on the same designated accounts together, missing timings at the median.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { durationsFileName, durationsOfRun, keepDurations, readDurations, splitByDuration, splitDigest } from '../../harness/plan/shards.ts';
import { suitePaths } from '../../harness/suite-paths.ts';
import { escapeRegExp } from '../../lib/text.ts';

const scenario = (line: number, tags: string[] = []) => ({ where: `features/f.feature:${line}`, tags });
const f = (line: number) => `features/f.feature:${line}`;

describe('splitByDuration', () => {
  it('puts the longest first into the least-loaded shard: shards within the longest scenario of each other, where a split by count is not', () => {
    const scenarios = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((line) => scenario(line));
    const durations = Object.fromEntries(scenarios.map((s, i) => [s.where, (9 - i) * 1000]));
    const split = splitByDuration(scenarios, durations, 3);
    assert.deepEqual(split.shards, [[f(1), f(6), f(7)], [f(2), f(5), f(8)], [f(3), f(4), f(9)]]);
    assert.deepEqual(split.loadsMs, [16000, 15000, 14000]);
    assert.deepEqual(split.estimated, []);
    // Cucumber's --shard deals the same scenarios by count (the i-th to shard i mod n): 18 s, 15 s, 12 s.
    const byCount = [0, 1, 2].map((shard) => scenarios.filter((_, i) => i % 3 === shard).reduce((sum, s) => sum + (durations[s.where] ?? 0), 0));
    assert.deepEqual(byCount, [18000, 15000, 12000]);
    assert.equal(Math.max(...split.loadsMs) - Math.min(...split.loadsMs), 2000);
  });

  it('keeps every scenario on designated accounts (@clients-migres) on one shard, counted together', () => {
    const migrated = [scenario(1, ['@clients-migres']), scenario(2, ['@clients-migres', '@smoke']), scenario(3, ['@clients-migres'])];
    const others = [scenario(4), scenario(5), scenario(6), scenario(7)];
    const durations = { [f(1)]: 2000, [f(2)]: 2000, [f(3)]: 2000, [f(4)]: 5000, [f(5)]: 4000, [f(6)]: 3000, [f(7)]: 1000 };
    const split = splitByDuration([...migrated, ...others], durations, 3);
    assert.deepEqual(split.shards, [[f(1), f(2), f(3)], [f(4), f(7)], [f(5), f(6)]]);
    assert.deepEqual(split.loadsMs, [6000, 6000, 7000]);
  });

  it('counts a scenario with no known duration at the median of the known ones, and lists it', () => {
    const scenarios = [1, 2, 3, 4, 5].map((line) => scenario(line));
    const split = splitByDuration(scenarios, { [f(1)]: 1000, [f(2)]: 3000, [f(3)]: 5000, 'features/other.feature:9': 60000 }, 2);
    assert.equal(split.medianMs, 3000);
    assert.deepEqual(split.estimated, [f(4), f(5)]);
    assert.deepEqual(split.shards, [[f(3), f(5)], [f(1), f(2), f(4)]]);
    assert.deepEqual(split.loadsMs, [8000, 7000]);
  });

  it('splits by count when no duration is known (a first run), and more shards than scenarios leaves some empty', () => {
    const scenarios = [1, 2, 3, 4, 5, 6, 7].map((line) => scenario(line));
    const split = splitByDuration(scenarios, {}, 3);
    assert.deepEqual(split.shards, [[f(1), f(4), f(7)], [f(2), f(5)], [f(3), f(6)]]);
    assert.deepEqual(split.estimated, scenarios.map((s) => s.where));
    assert.deepEqual(splitByDuration(scenarios.slice(0, 2), {}, 3).shards, [[f(1)], [f(2)], []]);
  });

  it('gives the same split whatever the order the scenarios come in, and refuses a shard count below 1', () => {
    const scenarios = [1, 2, 3, 4, 5, 6].map((line) => scenario(line, line % 2 === 0 ? ['@clients-migres'] : []));
    const durations = { [f(1)]: 3000, [f(2)]: 1000, [f(3)]: 3000, [f(5)]: 2000 };
    const forward = splitByDuration(scenarios, durations, 2);
    const backward = splitByDuration([...scenarios].reverse(), durations, 2);
    assert.deepEqual(backward.shards.map((s) => [...s].sort()), forward.shards.map((s) => [...s].sort()));
    // Unknown f(4) and f(6) count the median 2.5 s: the @clients-migres unit is 6 s, placed first.
    assert.deepEqual(forward.shards, [[f(2), f(4), f(5), f(6)], [f(1), f(3)]]);
    assert.deepEqual(forward.loadsMs, [8000, 6000]);
    assert.throws(() => splitByDuration(scenarios, durations, 0), /a whole number of shards ≥ 1, got 0/);
  });
});

/** A Cucumber messages file: one scenario, retried once (the last attempt counts), and an outline row. */
function messages(): string {
  const envelope = (e: object) => JSON.stringify(e);
  const duration = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });
  const lines = [
    envelope({ pickle: { id: 'p1', uri: 'features/a.feature', location: { line: 3 }, name: 'a', language: 'fr', steps: [{ id: 'ps1', text: 'x', astNodeIds: [] }], tags: [], astNodeIds: [] } }),
    envelope({ pickle: { id: 'p2', uri: 'features/b.feature', location: { line: 12 }, name: 'b', language: 'fr', steps: [{ id: 'ps2', text: 'y', astNodeIds: [] }], tags: [], astNodeIds: [] } }),
    envelope({ testCase: { id: 't1', pickleId: 'p1', testSteps: [{ id: 'h1', hookId: 'hook' }, { id: 's1', pickleStepId: 'ps1', stepDefinitionIds: ['d'] }] } }),
    envelope({ testCase: { id: 't2', pickleId: 'p2', testSteps: [{ id: 's2', pickleStepId: 'ps2', stepDefinitionIds: ['d'] }] } }),
  ];
  const attempt = (id: string, testCaseId: string, steps: [string, number][], willBeRetried: boolean) => [
    envelope({ testCaseStarted: { id, testCaseId, attempt: 0, timestamp: duration(0) } }),
    ...steps.map(([step, ms]) => envelope({ testStepFinished: { testCaseStartedId: id, testStepId: step, testStepResult: { status: 'PASSED', duration: duration(ms) }, timestamp: duration(0) } })),
    envelope({ testCaseFinished: { testCaseStartedId: id, willBeRetried, timestamp: duration(0) } }),
  ];
  return [...lines, ...attempt('c1', 't1', [['h1', 250], ['s1', 9000]], true), ...attempt('c2', 't1', [['h1', 250], ['s1', 1500]], false), ...attempt('c3', 't2', [['s2', 4321]], false)].join('\n');
}

describe('scenario durations', () => {
  it('reads each scenario\'s duration from a run\'s messages: its last attempt\'s steps and hooks; the longest when two phases played it', () => {
    const run = mkdtempSync(join(tmpdir(), 'durations-run-'));
    for (const phase of ['baseline', 'regression']) {
      mkdirSync(join(run, 'phases', phase, 'cucumber'), { recursive: true });
      writeFileSync(join(run, 'phases', phase, 'cucumber', 'r-step-1.ndjson'), phase === 'baseline' ? messages() : messages().replace('"nanos":321000000', '"nanos":0'));
    }
    assert.deepEqual(durationsOfRun(run), { 'features/a.feature:3': 1750, 'features/b.feature:12': 4321 });
  });

  it('keeps a whole run\'s durations in the store: replaced for what it played, kept for the rest; a broken file is named', () => {
    const store = join(mkdtempSync(join(tmpdir(), 'durations-store-')), 'local', 'certify-local');
    assert.deepEqual(readDurations(store), { byScenario: {}, source: 'none' });
    keepDurations(store, { [f(2)]: 2000, [f(1)]: 1000 });
    keepDurations(store, { [f(2)]: 2500, [f(3)]: 3000 });
    const file = join(store, durationsFileName);
    assert.deepEqual(readDurations(store), { byScenario: { [f(1)]: 1000, [f(2)]: 2500, [f(3)]: 3000 }, source: file });
    assert.equal(readFileSync(file, 'utf8'), `{\n  "${f(1)}": 1000,\n  "${f(2)}": 2500,\n  "${f(3)}": 3000\n}\n`);
    assert.equal(splitDigest({ [f(2)]: 2500, [f(1)]: 1000, [f(3)]: 3000 }), splitDigest(readDurations(store).byScenario));
    assert.notEqual(splitDigest({ [f(1)]: 1000 }), splitDigest({ [f(1)]: 1001 }));
    writeFileSync(file, '{"features/f.feature:1": "slow"}');
    assert.throws(() => readDurations(store), (error: Error) => new RegExp(`^\\[configuration\\] ${escapeRegExp(file)}: "features/f.feature:1" is not a duration in milliseconds \\("slow"\\): delete the file`).test(error.message));
    writeFileSync(file, '[1, 2]');
    assert.throws(() => readDurations(store), /must be an object of scenario → milliseconds/);
  });

  it('lets Cucumber read exactly a shard\'s scenarios (HARNESS_SCENARIOS_FILE) in place of the feature globs', () => {
    const list = join(mkdtempSync(join(tmpdir(), 'scenarios-')), 'scenarios.json');
    writeFileSync(list, JSON.stringify([f(3), 'features/b.feature:12']));
    assert.deepEqual(suitePaths({ HARNESS_SCENARIOS_FILE: list }), { features: [f(3), 'features/b.feature:12'], support: ['steps/**/*.ts'] });
    assert.deepEqual(suitePaths({}), { features: ['features/**/*.feature'], support: ['steps/**/*.ts'] });
  });
});

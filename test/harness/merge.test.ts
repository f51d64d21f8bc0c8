// Shards: an index out of range is refused, and merging says which shard is missing.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseMergeArgs, parseShard } from '../../harness/certify-args.ts';
import { mergeShards } from '../../harness/merge.ts';

/** The messages of a Cucumber run in which one scenario passed. */
function passedScenario(index: number): string {
  const step = { id: `ps${index}`, text: 'chaque instance répond', astNodeIds: [] };
  return [
    { pickle: { id: `p${index}`, uri: 'features/sante.feature', location: { line: 3 }, name: `health ${index}`, language: 'fr', steps: [step], tags: [], astNodeIds: [] } },
    { testCase: { id: `t${index}`, pickleId: `p${index}`, testSteps: [{ id: `s${index}`, pickleStepId: `ps${index}`, stepDefinitionIds: ['d'] }] } },
    { testCaseStarted: { id: `c${index}`, testCaseId: `t${index}`, attempt: 0, timestamp: { seconds: 0, nanos: 0 } } },
    { testStepFinished: { testCaseStartedId: `c${index}`, testStepId: `s${index}`, testStepResult: { status: 'PASSED', duration: { seconds: 0, nanos: 0 } }, timestamp: { seconds: 0, nanos: 0 } } },
    { testCaseFinished: { testCaseStartedId: `c${index}`, willBeRetried: false, timestamp: { seconds: 0, nanos: 0 } } },
    { testRunFinished: { success: true, timestamp: { seconds: 0, nanos: 0 } } },
  ].map((e) => JSON.stringify(e)).join('\n');
}

function shardRun(index: number, total: number, options: { sharded?: boolean; interrupted?: boolean; commit?: string; planFile?: string; split?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `shard-${index}-`));
  const messages = join(dir, 'phases', 'smoke', 'cucumber');
  mkdirSync(messages, { recursive: true });
  mkdirSync(join(dir, 'allure-results'));
  writeFileSync(join(messages, `r${index}-step-1.ndjson`), passedScenario(index));
  const metadata = { runId: `r${index}`, environment: 'local', plan: { name: 'Post-migration smoke pass on production', file: options.planFile ?? 'harness/plans/production.yaml' }, startedAt: '2026-11-26T09:00:00Z', endedAt: '', commit: options.commit ?? 'c0ffee', harnessVersion: '', executor: '', node: '', platform: { startVersion: 'v10', finalVersion: 'v10', instances: 46 }, ...(options.sharded === false ? {} : { shard: { index, total } }), ...(options.split ? { split: options.split } : {}) };
  const gates = [{ id: 'smoke', title: 'Smoke', startedAt: '', endedAt: '', steps: [options.interrupted ? { step: 'run scenarios @smoke', status: 'not-run', durationMs: 10, detail: '[interrupted] by SIGINT: the run stopped there' } : { step: 'run scenarios @smoke', status: 'passed', durationMs: 10, detail: 'cucumber exited 0' }], results: { total: 1, byStatus: { passed: 1 }, flaky: 0, problems: [] }, verdict: 'passed', requires: [], reasons: [] }];
  writeFileSync(join(dir, 'certificate.json'), JSON.stringify({ verdict: options.interrupted ? 'INTERRUPTED' : 'INCOMPLETE', why: options.interrupted ? '[interrupted] by SIGINT' : '', metadata, gates, partners: [], reports: { overall: undefined, partners: {} }, coverage: { summary: '', unexercised: [], report: '' }, notes: [], evidence: [] }));
  return dir;
}

describe('shards', () => {
  it('refuses a shard index out of range', () => {
    assert.throws(() => parseShard('4/3'), /--shard 4\/3: the shard index 4 is out of range 1\.\.3/);
    assert.throws(() => parseShard('0/3'), /out of range/);
    assert.throws(() => parseShard('two/3'), /--shard must be i\/n/);
    assert.deepEqual(parseShard('2/3'), { index: 2, total: 3 });
  });

  it('reads merge\'s arguments: the shards\' folders, where the merged run and its history go', () => {
    assert.deepEqual(parseMergeArgs(['r1', 'r2']), { dirs: ['r1', 'r2'], reportsDir: 'reports', html: true });
    assert.deepEqual(parseMergeArgs(['r1', '--no-html', '--reports-dir', 'out', '--history-dir', 'h', 'r2']), { dirs: ['r1', 'r2'], reportsDir: 'out', html: false, historyDir: 'h' });
    assert.deepEqual(parseMergeArgs(['r1', '--no-history']), { dirs: ['r1'], reportsDir: 'reports', html: true, historyDir: false });
    assert.throws(() => parseMergeArgs(['r1', '--shard', '1/2']), /Unknown option '--shard'.*usage: node harness\/cli\.ts merge <shard run folder>\.\.\./);
    assert.throws(() => parseMergeArgs(['r1', '--no-history', '--history-dir', 'h']), /--history-dir and --no-history contradict each other/);
  });

  it('merges every shard into one certificate whose gate counts every shard\'s scenarios', async () => {
    const out = mkdtempSync(join(tmpdir(), 'merged-'));
    const { certificate } = await mergeShards([shardRun(1, 2), shardRun(2, 2)], out, false);
    assert.equal(certificate.gates[0]?.results.total, 2);
    assert.equal(certificate.gates[0]?.verdict, 'passed');
    assert.deepEqual(certificate.metadata.shards, [{ index: 1, total: 2 }, { index: 2, total: 2 }]);
    assert.ok(!certificate.notes.some((n) => /missing/.test(n)));
  });

  it('says which shard is missing and never says GO', async () => {
    const out = mkdtempSync(join(tmpdir(), 'merged-'));
    const { certificate } = await mergeShards([shardRun(1, 3), shardRun(3, 3)], out, false);
    assert.ok(certificate.notes.includes('shard 2/3 is missing: its scenarios were not run, the certificate is incomplete'));
    assert.notEqual(certificate.verdict, 'GO');
  });

  it('says INTERRUPTED (exit 130) when one of the shards was interrupted, naming it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'merged-'));
    const { certificate } = await mergeShards([shardRun(1, 2), shardRun(2, 2, { interrupted: true })], out, false);
    assert.deepEqual([certificate.verdict, certificate.exitCode, certificate.gates[0]?.verdict], ['INTERRUPTED', 130, 'interrupted']);
    assert.match(certificate.why, /shard 2\/2 was interrupted/);
  });

  it('refuses to merge a run that was not sharded, or the same shard twice', async () => {
    const out = mkdtempSync(join(tmpdir(), 'merged-'));
    await assert.rejects(mergeShards([shardRun(1, 2, { sharded: false })], out, false), /its run was not sharded/);
    const one = shardRun(1, 2);
    await assert.rejects(mergeShards([one, one], out, false), /shard 1\/2 is given twice/);
  });

  it('refuses shards of different commits, plan files or splits, naming what differs in which folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'merged-'));
    const one = shardRun(1, 2, { split: 'aaaa' });
    const other = shardRun(2, 2, { commit: 'beef', split: 'aaaa' });
    await assert.rejects(mergeShards([one, other], out, false), new RegExp(`^ConfigurationError: \\[configuration\\] cannot merge: the shards' commits differ: every shard must run the same commit \\(the shards of one pipeline\\)\n  ${other}: beef\n  ${one}: c0ffee$`));
    const otherPlan = shardRun(2, 2, { planFile: 'test/e2e/plans/quick.yaml', split: 'aaaa' });
    await assert.rejects(mergeShards([one, otherPlan], out, false), new RegExp(`cannot merge: the shards' plan files differ: every shard must play the same plan file\n  ${otherPlan}: test/e2e/plans/quick.yaml\n  ${one}: harness/plans/production.yaml$`));
    const otherSplit = shardRun(2, 2, { split: 'bbbb' });
    await assert.rejects(mergeShards([one, otherSplit], out, false), new RegExp(`cannot merge: the shards' scenario durations differ: they split the plan by different scenario-durations.json files.*\n  ${otherSplit}: bbbb\n  ${one}: aaaa$`));
    const { certificate } = await mergeShards([one, shardRun(2, 2, { split: 'aaaa' })], out, false);
    assert.equal(certificate.gates[0]?.results.total, 2);
  });
});

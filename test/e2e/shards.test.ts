// Shards, end to end: a small plan played as one shard and as three shards in parallel processes, each merged, gives
// the same scenarios and the same verdict; the three split by the durations the first run kept; merge refuses shards
// of another commit or plan.

import assert from 'node:assert/strict';
import { cpSync, globSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import { parseMessages } from '../../harness/reports/cucumber-messages.ts';
import { durationsStore, readDurations, splitDigest } from '../../harness/plan/shards.ts';
import { runCli, type CliRun } from './cli.ts';

const plan = 'test/e2e/plans/shards.yaml';
const explain = (run: CliRun): string => `exit ${run.code} after ${run.seconds.toFixed(1)} s:\n${run.output.slice(-4000)}`;

const certifyShard = (shard: string, historyDir: string) => runCli(['certify', '--plan', plan, '--shard', shard, '--no-html', '--history-dir', historyDir], { timeoutMs: 240_000, prefix: `shard-${shard.replace('/', '-of-')}-` });
const merge = (dirs: string[], historyDir: string) => runCli(['merge', ...dirs, '--no-html', '--history-dir', historyDir], { timeoutMs: 120_000, prefix: 'merged-' });

/** The one run folder a `certify` or `merge` wrote into its reports folder. */
function runFolder(run: CliRun): string {
  const found = globSync('*/certificate.json', { cwd: run.reportsDir });
  assert.equal(found.length, 1, explain(run));
  return join(run.reportsDir, dirname(found[0] as string));
}

const certificateOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'certificate.json'), 'utf8')) as Certificate;

/** `phase file:line status` of every scenario a run folder played, sorted. */
function scenariosOf(dir: string): string[] {
  const played: string[] = [];
  for (const file of globSync('phases/*/cucumber/*.ndjson', { cwd: dir })) {
    const phase = file.split('/')[1];
    for (const { where, attempts } of parseMessages(readFileSync(join(dir, file), 'utf8')).testCases.values()) {
      for (const attempt of attempts) played.push(`${phase} ${where} ${attempt.steps.every((s) => s.result.status === 'PASSED') ? 'passed' : 'not passed'}`);
    }
  }
  return played.sort();
}

describe('shards, end to end', () => {
  // Its own deadline is the sum of its commands' (960 s) and a minute, not npm test's 600 s per test: a slow command
  // (three environments at once, another test file beside them) then fails on its deadline, with its output.
  it('plays the same scenarios with the same verdict as 1 shard and as 3 parallel shards split by the kept durations; merge refuses another commit or plan', { timeout: 1_020_000 }, async () => {
    const history = mkdtempSync(join(tmpdir(), 'shards-history-'));

    // One shard: the whole selection, merged alone; the merge keeps each scenario's duration for the next split.
    const whole = await certifyShard('1/1', history);
    assert.equal(whole.code, 4, explain(whole));
    assert.match(whole.output, /shard 1\/1, split by count: no scenario durations known yet/, explain(whole));
    const wholeMerged = await merge([runFolder(whole)], history);
    const wholeDir = runFolder(wholeMerged);
    const wholeScenarios = scenariosOf(wholeDir);
    assert.equal(wholeScenarios.length, 7, wholeScenarios.join('\n'));
    const store = durationsStore(whole.reportsDir, history, 'local', plan) as string;
    const durations = readDurations(store);
    assert.deepEqual(Object.keys(durations.byScenario).sort(), [...new Set(wholeScenarios.map((s) => s.split(' ')[1] as string))].sort());

    // Three shards in parallel processes, each on its own environment, split by those durations.
    const shards = await Promise.all(['1/3', '2/3', '3/3'].map((shard) => certifyShard(shard, history)));
    for (const shard of shards) {
      assert.equal(shard.code, 4, explain(shard));
      assert.match(shard.output, /split by the durations in .*scenario-durations\.json/, explain(shard));
    }
    const shardDirs = shards.map(runFolder);
    assert.deepEqual(shardDirs.map((dir) => certificateOf(dir).metadata.split), [1, 2, 3].map(() => splitDigest(durations.byScenario)));
    const perShard = shardDirs.map(scenariosOf);
    assert.ok(perShard.every((played) => played.length > 0), perShard.join('\n'));
    const merged = await merge(shardDirs, history);
    const mergedDir = runFolder(merged);

    // The same scenarios, each played once, and the same verdict, gate by gate.
    assert.deepEqual(scenariosOf(mergedDir), wholeScenarios);
    assert.deepEqual(perShard.flat().sort(), wholeScenarios);
    const [one, three] = [certificateOf(wholeDir), certificateOf(mergedDir)];
    assert.deepEqual([three.verdict, three.why, three.exitCode], [one.verdict, one.why, one.exitCode]);
    assert.deepEqual(three.gates.map((g) => [g.id, g.verdict, g.results.total]), one.gates.map((g) => [g.id, g.verdict, g.results.total]));
    assert.deepEqual(one.gates.map((g) => [g.id, g.verdict, g.results.total]), [['foundation', 'passed', 3], ['devices', 'passed', 4]]);
    assert.equal(merged.code, wholeMerged.code, explain(merged));

    // Shards of another commit or another plan file are refused, naming what differs and where.
    const tampered = (field: 'commit' | 'plan', value: string): string => {
      const copy = mkdtempSync(join(tmpdir(), 'tampered-shard-'));
      cpSync(shardDirs[2] as string, copy, { recursive: true });
      const certificate = certificateOf(copy);
      if (field === 'commit') certificate.metadata.commit = value;
      else certificate.metadata.plan.file = value;
      writeFileSync(join(copy, 'certificate.json'), JSON.stringify(certificate));
      return copy;
    };
    const otherCommit = tampered('commit', '0123456789abcdef0123456789abcdef01234567');
    const refusedCommit = await merge([shardDirs[0] as string, shardDirs[1] as string, otherCommit], history);
    assert.equal(refusedCommit.code, 2, explain(refusedCommit));
    assert.match(refusedCommit.output, new RegExp(`^\\[configuration\\] cannot merge: the shards' commits differ: every shard must run the same commit \\(the shards of one pipeline\\)\n  ${otherCommit}: 0123456789abcdef0123456789abcdef01234567\n  ${shardDirs[0]}: [0-9a-f]{40}\n$`), explain(refusedCommit));
    const otherPlan = tampered('plan', 'test/e2e/plans/quick.yaml');
    const refusedPlan = await merge([shardDirs[0] as string, shardDirs[1] as string, otherPlan], history);
    assert.equal(refusedPlan.code, 2, explain(refusedPlan));
    assert.match(refusedPlan.output, new RegExp(`^\\[configuration\\] cannot merge: the shards' plan files differ: every shard must play the same plan file\n  ${otherPlan}: test/e2e/plans/quick.yaml\n  ${shardDirs[0]}: test/e2e/plans/shards.yaml\n$`), explain(refusedPlan));
  });
});

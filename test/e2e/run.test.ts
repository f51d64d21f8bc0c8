// `npm start` end to end: the foundation slice on the embedded defaults and on real services, and each way a run that
// started can go wrong (refusals and unreachable services, which are timed, are in bad-input.test.ts).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { RunOutcome } from '../../harness/run.ts';
import { runCli, runOutcome } from './cli.ts';

const realServices = { DATABASE_URL: process.env['DATABASE_URL'], MQTT_URL: process.env['MQTT_URL'] };

interface Finished {
  code: number | null;
  output: string;
  seconds: number;
  outcome: RunOutcome | undefined;
}

/** Runs the harness CLI with a deadline; `env` entries set to undefined are removed. */
async function harness(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 240_000): Promise<Finished> {
  const run = await runCli(['run', ...args], { env, timeoutMs, prefix: 'harness-e2e-' });
  return { code: run.code, output: run.output, seconds: run.seconds, outcome: runOutcome(run) };
}

function explain(run: Finished): string {
  return `exit ${run.code} after ${run.seconds.toFixed(1)} s; output:\n${run.output.slice(-3000)}`;
}

describe('the main job, end to end', () => {
  it('certifies the foundation slice on the embedded defaults and writes a report that opens from file://', async () => {
    const run = await harness(['--profile', 'foundation']);
    assert.equal(run.code, 0, explain(run));
    assert.match(run.output, /\[harness\] verdict: GO \(all \d+ scenarios passed\)/);
    assert.equal(run.outcome?.verdict, 'GO');
    assert.ok((run.outcome?.summary.byStatus['passed'] ?? 0) >= 3, explain(run));
    const html = run.outcome?.htmlReport ?? '';
    assert.ok(existsSync(html), `no HTML report at "${html}"`);
    assert.match(run.output, /report: file:\/\/\S+\/report\/index\.html/);
    assert.ok(!readFileSync(html, 'utf8').includes('<script src="http'), 'the report must not load anything from the network');
  });

  it('certifies the foundation slice again on the real PostgreSQL and MQTT broker', { skip: !realServices.DATABASE_URL || !realServices.MQTT_URL ? 'DATABASE_URL and MQTT_URL are not set' : false }, async () => {
    const run = await harness(['--env', 'services', '--profile', 'foundation', '--no-html'], realServices);
    assert.equal(run.code, 0, explain(run));
    assert.equal(run.outcome?.verdict, 'GO');
  });

  it('goes red, naming the scenario, when the platform never calls the SMS provider', async () => {
    const run = await harness(['--profile', 'foundation', '--no-html', '--fault', 'sms-silent']);
    assert.equal(run.code, 1, explain(run));
    assert.deepEqual([run.outcome?.verdict, run.outcome?.exitCode], ['NO-GO', 1]);
    assert.match(run.output, /\[harness\] verdict: NO-GO \(failed: /);
    const failed = run.outcome?.summary.problems ?? [];
    assert.deepEqual(failed.map((p) => p.status), ['failed'], explain(run));
    assert.match(failed[0]?.message ?? '', /SMS/);
  });

  it('gets the same results from the notice, maintenance and home-care features with the platform clock a year ahead and a year behind', async () => {
    // These features set the platform's test clock before anything is shown: the date of the run must not matter.
    const tags = ['--tags', '(@annonce or @maintenance or @module-home-care) and not @wip', '--no-html'];
    // Two environments of their own, side by side.
    const runs = await Promise.all([harness(tags, { KW_CLOCK_SHIFT_DAYS: '365' }), harness(tags, { KW_CLOCK_SHIFT_DAYS: '-365' })]);
    for (const run of runs) {
      assert.equal(run.code, 0, explain(run));
      assert.ok((run.outcome?.summary.total ?? 0) >= 20, explain(run));
      assert.equal(run.outcome?.summary.byStatus['passed'], run.outcome?.summary.total, explain(run));
    }
    assert.equal(runs[0]?.outcome?.summary.total, runs[1]?.outcome?.summary.total);
  });

  it('reports a missing browser as a broken environment, with the command that installs one', async () => {
    const run = await harness(['--profile', 'foundation', '--no-html'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    assert.equal(run.code, 3, explain(run));
    assert.deepEqual([run.outcome?.verdict, run.outcome?.exitCode], ['INCOMPLETE', 3]);
    assert.match(run.output, /apt-get install -y chromium/);
  });

  it('reports a platform instance that crashes during the run as a product defect, naming it and its exit code', async () => {
    const run = await harness(['--profile', 'foundation', '--no-html', '--fault', 'instance-crash-on-event:i02']);
    assert.equal(run.code, 1, explain(run));
    assert.deepEqual([run.outcome?.verdict, run.outcome?.exitCode], ['NO-GO', 1]);
    assert.match(run.output, /platform instance i02 \(exit code 70, signal null\) crashed during the run/);
  });
});

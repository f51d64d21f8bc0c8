// `certify` end to end on a quick plan and refusals: the instance that did not restart named, and a production run
// refused before anything starts. Apart from certify.test.ts (the whole plan), so that it runs in another lane.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { certifyCli as certify } from './cli.ts';

describe('certify on a quick plan, and refusals', () => {
  // The certification's own deadline (600 s) and a minute: a slow run fails on that deadline, with its output, not on npm test's 600 s per test.
  it('goes red when an instance is not restarted after the migration, naming that instance', { timeout: 660_000 }, async () => {
    const run = await certify(['--no-html', '--plan', join(import.meta.dirname, 'plans', 'quick.yaml'), '--fault', 'deploy:instance-not-restarted:i02']);
    const explain = `exit ${run.code}:\n${run.output.slice(-4000)}`;
    assert.equal(run.code, 1, explain);
    assert.deepEqual([run.certificate?.verdict, run.certificate?.exitCode], ['NO-GO', 1]);
    const smoke = run.certificate?.gates.find((g) => g.id === 'smoke');
    assert.equal(smoke?.verdict, 'failed', explain);
    assert.match(smoke?.reasons.join('\n') ?? '', /i02 at http:\/\/127\.0\.0\.1:\d+ does not answer/);
    assert.doesNotMatch(smoke?.reasons.join('\n') ?? '', /i01 at/);
  });

  it('refuses a production run of non-smoke scenarios before anything starts, naming some', async () => {
    const accounts = join(mkdtempSync(join(tmpdir(), 'accounts-')), 'accounts.json');
    writeFileSync(accounts, '[{"email":"qa@veilis.example","password":"secret-pw","whiteLabel":"veilis"}]');
    const plan = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.yaml');
    writeFileSync(plan, 'name: wrong\nplatform: {version: v10, instances: 1}\nphases:\n  - id: all\n    title: All\n    steps: [{run: "not @wip"}]\n    gate: {scenarios: all-passed}\n');
    const run = await certify(['--env', 'production', '--plan', plan], {
      PRODUCTION_INSTANCES: 'i01=http://127.0.0.1:9', PRODUCTION_INSTANCE_COUNT: '1', PRODUCTION_MQTT_URL: 'mqtt://127.0.0.1:9',
      PRODUCTION_ACCOUNTS_DB_URL: 'postgres://ro@127.0.0.1:9/a', PRODUCTION_EVENTS_DB_URL: 'postgres://ro@127.0.0.1:9/e', PRODUCTION_MEDIA_DB_URL: 'postgres://ro@127.0.0.1:9/m', PRODUCTION_TEST_ACCOUNTS_FILE: accounts,
    }, 30_000);
    assert.equal(run.code, 2, run.output);
    assert.match(run.output, /production runs only @smoke: \d+ selected scenario\(s\) are not/);
    assert.match(run.output, /features\/\S+\.feature:\d+ /);
    assert.equal(run.runDir, '', 'nothing may start, not even a report folder');
    assert.ok(run.seconds < 10);
  });

  it('names the variables a production run lacks', async () => {
    const run = await certify(['--env', 'production'], {}, 30_000);
    assert.equal(run.code, 2, run.output);
    assert.match(run.output, /PRODUCTION_INSTANCES is not set/);
  });
});

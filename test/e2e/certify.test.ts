// `npm start` (the certification plan) end to end: certificate, per-partner reports with nothing of other partners, and the instance that did not restart.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import { partnerMarks } from '../../harness/reports/certificate/partners.ts';
import { loadPlan, plansDir } from '../../harness/plan/load.ts';
import { runCli } from './cli.ts';


async function certify(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 600_000) {
  const { code, output, seconds, reportsDir } = await runCli(['certify', ...args], { env, timeoutMs, prefix: 'certify-e2e-' });
  const runs = existsSync(reportsDir) ? readdirSync(reportsDir) : [];
  const runDir = runs[0] ? join(reportsDir, runs[0]) : '';
  const certificateFile = join(runDir, 'certificate.json');
  const certificate = runDir && existsSync(certificateFile) ? (JSON.parse(readFileSync(certificateFile, 'utf8')) as Certificate) : undefined;
  return { code, output, seconds, runDir, certificate };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

describe('the certification plan, end to end', () => {
  // The whole plan of npm start: some 15 minutes on this 2-core machine (its time is measured by the certificate, not here).
  it('writes a certificate with every gate and per-partner reports that name no other partner and no secret', { timeout: 1_800_000 }, async () => {
    const run = await certify([], {}, 1_750_000);
    const explain = `exit ${run.code}:\n${run.output.slice(-4000)}`;
    assert.ok(run.certificate, explain);
    const plan = loadPlan(join(plansDir, 'local.yaml'));
    assert.deepEqual(run.certificate.gates.map((g) => [g.id, g.verdict]), plan.phases.map((p) => [p.id, 'passed']), explain);
    assert.equal(run.certificate.verdict, 'GO', explain);
    assert.ok(existsSync(join(run.runDir, 'certificate.html')));
    assert.ok(run.certificate.evidence.files > 10 && /^[0-9a-f]{64}$/.test(run.certificate.evidence.sha256));
    assert.equal(readFileSync(join(run.runDir, run.certificate.evidence.manifest), 'utf8').split('\n').filter(Boolean).length, run.certificate.evidence.files);
    const catalog = loadCatalog();
    for (const partner of catalog.partners) {
      const report = run.certificate.reports.partners[partner.id];
      assert.ok(report && existsSync(report), `no report for ${partner.id}`);
      // A brand whose name contains another's (Assur Plus / Assur Plus Protect) is the same partner's.
      const others = catalog.partners.filter((p) => p.id !== partner.id)
        .flatMap((other) => partnerMarks(catalog, other.id).filter((mark) => !partnerMarks(catalog, partner.id).some((own) => own.includes(mark))).map((mark) => ({ other: other.id, mark })));
      // Each file read once (a partner's folder holds its results and its 15 MB report), every other partner's marks looked for in it.
      for (const file of files(join(run.runDir, 'partners', partner.id))) {
        const text = readFileSync(file, 'utf8');
        for (const { other, mark } of others) assert.ok(!text.includes(mark), `${file} (partner ${partner.id}) names "${mark}" of ${other}`);
      }
    }
    for (const file of files(run.runDir)) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /Qa-[A-Za-z0-9_-]{12}\b/, `${file} holds a customer password`);
      assert.doesNotMatch(text, /postgres:\/\/postgres:harness@/, `${file} holds the database password`);
    }
  });

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

// A failure as a partner receives it: its report holds the failure's evidence, opens without a request, and no secret is left in the run's folder (zip entries included).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import { openReports } from '../../harness/reports/certificate/requests.ts';
import { readZip } from '../../lib/zip.ts';
import { runCli } from './cli.ts';

const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

/** A file's bytes and, for a zip, its inflated entries: what a reader of the folder could find. */
function content(file: string): string {
  const bytes = readFileSync(file);
  try {
    return `${bytes.toString('latin1')}\n${readZip(bytes).map((e) => e.data.toString('latin1')).join('\n')}`;
  } catch {
    return bytes.toString('latin1');
  }
}

describe('a partner report with a failure, end to end', () => {
  // The certification's own deadline (600 s) and a minute to open the reports: a slow run fails on that deadline, with its output, not on npm test's 600 s per test.
  it("holds the failure's attachments, makes no request when opened, and leaves no password in the run's folder", { timeout: 660_000 }, async () => {
    const password = 'Db-Pw-Selftest-8841';
    const run = await runCli(['certify', '--plan', join(import.meta.dirname, 'plans', 'partner-report.yaml'), '--fault', 'sms-silent'], {
      env: { DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:5432/postgres` },
      timeoutMs: 600_000,
      prefix: 'partner-report-e2e-',
    });
    const explain = `exit ${run.code}:\n${run.output.slice(-4000)}`;
    const runDir = join(run.reportsDir, readdirSync(run.reportsDir).find((d) => d !== 'history') ?? '');
    const certificate = JSON.parse(readFileSync(join(runDir, 'certificate.json'), 'utf8')) as Certificate;
    assert.equal(run.code, 1, explain);
    assert.equal(certificate.verdict, 'NO-GO', explain);
    assert.doesNotMatch(run.output, new RegExp(password));

    // The Veilis customer's SMS never came: its report has the failed result and what the hooks attached to it.
    const results = join(runDir, 'partners', 'veilis', 'allure-results');
    const failed = readdirSync(results).filter((f) => f.endsWith('-result.json')).map((f) => JSON.parse(readFileSync(join(results, f), 'utf8')) as { uuid: string; status: string; statusDetails?: { message?: string } }).filter((r) => r.status === 'failed');
    assert.equal(failed.length, 1, explain);
    assert.match(failed[0]?.statusDetails?.message ?? '', /SMS/);
    const containers = readdirSync(results).filter((f) => f.endsWith('-container.json')).map((f) => readFileSync(join(results, f), 'utf8')).filter((c) => c.includes(failed[0]?.uuid ?? '-'));
    const sources = containers.flatMap((c) => [...c.matchAll(/"source":"([^"]+)"/g)].map((m) => m[1] ?? ''));
    const names = containers.flatMap((c) => [...c.matchAll(/"name":"([^"]+\.(?:png|txt|zip))"/g)].map((m) => m[1] ?? ''));
    assert.deepEqual([...new Set(names)].sort(), ['console-errors.txt', 'playwright-trace.zip', 'screenshot.png', 'third-parties.txt'], containers.join('\n'));
    for (const source of sources) assert.ok(existsSync(join(results, source)), `${source} is not in the partner's results`);
    // The SMS gateway's side of the story: nothing reached it for this customer.
    const journal = sources.filter((s) => s.endsWith('.txt')).map((s) => readFileSync(join(results, s), 'utf8')).join('\n');
    assert.match(journal, /Aucune requête n'a atteint un prestataire .* pour Camille/, journal);
    assert.ok(existsSync(join(results, 'categories.json')));
    assert.doesNotMatch(readFileSync(join(results, 'categories.json'), 'utf8'), /Test defects/);

    const reports = [certificate.reports.overall, ...Object.values(certificate.reports.partners), join(runDir, 'certificate.html'), join(runDir, 'coverage.html')].filter((f): f is string => f !== undefined);
    assert.equal(reports.length, 2 + 6 + 1, explain);
    const opened = await openReports(reports);
    assert.deepEqual(opened.filter((o) => o.requests.length > 0 || o.errors.length > 0), []);

    // The trace of the failed browser scenario recorded the customer's password typed at login: it was met, and masked.
    assert.match(certificate.notes.join('\n'), /^masking: .*-attachment\.zip/m, explain);
    for (const file of files(runDir)) {
      const text = content(file);
      assert.ok(!text.includes(password), `${file} holds the database password`);
      assert.doesNotMatch(text, /Qa-[A-Za-z0-9_-]{12}\b/, `${file} holds a customer's password`);
    }
  });
});

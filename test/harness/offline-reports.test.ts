// Self-test: every kind of report (overall, partner, certificate, coverage) opened in Chromium from file: makes no request to anyone.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { generateHtmlReport, writeHarnessResult, writeRunMetadata } from '../../harness/reports/allure.ts';
import { partnerLogo } from '../../harness/reports/certificate/branding.ts';
import { buildCertificate } from '../../harness/reports/certificate/build.ts';
import { renderCertificate } from '../../harness/reports/certificate/html.ts';
import { partnerReportTitle, splitResultsByPartner } from '../../harness/reports/certificate/partners.ts';
import { openReports } from '../../harness/reports/certificate/requests.ts';
import { computeCoverage } from '../../harness/coverage/compute.ts';
import { renderCoverage } from '../../harness/coverage/html.ts';

const catalog = loadCatalog();

describe('reports opened by a reader', () => {
  it('make no request: overall and partner Allure reports, certificate, coverage', async () => {
    const run = mkdtempSync(join(tmpdir(), 'offline-'));
    const results = join(run, 'allure-results');
    writeRunMetadata(results, { target: 'local' }, { name: 'test', buildName: 'r1' });
    writeHarnessResult(results, 'Le client reçoit un SMS', 'failed', '[sms] expected an SMS from VEILIS within 5000 ms', [{ name: 'partner', value: 'veilis' }]);
    writeHarnessResult(results, 'Chaque instance répond', 'passed', 'ok');
    const notes: string[] = [];
    assert.equal(await generateHtmlReport(results, join(run, 'report'), { notes }), undefined, notes.join('\n'));
    const [veilis] = splitResultsByPartner(results, join(run, 'partners'), catalog);
    const brand = { title: partnerReportTitle('Veilis'), language: 'fr' as const, logoSvg: partnerLogo(catalog, 'veilis') };
    assert.equal(await generateHtmlReport(veilis?.resultsDir ?? '', join(run, 'partners', 'veilis', 'report'), { notes, brand }), undefined);
    writeFileSync(join(run, 'coverage.html'), renderCoverage(computeCoverage(catalog, results), 'r1'));
    const metadata = { runId: 'r1', environment: 'local', plan: { name: 'p', file: 'p.yaml' }, startedAt: '', endedAt: '', commit: 'c', harnessVersion: '0', executor: 'x', node: 'v24', platform: { startVersion: 'v9', finalVersion: 'v10', instances: 1 } };
    const certificate = buildCertificate({ metadata, phases: [], partners: [], reports: { overall: join(run, 'report', 'index.html'), partners: {} }, coverage: { summary: '', unexercised: [], report: join(run, 'coverage.html') }, notes: [], evidence: { manifest: 'manifest.sha256', files: 0, bytes: 0, sha256: '' }, gateEvidence: {}, unattributed: [] });
    writeFileSync(join(run, 'certificate.html'), renderCertificate(certificate, (path) => path));
    const reports = [join(run, 'report', 'index.html'), join(run, 'partners', 'veilis', 'report', 'index.html'), join(run, 'certificate.html'), join(run, 'coverage.html')];

    const opened = await openReports(reports);
    assert.deepEqual(opened.map((o) => [o.file, o.requests, o.errors]), reports.map((file) => [file, [], []]));
  });

  it('records a request to a third party, so the check above can fail', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'offline-')), 'tagged.html');
    writeFileSync(page, '<!doctype html><html><head><script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST"></script></head><body>report</body></html>');
    const [opened] = await openReports([page]);
    assert.deepEqual(opened?.requests, ['https://www.googletagmanager.com/gtag/js?id=G-TEST']);
  });
});

// The certificate: GO only when every gate passed, every partner has a verdict, coverage is full and reports are clean.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { buildCertificate } from '../../harness/reports/certificate/build.ts';
import { hashEvidence } from '../../harness/reports/certificate/evidence.ts';
import { findLeaks, splitResultsByPartner } from '../../harness/reports/certificate/partners.ts';
import { maskFolder } from '../../harness/reports/certificate/secrets.ts';
import type { GateVerdict } from '../../harness/plan/gates.ts';
import type { PhaseRecord } from '../../harness/plan/runner.ts';

const catalog = loadCatalog();
const metadata = { runId: 'r', environment: 'local', plan: { name: 'p', file: 'p.yaml' }, startedAt: '', endedAt: '', commit: 'c', harnessVersion: '0', executor: 'x', node: 'v24', platform: { startVersion: 'v9', finalVersion: 'v10', instances: 2 } };
const findings = { passed: undefined, failed: 'product', incomplete: 'environment', interrupted: 'interrupted' } as const;
const everyPartnerPassed = Object.fromEntries(catalog.partners.map((p) => [p.id, { passed: 2 }]));
/** A phase with this gate verdict, whose scenarios gave each partner these counts (every partner passed by default). */
const phase = (id: string, verdict: GateVerdict, byPartner: Record<string, Record<string, number>> = everyPartnerPassed): PhaseRecord => ({
  id, title: id, startedAt: '', endedAt: '',
  steps: [{ step: 'migrate', status: verdict === 'passed' || verdict === 'failed' ? 'passed' : 'not-run', durationMs: 1, detail: '' }],
  results: { total: 0, byStatus: {}, flaky: 0, problems: [], byPartner },
  gate: { verdict, finding: findings[verdict], requires: [], reasons: verdict === 'passed' ? [] : [`${verdict}: why`] },
});
const partners = catalog.partners.map((p) => ({ partner: p.id, name: p.name, resultsDir: '' }));
const fullCoverage = { summary: 'all', unexercised: [], report: 'coverage.html' };
const build = (overrides: Partial<Parameters<typeof buildCertificate>[0]>) =>
  buildCertificate({ metadata, phases: [phase('migration', 'passed')], partners, reports: { overall: undefined, partners: {} }, coverage: fullCoverage, notes: [], evidence: { manifest: 'manifest.sha256', files: 0, bytes: 0, sha256: '' }, gateEvidence: {}, unattributed: [], ...overrides });

function resultsDir(results: { name: string; partner?: string; status: string; text?: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'results-'));
  results.forEach((r, i) => writeFileSync(join(dir, `${i}-result.json`), JSON.stringify({ name: r.name, status: r.status, description: r.text ?? '', labels: r.partner ? [{ name: 'partner', value: r.partner }] : [] })));
  return dir;
}

describe('the certificate', () => {
  it('says GO (exit 0) when every gate passed and every partner passed', () => {
    assert.deepEqual([build({}).verdict, build({}).exitCode], ['GO', 0]);
  });

  it('says NO-GO (exit 1) when a gate failed, naming it', () => {
    const certificate = build({ phases: [phase('migration', 'passed'), phase('smoke', 'failed')] });
    assert.deepEqual([certificate.verdict, certificate.exitCode], ['NO-GO', 1]);
    assert.match(certificate.why, /smoke/);
  });

  it('says INCOMPLETE (exit 3), never GO nor NO-GO, when the environment kept a phase from running', () => {
    const certificate = build({ phases: [phase('migration', 'incomplete')] });
    assert.deepEqual([certificate.verdict, certificate.exitCode], ['INCOMPLETE', 3]);
    assert.match(certificate.why, /phase migration incomplete/);
  });

  it('says NO-GO when a product defect was seen beside a broken environment', () => {
    assert.equal(build({ phases: [phase('regression', 'incomplete'), phase('smoke', 'failed')] }).exitCode, 1);
  });

  it('says INTERRUPTED (exit 130) when a signal stopped the run, whatever the gates said, and so does every partner', () => {
    const certificate = build({ phases: [phase('smoke', 'failed')], interrupted: '[interrupted] by SIGINT: partial' });
    assert.deepEqual([certificate.verdict, certificate.exitCode], ['INTERRUPTED', 130]);
    assert.ok(certificate.partners.every((p) => p.verdict === 'INTERRUPTED'));
  });

  it('says INCOMPLETE (exit 4) when a partner was exercised by no scenario', () => {
    const { [catalog.partners[0]?.id ?? '']: _first, ...others } = everyPartnerPassed;
    const certificate = build({ phases: [phase('migration', 'passed', others)] });
    assert.deepEqual([certificate.verdict, certificate.exitCode], ['INCOMPLETE', 4]);
    assert.equal(certificate.partners[0]?.verdict, 'INCOMPLETE');
  });

  it('gives INCOMPLETE, not GO, to a partner one of whose scenarios had an undefined step', () => {
    const id = catalog.partners[0]?.id ?? '';
    const certificate = build({ phases: [phase('migration', 'passed', { ...everyPartnerPassed, [id]: { passed: 1, undefined: 1 } })] });
    assert.equal(certificate.partners[0]?.verdict, 'INCOMPLETE');
    assert.match(certificate.partners[0]?.why ?? '', /1 of its 2 scenarios were not tested/);
  });

  it('says INCOMPLETE when a catalog entry is exercised by no scenario', () => {
    assert.equal(build({ coverage: { ...fullCoverage, unexercised: ['cameraModels:x'] } }).verdict, 'INCOMPLETE');
  });

  it('gives NO-GO to a partner with a failed scenario and GO to the others', () => {
    const id = catalog.partners[1]?.id ?? '';
    const certificate = build({ phases: [phase('migration', 'passed', { ...everyPartnerPassed, [id]: { passed: 1, failed: 1 } })] });
    assert.deepEqual(certificate.partners.map((p) => p.verdict).slice(0, 3), ['GO', 'NO-GO', 'GO']);
  });

  it('gives each partner only its own results', () => {
    const [first, second] = catalog.partners;
    const dir = resultsDir([{ name: 'a', partner: first?.id, status: 'passed' }, { name: 'b', partner: second?.id, status: 'failed' }, { name: 'health', status: 'passed' }]);
    const split = splitResultsByPartner(dir, mkdtempSync(join(tmpdir(), 'partners-')), catalog);
    const names = (i: number) => readdirSync(split[i]?.resultsDir ?? '').filter((f) => f.endsWith('-result.json')).map((f) => (JSON.parse(readFileSync(join(split[i]?.resultsDir ?? '', f), 'utf8')) as { name: string }).name);
    assert.deepEqual([names(0), names(1)], [['a'], ['b']]);
  });

  it('leaves out of a partner\'s copy the Examples table that lists every brand, keeping the other attachments', () => {
    const [first] = catalog.partners;
    const dir = mkdtempSync(join(tmpdir(), 'results-'));
    writeFileSync(join(dir, 'table-attachment.csv'), 'marque\nVeilis\nAssur Plus Protect');
    writeFileSync(join(dir, 'shot-attachment.png'), 'png');
    const attachments = [{ name: 'Examples', source: 'table-attachment.csv', type: 'text/csv' }, { name: 'screenshot', source: 'shot-attachment.png', type: 'image/png' }];
    writeFileSync(join(dir, 'a-result.json'), JSON.stringify({ name: 'a', status: 'passed', labels: [{ name: 'partner', value: first?.id }], attachments, steps: [] }));
    const [split] = splitResultsByPartner(dir, mkdtempSync(join(tmpdir(), 'partners-')), catalog);
    const copy = JSON.parse(readFileSync(join(split?.resultsDir ?? '', 'a-result.json'), 'utf8')) as { attachments: { name: string }[] };
    assert.deepEqual(copy.attachments.map((a) => a.name), ['screenshot']);
    assert.ok(existsSync(join(split?.resultsDir ?? '', 'shot-attachment.png')));
    assert.ok(!existsSync(join(split?.resultsDir ?? '', 'table-attachment.csv')));
  });

  it('finds another partner\'s brand in a partner report', () => {
    const [first, second] = catalog.partners;
    const brand = catalog.whiteLabels.find((w) => w.partner === second?.id)?.brand ?? '';
    const dir = resultsDir([{ name: 'a', partner: first?.id, status: 'passed', text: `login page of ${brand}` }]);
    const leaks = findLeaks([dir], catalog, first?.id ?? '');
    assert.ok(leaks.some((l) => l.mark === brand && l.owner === second?.id), JSON.stringify(leaks));
    assert.ok(leaks.every((l) => l.owner === second?.id));
    assert.deepEqual(findLeaks([dir], catalog, second?.id ?? ''), []);
  });

  it('finds a customer password, a password in a URL and a secret value in report files, and masks each file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
    writeFileSync(join(dir, 'a.json'), '{"message":"login with Qa-AbCdEfGhIjKl failed"}');
    writeFileSync(join(dir, 'b.txt'), 'postgres://postgres:hunter22@127.0.0.1/x');
    writeFileSync(join(dir, 'c.txt'), 'token s3cr3t-value');
    writeFileSync(join(dir, 'clean.txt'), 'postgres://postgres:***@127.0.0.1/x');
    const findings = maskFolder(dir, ['s3cr3t-value']);
    assert.deepEqual(findings.map((f) => f.split(' ')[0]).sort(), ['a.json', 'b.txt', 'c.txt']);
    assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), 'postgres://postgres:***@127.0.0.1/x');
    assert.equal(readFileSync(join(dir, 'c.txt'), 'utf8'), 'token ***');
    assert.deepEqual(maskFolder(dir, ['s3cr3t-value']), []);
  });

  it('hashes every evidence file with SHA-256', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'x.txt'), 'abc');
    assert.deepEqual(hashEvidence(dir, () => false), [{ file: 'sub/x.txt', bytes: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' }]);
  });
});

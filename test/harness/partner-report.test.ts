// A partner's results: the failure's evidence (attached in the hooks' container) copied, French categories, and nothing internal left.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { partnerText } from '../../harness/reports/certificate/partner-text.ts';
import { splitResultsByPartner } from '../../harness/reports/certificate/partners.ts';
import { excerpt } from '../../steps/support/journal-excerpt.ts';
import { readZip, writeZip } from '../../lib/zip.ts';

const catalog = loadCatalog();

function failedRun(): string {
  const dir = mkdtempSync(join(tmpdir(), 'results-'));
  const message = "AssertionError [ERR_ASSERTION]: [sms] expected an SMS from VEILIS to +33600000001 within 5000 ms; the gateway received none\n    at Object.expectSms (/home/ci/work/harness/drivers/sms.ts:42:11)\n    at async World.<anonymous> (file:///home/ci/work/harness/steps/sms.steps.ts:20:3)";
  writeFileSync(join(dir, 'r1-result.json'), JSON.stringify({
    uuid: 'r1', name: 'Le client reçoit un SMS', status: 'failed', description: 'Note interne : environnement local seulement.',
    statusDetails: { message, trace: message },
    labels: [{ name: 'partner', value: 'veilis' }, { name: 'parentSuite', value: 'veilis' }, { name: 'tag', value: '@v9' }, { name: 'host', value: 'build-7' }, { name: 'feature', value: 'Alertes SMS' }],
    steps: [{ name: 'Alors "Camille" reçoit un SMS', status: 'failed', statusDetails: { message, trace: message }, attachments: [] }],
  }));
  writeFileSync(join(dir, 'r2-result.json'), JSON.stringify({ uuid: 'r2', name: 'autre', status: 'passed', labels: [{ name: 'partner', value: 'hexaline' }] }));
  const afters = [{ name: 'After', status: 'passed', attachments: [
    { name: 'screenshot.png', source: 'shot-attachment.png', type: 'image/png' },
    { name: 'console-errors.txt', source: 'console-attachment.txt', type: 'text/plain' },
    { name: 'playwright-trace.zip', source: 'trace-attachment.zip', type: 'application/zip' },
  ] }];
  writeFileSync(join(dir, 'c1-container.json'), JSON.stringify({ uuid: 'c1', children: ['r1'], befores: [], afters }));
  writeFileSync(join(dir, 'c2-container.json'), JSON.stringify({ uuid: 'c2', children: ['r2'], befores: [], afters: [] }));
  writeFileSync(join(dir, 'shot-attachment.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'console-attachment.txt'), 'TypeError: x is undefined\n    at render (/srv/customer-space/app.js:1:2)');
  writeFileSync(join(dir, 'trace-attachment.zip'), writeZip([{ name: 'trace.stacks', data: Buffer.from('{"files":["/home/ci/work/harness/steps/sms.steps.ts"]}') }, { name: 'resources/shot.jpeg', data: Buffer.from([0xff, 0xd8]) }]));
  return dir;
}

describe("a partner's report results", () => {
  const dir = failedRun();
  const veilis = splitResultsByPartner(dir, mkdtempSync(join(tmpdir(), 'partners-')), catalog).find((p) => p.partner === 'veilis');
  const out = veilis?.resultsDir ?? '';

  it("holds the failure's screenshot, console errors and trace, with the hooks' container that attaches them", () => {
    assert.ok(existsSync(join(out, 'c1-container.json')));
    assert.ok(!existsSync(join(out, 'c2-container.json')), "another partner's container");
    for (const file of ['shot-attachment.png', 'console-attachment.txt', 'trace-attachment.zip']) assert.ok(existsSync(join(out, file)), file);
  });

  it('has French categories by kind, the product defect matching only a message that is neither environment nor configuration', () => {
    const categories = JSON.parse(readFileSync(join(out, 'categories.json'), 'utf8')) as { name: string; messageRegex?: string }[];
    assert.deepEqual(categories.map((c) => c.name), ['Environnement en panne', 'Erreur de configuration', 'Instable (réussi au nouvel essai)', 'Défaut du produit', 'Anomalie du banc de test']);
    // Allure matches the whole message (Java's String.matches), hence the anchors.
    const product = new RegExp(`^(?:${(categories[3]?.messageRegex ?? '').replace('(?s)', '')})$`, 's');
    assert.ok(product.test('[sms] expected an SMS'));
    assert.ok(!product.test('[environment] the database is down'));
  });

  it('carries no stack frame, machine path, internal note or tag, and keeps the business message', () => {
    const text = readdirSync(out).filter((f) => /\.(json|txt)$/.test(f)).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    assert.doesNotMatch(text, /\bat (Object|async|render)\b/);
    assert.doesNotMatch(text, /\/home\/ci|\/srv\//);
    assert.doesNotMatch(text, /Note interne|"tag"|build-7|"trace"/);
    assert.match(text, /"message":"\[sms\] expected an SMS from VEILIS to \+33600000001 within 5000 ms; the gateway received none"/);
    assert.match(text, /"feature","value":"Alertes SMS"/);
    assert.match(text, /"parentSuite","value":"Veilis"/);
  });

  it("reduces the machine's paths in the trace, keeping its other entries", () => {
    const entries = readZip(readFileSync(join(out, 'trace-attachment.zip')));
    assert.deepEqual(entries.map((e) => e.name), ['trace.stacks', 'resources/shot.jpeg']);
    assert.equal(entries[0]?.data.toString(), '{"files":["…/sms.steps.ts"]}');
    assert.deepEqual([...(entries[1]?.data ?? [])], [0xff, 0xd8]);
  });

  it('shortens absolute paths to their file name but leaves URLs alone', () => {
    assert.equal(partnerText('see /tmp/kw-harness/r1/logs/platform-i01.log and http://127.0.0.1:4000/api/events'), 'see …/platform-i01.log and http://127.0.0.1:4000/api/events');
  });

  it("attaches what the third parties received for the scenario's own customers only, or says that nothing reached them", () => {
    const camille = { name: 'Camille', email: 'camille.1@veilis.example', phone: '+33612345678' };
    const entry = (id: number, rawBody: string) => ({ id, service: 'sms', method: 'POST', path: '/sms/send', query: '', headers: {}, body: null, rawBody, at: '2026-12-03T10:00:00Z', handled: true, fault: 'none' as const, status: 200 });
    const text = excerpt([entry(1, '{"to":"+33612345678","from":"VEILIS"}'), entry(2, '{"to":"+33699999999","from":"HEXALINE"}')], [camille]);
    assert.match(text, /pour Camille/);
    assert.match(text, /VEILIS/);
    assert.doesNotMatch(text, /HEXALINE/);
    assert.match(excerpt([entry(2, '{"to":"+33699999999"}')], [camille]), /Aucune requête n'a atteint un prestataire .* pour Camille/);
  });
});

// The certificate's evidence: a manifest of every file with its SHA-256 and one digest over it; per gate the few files that prove it.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gateEvidence, writeManifest } from '../../harness/reports/certificate/evidence.ts';

function run(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
  const phase = join(dir, 'phases', 'smoke', 'allure-results');
  mkdirSync(phase, { recursive: true });
  writeFileSync(join(phase, 'a-result.json'), JSON.stringify({ uuid: 'a', status: 'passed' }));
  writeFileSync(join(phase, 'b-result.json'), JSON.stringify({ uuid: 'b', status: 'failed', steps: [{ attachments: [{ source: 'log-attachment.txt' }] }] }));
  writeFileSync(join(phase, 'c-container.json'), JSON.stringify({ children: ['b'], afters: [{ attachments: [{ source: 'shot-attachment.png' }] }] }));
  writeFileSync(join(phase, 'd-container.json'), JSON.stringify({ children: ['b'], afters: [{ attachments: [] }] }));
  writeFileSync(join(phase, 'log-attachment.txt'), 'journal');
  writeFileSync(join(phase, 'shot-attachment.png'), 'png');
  writeFileSync(join(dir, 'certificate.json'), '{}');
  return dir;
}

describe('the evidence of a run', () => {
  it('lists every file but the certificate in manifest.sha256, and gives the SHA-256 of that manifest', () => {
    const dir = run();
    const digest = writeManifest(dir, (file) => file.startsWith('certificate.'));
    const manifest = readFileSync(join(dir, 'manifest.sha256'), 'utf8');
    const listed = manifest.trim().split('\n').map((line) => line.split('  ')[1]);
    assert.deepEqual(listed, ['phases/smoke/allure-results/a-result.json', 'phases/smoke/allure-results/b-result.json', 'phases/smoke/allure-results/c-container.json', 'phases/smoke/allure-results/d-container.json', 'phases/smoke/allure-results/log-attachment.txt', 'phases/smoke/allure-results/shot-attachment.png']);
    assert.match(manifest, /^[0-9a-f]{64} {2}phases\/smoke\/allure-results\/log-attachment\.txt$/m);
    assert.equal(digest.files, 6);
    assert.equal(digest.sha256, createHash('sha256').update(manifest).digest('hex'));
  });

  it("proves a failed gate by the failed results with their attachments and the hooks' containers that attached something, not by every file", () => {
    const files = gateEvidence(run(), 'smoke').map((e) => e.file.replace('phases/smoke/allure-results/', ''));
    assert.deepEqual(files, ['b-result.json', 'log-attachment.txt', 'c-container.json', 'shot-attachment.png']);
  });

  it('proves a passed gate by one of its results (the manifest holds the rest), and a phase without results by none', () => {
    const dir = run();
    writeFileSync(join(dir, 'phases', 'smoke', 'allure-results', 'b-result.json'), JSON.stringify({ uuid: 'b', status: 'passed' }));
    assert.deepEqual(gateEvidence(dir, 'smoke').map((e) => e.file), ['phases/smoke/allure-results/a-result.json']);
    assert.deepEqual(gateEvidence(dir, 'migration'), []);
  });
});

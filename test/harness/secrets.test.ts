// Self-test of the masking: a password placed in each kind of input appears in no file of the run's folder afterwards, binary attachments included.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildCertificate } from '../../harness/reports/certificate/build.ts';
import { checkWrittenFiles, maskFolder } from '../../harness/reports/certificate/secrets.ts';
import { environmentSecrets, registerSecret } from '../../lib/mask.ts';
import { readZip, writeZip } from '../../lib/zip.ts';

const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

/** Every byte of the tree, and the inflated content of every zip in it: what `grep -r` and `unzip -p | grep` would see. */
function everything(dir: string): string {
  return files(dir).map((file) => {
    const bytes = readFileSync(file);
    let inner = '';
    try {
      inner = readZip(bytes).map((e) => e.data.toString('latin1')).join('\n');
    } catch {
      // Not a zip.
    }
    return `${bytes.toString('latin1')}\n${inner}`;
  }).join('\n');
}

describe('masking a run folder', () => {
  const instancePassword = 'Inst-Pw-7391';
  const queryPassword = 'Query-Pw-4820';
  const accountPassword = 'Acct-Pw-5512';
  const bearer = 'eyJhbGciOiJIUzI1NiJ9.abcdefghijkl';
  const customer = 'Qa-ZyXwVuTsRqPo';
  const env = { PREPROD_INSTANCES: `i01=https://ops:${instancePassword}@host-1,i02=https://host-2` };
  registerSecret(accountPassword);
  const secrets = [...environmentSecrets(env), accountPassword];
  const all = [instancePassword, queryPassword, accountPassword, bearer, customer];
  const line = `GET https://ops:${instancePassword}@host-1/api db=postgres://ro@db/events?password=${queryPassword} Authorization: Bearer ${bearer} login ${customer} / ${accountPassword}`;

  function runFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'masking-'));
    mkdirSync(join(dir, 'allure-results'));
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ notes: [line] }));
    writeFileSync(join(dir, 'allure-results', 'a-result.json'), JSON.stringify({ statusDetails: { message: line } }));
    writeFileSync(join(dir, 'allure-results', 'console-attachment.txt'), line);
    writeFileSync(join(dir, 'allure-results', 'trace-attachment.zip'), writeZip([{ name: 'trace.trace', data: Buffer.from(`{"params":{"value":"${accountPassword}"},"url":"${line}"}`) }, { name: 'resources/x.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]) }]));
    writeFileSync(join(dir, 'allure-results', 'shot-attachment.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0]), Buffer.from(accountPassword), Buffer.from([0xff])]));
    writeFileSync(join(dir, 'logs', 'platform-i01.log'), `${line}\n`);
    writeFileSync(join(dir, 'certificate.html'), `<p>${line}</p>`);
    return dir;
  }

  it('finds the passwords in every file before masking (the check below is not vacuous)', () => {
    const text = everything(runFolder());
    // Deflated in the zip, the trace's password is not in its raw bytes: only inflating the entries finds it.
    assert.ok(!readFileSync(join(runFolder(), 'allure-results', 'trace-attachment.zip')).toString('latin1').includes(accountPassword));
    for (const secret of all) assert.ok(text.includes(secret), secret);
  });

  it('leaves none of them in any file, zip entries and binary attachments included, and names each file it replaced', () => {
    const dir = runFolder();
    const findings = maskFolder(dir, secrets);
    assert.equal(findings.length, 7, findings.join('\n'));
    const text = everything(dir);
    for (const secret of all) assert.ok(!text.includes(secret), `${secret} is still in the run's folder`);
    for (const finding of findings) for (const secret of all) assert.ok(!finding.includes(secret));
    assert.match(readFileSync(join(dir, 'logs', 'platform-i01.log'), 'utf8'), /https:\/\/ops:\*\*\*@host-1\/api/);
  });

  it('keeps a masked zip readable and a binary file the same but for the secret', () => {
    const dir = runFolder();
    maskFolder(dir, secrets);
    const entries = readZip(readFileSync(join(dir, 'allure-results', 'trace-attachment.zip')));
    assert.deepEqual(entries.map((e) => e.name), ['trace.trace', 'resources/x.png']);
    assert.deepEqual([...(entries[1]?.data ?? [])], [0x89, 0x50, 0x4e, 0x47, 0]);
    assert.deepEqual([...readFileSync(join(dir, 'allure-results', 'shot-attachment.png'))], [0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0, 42, 42, 42, 0xff]);
  });

  it('makes a run INCOMPLETE when a written file still held a secret, naming the file, not the secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'masking-'));
    writeFileSync(join(dir, 'coverage.html'), `<p>${line}</p>`);
    writeFileSync(join(dir, 'clean.txt'), 'nothing to hide');
    const notes = checkWrittenFiles(dir, secrets);
    assert.deepEqual(notes, ['[report] coverage.html held a secret; it was replaced by its masked copy']);
    const metadata = { runId: 'r', environment: 'local', plan: { name: 'p', file: 'p.yaml' }, startedAt: '', endedAt: '', commit: 'c', harnessVersion: '0', executor: 'x', node: 'v24', platform: { startVersion: 'v9', finalVersion: 'v10', instances: 1 } };
    const certificate = buildCertificate({ metadata, phases: [], partners: [], reports: { overall: undefined, partners: {} }, coverage: { summary: '', unexercised: [], report: '' }, notes, evidence: { manifest: 'manifest.sha256', files: 0, bytes: 0, sha256: '' }, gateEvidence: {}, unattributed: [] });
    assert.equal(certificate.verdict, 'INCOMPLETE');
    assert.deepEqual(checkWrittenFiles(dir, secrets), []);
  });
});

// The Allure formatter's writer: each scenario's files under the names Allure's own writer gives them, the rest left to it.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { unsyncedWriter } from '../../harness/reports/allure-formatter.ts';

describe('the Allure formatter\'s writer', () => {
  it('writes results, containers and attachments under Allure\'s names, and leaves the environment file to Allure\'s writer', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'allure-writer-')), 'results');
    const delegated: string[] = [];
    const allure = {
      config: { resultsDir: dir },
      writeResult: (_result: { uuid: string }) => void delegated.push('result'),
      writeGroup: (_result: { uuid: string }) => void delegated.push('group'),
      writeAttachment: (_name: string, _content: Buffer) => void delegated.push('attachment'),
      writeAttachmentFromPath: (_name: string, _from: string) => void delegated.push('attachment from path'),
      writeEnvironmentInfo(info: Record<string, string>) {
        delegated.push(`environment of ${this.config.resultsDir}: ${Object.keys(info).join(',')}`);
      },
    };
    const writer = unsyncedWriter(allure, dir);
    const source = join(dir, '..', 'trace.zip');
    writeFileSync(source, 'PK zipped');
    writer.writeResult({ uuid: 'u1', name: 'Le client reçoit son SMS' } as { uuid: string });
    writer.writeGroup({ uuid: 'g1', children: ['u1'] } as { uuid: string });
    writer.writeAttachment('a1-attachment.txt', Buffer.from('évidence'));
    writer.writeAttachmentFromPath('a2-attachment.zip', source);
    writer.writeEnvironmentInfo({ run: 'r1' });

    assert.deepEqual(readdirSync(dir).sort(), ['a1-attachment.txt', 'a2-attachment.zip', 'g1-container.json', 'u1-result.json']);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'u1-result.json'), 'utf8')), { uuid: 'u1', name: 'Le client reçoit son SMS' });
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'g1-container.json'), 'utf8')), { uuid: 'g1', children: ['u1'] });
    assert.equal(readFileSync(join(dir, 'a1-attachment.txt'), 'utf8'), 'évidence');
    assert.equal(readFileSync(join(dir, 'a2-attachment.zip'), 'utf8'), 'PK zipped');
    assert.deepEqual(delegated, [`environment of ${dir}: run`], 'only what is not per scenario goes to Allure\'s writer, with its own settings');
  });
});

// Allure plumbing: results are counted by status, and a broken set-up shows as a broken result.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { summarizeResults, writeBrokenResult, writeRunMetadata } from '../../harness/allure.ts';

describe('Allure results', () => {
  it('records a broken set-up as a broken result carrying its message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allure-'));
    writeBrokenResult(dir, 'Environment set-up', '[environment] PostgreSQL at postgres://x:***@h:1/db is unreachable');
    const summary = summarizeResults(dir);
    assert.equal(summary.total, 1);
    assert.deepEqual(summary.byStatus, { broken: 1 });
    assert.match(summary.problems[0]?.message ?? '', /unreachable/);
  });

  it('counts passed and failed results and lists only the problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allure-'));
    writeFileSync(join(dir, 'a-result.json'), JSON.stringify({ name: 'ok', status: 'passed' }));
    writeFileSync(join(dir, 'b-result.json'), JSON.stringify({ name: 'sms', status: 'failed', statusDetails: { message: 'no SMS\n  i02 does not answer\n    at stack (x.ts:1:1)' } }));
    const summary = summarizeResults(dir);
    assert.deepEqual(summary.byStatus, { passed: 1, failed: 1 });
    assert.deepEqual(summary.problems, [{ name: 'sms', status: 'failed', message: 'no SMS i02 does not answer' }]);
  });

  it('counts a pass after a failed attempt as flaky, and a scenario that passed twice as not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allure-'));
    writeFileSync(join(dir, 'a1-result.json'), JSON.stringify({ name: 'retried', historyId: 'a', status: 'failed', stop: 1 }));
    writeFileSync(join(dir, 'a2-result.json'), JSON.stringify({ name: 'retried', historyId: 'a', status: 'passed', stop: 2 }));
    writeFileSync(join(dir, 'b1-result.json'), JSON.stringify({ name: 'twice', historyId: 'b', status: 'passed', stop: 1 }));
    writeFileSync(join(dir, 'b2-result.json'), JSON.stringify({ name: 'twice', historyId: 'b', status: 'passed', stop: 2 }));
    const summary = summarizeResults(dir);
    assert.deepEqual([summary.total, summary.flaky, summary.byStatus], [2, 1, { passed: 2 }]);
  });

  it('writes the environment widget and categories that tell a broken environment from a product defect', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allure-'));
    writeRunMetadata(dir, { target: 'local', 'platform.version': 'v10' }, { name: 'local', buildName: 'r1' });
    assert.deepEqual(readdirSync(dir).sort(), ['categories.json', 'environment.properties', 'executor.json']);
    assert.match(readFileSync(join(dir, 'environment.properties'), 'utf8'), /^target=local\nplatform\.version=v10\n$/);
    const names = (JSON.parse(readFileSync(join(dir, 'categories.json'), 'utf8')) as { name: string }[]).map((c) => c.name);
    assert.ok(names.includes('Broken environment') && names.includes('Product defect'));
  });
});

// Allure plumbing (the report only): a broken set-up shows as a broken result, and the categories tell defects apart.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeBrokenResult, writeRunMetadata } from '../../harness/reports/allure.ts';

describe('Allure results', () => {
  it('records a broken set-up as a broken result carrying its message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'allure-'));
    writeBrokenResult(dir, 'Environment set-up', '[environment] PostgreSQL at postgres://x:***@h:1/db is unreachable');
    const [file] = readdirSync(dir);
    const result = JSON.parse(readFileSync(join(dir, file ?? ''), 'utf8')) as { status: string; statusDetails: { message: string } };
    assert.equal(result.status, 'broken');
    assert.match(result.statusDetails.message, /unreachable/);
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

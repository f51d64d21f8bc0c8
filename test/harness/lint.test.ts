// The project lint: each rule catches what it is for, and the project itself is clean.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintProject, lintSource } from '../../harness/lint.ts';

const header = '// A purpose.\n';

describe('project lint', () => {
  it('finds no problem in the project as committed', () => {
    assert.deepEqual(lintProject(), []);
  });

  it('refuses a harness file that imports the stand-in platform', () => {
    const problems = lintSource('drivers/x.ts', `${header}import { start } from '../sandbox/server.ts';\n`);
    assert.equal(problems[0]?.rule, 'layer-boundary');
    assert.match(problems[0]?.message ?? '', /drivers\/ may not import sandbox\//);
  });

  it('refuses an import that reaches into another folder past its index', () => {
    const problems = lintSource('steps/x.ts', `${header}import { PlatformApi } from '../drivers/platform-api.ts';\n`);
    assert.deepEqual(problems.map((p) => p.rule), ['folder-surface']);
  });

  it('accepts an import through a folder index', () => {
    assert.deepEqual(lintSource('steps/x.ts', `${header}import { PlatformApi } from '../drivers/index.ts';\n`), []);
  });

  it('refuses a fixed sleep in steps', () => {
    const problems = lintSource('steps/x.ts', `${header}await page.waitForTimeout(500);\n`);
    assert.deepEqual(problems.map((p) => [p.rule, p.line]), [['no-sleep', 2]]);
  });

  it('refuses a file without a purpose comment', () => {
    assert.deepEqual(lintSource('lib/x.ts', 'export const a = 1;\n').map((p) => p.rule), ['purpose-comment']);
  });

  it('refuses a focused test or scenario', () => {
    // Spelled in pieces so that this file is not itself a focused test to the lint.
    const focus = ['it', 'only'].join('.');
    assert.deepEqual(lintSource('test/x.test.ts', `${header}${focus}('a', () => {});\n`).map((p) => p.rule), ['no-focus']);
    assert.deepEqual(lintSource('features/x.feature', `  @${'only'}\n`).map((p) => p.rule), ['no-focus']);
  });
});

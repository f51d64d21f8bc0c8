// The project lint: each rule catches what it is for, and the project itself is clean.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importCycles, lintProject, lintSource, unusedIndexExports } from '../../tools/lint.ts';

const header = '// A purpose.\n';

describe('project lint', () => {
  it('finds no problem in the project as committed', () => {
    assert.deepEqual(lintProject(), []);
  });

  it('finds import cycles, type-only imports included, and only them', () => {
    const files = new Map([
      ['harness/plan/gates.ts', "import type { StepRecord } from './runner.ts';\n"],
      ['harness/plan/runner.ts', "import { evaluateGate } from './gates.ts';\nimport { x } from '../verdict.ts';\n"],
      ['harness/verdict.ts', ''],
      ['steps/a.ts', "export { b } from './b.ts';\n"],
      ['steps/b.ts', "const c = await import('./c.ts');\n"],
      ['steps/c.ts', "import './a.ts';\n"],
      ['lib/self.ts', "import './self.ts';\n"],
    ]);
    assert.deepEqual(importCycles(files), [['harness/plan/gates.ts', 'harness/plan/runner.ts'], ['lib/self.ts'], ['steps/a.ts', 'steps/b.ts', 'steps/c.ts']]);
  });

  it("finds the names a folder's index.ts exports that no other folder imports, and only them", () => {
    const files = new Map([
      ['drivers/index.ts', "// Surface.\nexport { used, renamed, unused, type UsedType, type UnusedType } from './a.ts';\nexport function declaredUnused() {}\n"],
      ['drivers/inner.ts', "import { unused, declaredUnused } from './index.ts';\n"],
      ['steps/x.ts', "import {\n  used,\n  renamed as other,\n  type UsedType,\n} from '../drivers/index.ts';\n"],
      ['test/y.ts', "import { unused as elsewhere } from '../drivers/a.ts';\n"],
      ['simulators/index.ts', "// Surface.\nexport { anything } from './b.ts';\n"],
      ['bench/z.ts', "const all = await import('../simulators/index.ts');\n"],
    ]);
    assert.deepEqual(unusedIndexExports(files).map((p) => `${p.file}:${p.line} ${p.message.split(' ')[0]}`), ['drivers/index.ts:2 unused', 'drivers/index.ts:2 UnusedType', 'drivers/index.ts:3 declaredUnused']);
  });

  it('refuses a benchmark that reaches into the stand-in platform, but lets it use the harness', () => {
    assert.equal(lintSource('bench/x.ts', `${header}import { certifyRun } from './run.ts';\n`).length, 0);
    assert.equal(lintSource('bench/x.ts', `${header}import { x } from '../sandbox/server.ts';\n`)[0]?.rule, 'layer-boundary');
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

  it('applies per-folder rules inside a layer (folderDeps): report plumbing runs no plan, a kind imports no other kind', () => {
    assert.deepEqual(lintSource('harness/reports/x.ts', `${header}import { gateVerdict } from '../plan/gates.ts';\nimport { v } from '../verdict.ts';\n`), []);
    const reports = lintSource('harness/reports/x.ts', `${header}import { playPlan } from '../plan/load.ts';\n`);
    assert.deepEqual(reports.map((p) => p.rule), ['folder-deps']);
    assert.match(reports[0]?.message ?? '', /harness\/reports\/ may not import harness\/plan\/load\.ts/);
    assert.deepEqual(lintSource('environments/kinds/x.ts', `${header}import { local } from './local.ts';\n`), []);
    assert.deepEqual(lintSource('environments/kinds/x.ts', `${header}import { start } from '../instances.ts';\n`).map((p) => p.rule), ['folder-deps']);
  });

  it('lets only the registry import the environment kinds', () => {
    assert.deepEqual(lintSource('environments/registry.ts', `${header}import { local } from './kinds/local.ts';\n`), []);
    const problems = lintSource('environments/index.ts', `${header}import { local } from './kinds/local.ts';\n`);
    assert.match(problems[0]?.message ?? '', /environments\/kinds\/ is imported only by environments\/registry\.ts/);
  });

  it('covers the developer tools, which drive the harness but never the stand-in platform', () => {
    assert.deepEqual(lintSource('tools/x.ts', `${header}import { certifyRun } from './run.ts';\n`), []);
    assert.equal(lintSource('tools/x.ts', `${header}import { x } from '../sandbox/server.ts';\n`)[0]?.rule, 'layer-boundary');
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

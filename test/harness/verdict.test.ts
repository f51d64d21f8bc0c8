// One exit vocabulary: what was found gives the verdict word and the exit code, by a fixed precedence.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { suitePaths } from '../../harness/suite-paths.ts';
import { removeRunTemp } from '../../harness/temp.ts';
import { decide, findingOfMessage, type Finding } from '../../harness/verdict.ts';

const of = (...findings: Finding[]) => decide(findings.map((finding) => ({ finding, why: `${finding} happened` })), 'all passed');

describe('the exit vocabulary', () => {
  it('says GO (0) when nothing was found, with the reason given', () => {
    assert.deepEqual(of(), { verdict: 'GO', exitCode: 0, cause: undefined, why: 'all passed' });
  });

  it('gives each finding its word and code', () => {
    assert.deepEqual(
      (['product', 'configuration', 'environment', 'incomplete', 'interrupted'] as const).map((f) => [f, of(f).verdict, of(f).exitCode]),
      [['product', 'NO-GO', 1], ['configuration', 'INCOMPLETE', 2], ['environment', 'INCOMPLETE', 3], ['incomplete', 'INCOMPLETE', 4], ['interrupted', 'INTERRUPTED', 130]],
    );
  });

  it('lets an interruption win over all, and a product defect win over a broken environment and a test defect', () => {
    assert.equal(of('incomplete', 'environment', 'product', 'interrupted').exitCode, 130);
    assert.deepEqual([of('incomplete', 'environment', 'product').exitCode, of('incomplete', 'environment', 'product').why], [1, 'product happened']);
    assert.equal(of('incomplete', 'environment').exitCode, 3);
  });

  it('reads the finding an error message carries', () => {
    assert.deepEqual(['[environment] x', '[configuration] y', 'shard 1/2: [interrupted] by SIGINT', 'no SMS'].map(findingOfMessage), ['environment', 'configuration', 'interrupted', undefined]);
  });
});

describe('the run\'s own temp folder', () => {
  it('stops the processes that still name it (a browser left by a stopped run), then removes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-temp-test-'));
    writeFileSync(join(dir, 'profile'), 'x');
    const stray = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', `--user-data-dir=${dir}/playwright_chromiumdev_profile-x`], { stdio: 'ignore' });
    const exited = new Promise((resolve) => stray.on('exit', (_code, signal) => resolve(signal)));
    await new Promise((resolve) => stray.on('spawn', resolve));
    // After '--' the flag is the script's argument: without it Node refuses the option and exits at once (a race).
    assert.equal(await removeRunTemp(dir), 1);
    assert.equal(await exited, 'SIGKILL');
    assert.equal(existsSync(dir), false);
  });
});

describe('the suite\'s paths', () => {
  it('are features/ and steps/, unless a self-test names its fixture folder', () => {
    assert.deepEqual(suitePaths({}), { features: ['features/**/*.feature'], support: ['steps/**/*.ts'] });
    assert.deepEqual(suitePaths({ HARNESS_SUITE_DIR: 'test/fixtures/verdicts/' }), { features: ['test/fixtures/verdicts/**/*.feature'], support: ['steps/**/*.ts', 'test/fixtures/verdicts/**/*.ts'] });
  });
});

// The CI pipelines in the repo (GitHub Actions, GitLab CI) pass a real validator, and a broken copy of each does not.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const workflowFile = join(root, '.github', 'workflows', 'certify.yml');
const gitlabFile = join(root, '.gitlab-ci.yml');
// @action-validator/cli: GitHub's workflow schema (SchemaStore's, built in) and the jobs that `needs` names; offline.
const actionValidator = join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
// gitlab-ci-local: GitLab's own CI JSON schema (app/assets/javascripts/editor/schema/ci.json, bundled) and its parser.
const gitlabCiLocal = join(root, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');

function validateWorkflow(text: string): { code: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
  const file = join(dir, 'certify.yml');
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [actionValidator, file], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** `gitlab-ci-local --list` in a throw-away git folder holding only this file: schema validation, then the jobs as GitLab would make them. */
function validateGitlab(text: string): { code: number | null; stdout: string; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gitlab-ci-'));
  writeFileSync(join(dir, '.gitlab-ci.yml'), text);
  const git = spawnSync('git', ['init', '-q', dir], { encoding: 'utf8' });
  assert.equal(git.status, 0, git.stderr);
  const run = spawnSync(process.execPath, [gitlabCiLocal, '--list'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: dir } });
  return { code: run.status, stdout: run.stdout, output: `${run.stdout}${run.stderr}` };
}

interface Workflow {
  jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
}

describe('GitHub Actions workflow (.github/workflows/certify.yml)', () => {
  it('passes action-validator', () => {
    const { code, output } = validateWorkflow(readFileSync(workflowFile, 'utf8'));
    assert.equal(output, '');
    assert.equal(code, 0);
  });

  it('fails action-validator once broken: an unknown key, a merge job that needs a job that does not exist', () => {
    const text = readFileSync(workflowFile, 'utf8');
    const unknownKey = validateWorkflow(text.replace('timeout-minutes: 120', 'timeout-minute: 120'));
    assert.equal(unknownKey.code, 1);
    assert.match(unknownKey.output, /Additional property 'timeout-minute' is not allowed/);
    const badNeeds = validateWorkflow(text.replace('needs: certify', 'needs: certifi'));
    assert.equal(badNeeds.code, 1);
    assert.match(badNeeds.output, /unresolved job certifi/);
  });

  it('runs one certify job per shard of the matrix, then one merge job over their report folders', () => {
    const workflow = parse(readFileSync(workflowFile, 'utf8')) as Workflow;
    assert.deepEqual(Object.keys(workflow.jobs), ['certify', 'merge']);
    const { certify, merge } = workflow.jobs as Record<'certify' | 'merge', Workflow['jobs'][string]>;
    assert.deepEqual(certify.strategy?.matrix.shard, [1, 2, 3]);
    const certifyRuns = certify.steps.map((s) => s.run ?? '').filter((r) => r.includes('npm run certify'));
    assert.equal(certifyRuns.length, 1);
    assert.match(certifyRuns[0] ?? '', /npm run certify -- --env local --shard \$\{\{ matrix\.shard \}\}\/\$\{\{ strategy\.job-total \}\} --reports-dir shard-reports --history-dir reports\/history \|\| code=\$\?/);
    assert.equal(certify.steps.find((s) => s.uses === 'actions/upload-artifact@v4')?.with?.['name'], 'certify-shard-${{ matrix.shard }}');
    assert.equal(merge.needs, 'certify');
    assert.equal(merge.steps.find((s) => s.uses === 'actions/download-artifact@v4')?.with?.['pattern'], 'certify-shard-*');
    assert.deepEqual(merge.steps.map((s) => s.run).filter((r) => r?.includes('harness/cli.ts merge')), ['node harness/cli.ts merge $(dirname shards/*/*/certificate.json)']);
  });
});

describe('GitLab CI pipeline (.gitlab-ci.yml)', () => {
  it('passes GitLab\'s CI schema and makes 3 certify jobs and a merge job that needs them', () => {
    const { code, stdout, output } = validateGitlab(readFileSync(gitlabFile, 'utf8'));
    assert.equal(code, 0, output);
    assert.match(output, /json schema validated/);
    const jobs = stdout.split('\n').slice(1).filter(Boolean).map((line) => line.split(/\s{2,}/).filter(Boolean));
    assert.deepEqual(jobs, [
      ['certify: [1/3]', 'certify', 'on_success', 'false'],
      ['certify: [2/3]', 'certify', 'on_success', 'false'],
      ['certify: [3/3]', 'certify', 'on_success', 'false'],
      ['merge', 'merge', 'always', 'false', '[certify]'],
    ]);
  });

  it('fails once broken: parallel beyond GitLab\'s 200, a merge job that needs a job that does not exist', () => {
    const text = readFileSync(gitlabFile, 'utf8');
    const tooMany = validateGitlab(text.replace('parallel: 3', 'parallel: 300'));
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.output, /property 'parallel' must be <= 200 at certify\.parallel/);
    const badNeeds = validateGitlab(text.replace('- job: certify', '- job: certifi'));
    assert.equal(badNeeds.code, 1);
    assert.match(badNeeds.output, /needs: \[certifi\] for merge could not be found/);
  });

  it('runs certify with the job\'s shard, and merge over every shard\'s report folder', () => {
    const pipeline = parse(readFileSync(gitlabFile, 'utf8')) as Record<string, { script?: string[] }>;
    assert.ok(pipeline['certify']?.script?.includes('npm run certify -- --env local --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL" --reports-dir shard-reports --history-dir reports/history || code=$?'));
    assert.deepEqual(pipeline['merge']?.script, ['node harness/cli.ts merge $(dirname shard-reports/*/certificate.json)']);
  });
});

// Verdicts from Cucumber, not from the report: a step that did not run fails `run` and `certify`, naming it; Ctrl-C ends INTERRUPTED and leaves nothing behind.

import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import type { RunOutcome } from '../../harness/run.ts';
import { runCli, type CliRun } from './cli.ts';

/** The fixture features and their steps (test/fixtures/verdicts), never part of the real suite. */
const fixtures = { HARNESS_SUITE_DIR: 'test/fixtures/verdicts' };
/** The same, with the preflight's Cucumber dry run off: what reaches Cucumber must still never pass (the second line of defence). */
const suite = { ...fixtures, HARNESS_PREFLIGHT_STEPS: 'off' };
const plans = join(import.meta.dirname, 'plans');

const explain = (run: CliRun) => `exit ${run.code} after ${run.seconds.toFixed(1)} s; output:\n${run.output.slice(-4000)}`;

function onlyRun(reportsDir: string): string {
  const [runId] = existsSync(reportsDir) ? readdirSync(reportsDir) : [];
  return runId ? join(reportsDir, runId) : '';
}

function summaryOf(run: CliRun): RunOutcome | undefined {
  const file = join(onlyRun(run.reportsDir), 'summary.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunOutcome) : undefined;
}

function certificateOf(run: CliRun): Certificate | undefined {
  const file = join(onlyRun(run.reportsDir), 'certificate.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Certificate) : undefined;
}

/** Every file, link and folder under `dir`, relative to it (links not followed; a folder gone meanwhile lists nothing). */
function everything(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => [entry.name, ...(entry.isDirectory() ? everything(join(dir, entry.name)).map((p) => join(entry.name, p)) : [])]);
}

/** A temp folder of the test's own, for a run's TMPDIR. */
function ownTemp(): string {
  const temp = mkdtempSync(join(tmpdir(), 'verdicts-tmp-'));
  // Embedded PostgreSQL runs as the "postgres" user, who must reach its files in the temp folder, as in /tmp.
  chmodSync(temp, 0o1777);
  return temp;
}

/** What the run left in its temp folder: only the shared, empty record folder of the harness may stay. */
const leftovers = (temp: string) => everything(temp).filter((p) => p !== 'kw-harness' && p !== join('kw-harness', 'runs'));

const playwrightFolders = (dir: string) => everything(dir).filter((p) => /(^|\/)playwright[^/]*$/.test(p));

const cases = [
  { tag: '@verdicts-indefini', phase: 'indefini', status: 'undefined', an: 'an', step: /undefined step "Quand le banc d'essai franchit un pas que personne n'a écrit" \(test\/fixtures\/verdicts\/pas-indefini\.feature:7\)/ },
  { tag: '@verdicts-en-attente', phase: 'en-attente', status: 'pending', an: 'a', step: /pending step "Quand le banc d'essai franchit un pas encore à écrire" \(test\/fixtures\/verdicts\/pas-en-attente\.feature:7\)/ },
  { tag: '@verdicts-ambigu', phase: 'ambigu', status: 'ambiguous', an: 'an', step: /ambiguous step "Quand le banc d'essai franchit un pas écrit deux fois" \(test\/fixtures\/verdicts\/pas-ambigu\.feature:7\): 2 step definitions match it/ },
];

describe('a step that did not run never passes', () => {
  for (const c of cases) {
    it(`run: ${c.an} ${c.status} step makes the run INCOMPLETE (exit 4), naming the step and its file:line`, async () => {
      const run = await runCli(['run', '--tags', c.tag, '--no-html'], { env: suite, timeoutMs: 180_000, prefix: 'verdicts-e2e-' });
      assert.equal(run.code, 4, explain(run));
      assert.match(run.output, /\[harness\] verdict: INCOMPLETE \(/);
      assert.match(run.output, c.step, explain(run));
      const outcome = summaryOf(run);
      assert.deepEqual([outcome?.verdict, outcome?.exitCode, outcome?.summary.byStatus], ['INCOMPLETE', 4, { [c.status]: 1 }], explain(run));
    });
  }

  it('run and certify refuse an undefined or ambiguous step before anything starts (exit 2), naming it', async () => {
    for (const args of [['run', '--tags', '@verdicts-indefini'], ['run', '--tags', '@verdicts-ambigu'], ['certify', '--plan', join(plans, 'verdicts.yaml')]]) {
      const run = await runCli([...args, '--no-html'], { env: fixtures, timeoutMs: 60_000, prefix: 'verdicts-e2e-' });
      assert.equal(run.code, 2, explain(run));
      assert.match(run.output, /test\/fixtures\/verdicts\/pas-(indefini|ambigu)\.feature:7: the step "le banc d'essai franchit un pas (que personne n'a écrit" has no definition|écrit deux fois" matches several definitions)/, explain(run));
      assert.doesNotMatch(run.output, /starting the local environment|\[harness\] certification /, explain(run));
    }
  });

  it('certify: each phase with an undefined, pending or ambiguous step is left incomplete, naming it; the control phase passes', async () => {
    const temp = ownTemp();
    const run = await runCli(['certify', '--plan', join(plans, 'verdicts.yaml'), '--no-html'], { env: { ...suite, TMPDIR: temp }, timeoutMs: 300_000, prefix: 'verdicts-e2e-' });
    const certificate = certificateOf(run);
    assert.deepEqual(leftovers(temp), [], `a run that ends by itself leaves nothing in its temp folder either (each run step's folder, then the run's): ${explain(run)}`);
    assert.deepEqual(certificate?.gates.map((g) => [g.id, g.verdict]), [['controle', 'passed'], ['indefini', 'incomplete'], ['en-attente', 'incomplete'], ['ambigu', 'incomplete']], explain(run));
    for (const c of cases) assert.match(certificate?.gates.find((g) => g.id === c.phase)?.reasons.join('\n') ?? '', c.step);
    assert.deepEqual([run.code, certificate?.verdict, certificate?.exitCode], [4, 'INCOMPLETE', 4], explain(run));
    assert.match(certificate?.why ?? '', /phase indefini incomplete: undefined: /);
  });
});

describe('Ctrl-C', () => {
  /** Plays `args` with its own temp folder and sends SIGINT once the fixture's browser is open; what Playwright had made by then. */
  async function interrupted(args: string[], wholeGroup = false): Promise<{ run: CliRun; temp: string; before: string[] }> {
    const temp = ownTemp();
    let before: string[] | undefined;
    const run = await runCli(args, {
      env: { ...suite, TMPDIR: temp },
      timeoutMs: 240_000,
      prefix: 'verdicts-e2e-',
      processGroup: wholeGroup,
      onOutput: (output, child) => {
        if (before !== undefined || !output.includes('browser open, waiting to be interrupted')) return;
        before = playwrightFolders(temp);
        // Ctrl-C in a terminal signals the whole foreground group: the platform's instances, PostgreSQL, Cucumber, Chromium.
        if (wholeGroup && child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
        else child.kill('SIGINT');
      },
    });
    return { run, temp, before: before ?? [] };
  }


  it('run: ends INTERRUPTED (exit 130), tears the environment down and leaves nothing in the temp folder', async () => {
    const { run, temp, before } = await interrupted(['run', '--tags', '@verdicts-interruption']);
    assert.equal(run.code, 130, explain(run));
    assert.ok(before.length > 0, `the browser had made no Playwright folder before the interruption, so this test proves nothing: ${explain(run)}`);
    assert.deepEqual(leftovers(temp), [], explain(run));
    const outcome = summaryOf(run);
    assert.deepEqual([outcome?.verdict, outcome?.exitCode], ['INTERRUPTED', 130], explain(run));
    assert.match(run.output, /\[harness\] verdict: INTERRUPTED \(\[interrupted\] by SIGINT/);
    assert.doesNotMatch(run.output, /died during the run|BROKEN/);
  });

  it('run: a Ctrl-C in a terminal, which also stops the platform\'s instances, ends INTERRUPTED, not as a broken environment', async () => {
    const { run, temp, before } = await interrupted(['run', '--tags', '@verdicts-interruption'], true);
    assert.equal(run.code, 130, explain(run));
    assert.ok(before.length > 0, explain(run));
    assert.deepEqual(leftovers(temp), [], explain(run));
    assert.deepEqual([summaryOf(run)?.verdict, summaryOf(run)?.exitCode], ['INTERRUPTED', 130], explain(run));
    assert.doesNotMatch(run.output, /died during the run/);
  });

  it('certify: ends INTERRUPTED (exit 130), with a certificate marked INTERRUPTED, the next phase not run, nothing left in the temp folder', async () => {
    const { run, temp, before } = await interrupted(['certify', '--plan', join(plans, 'interruption.yaml')]);
    assert.equal(run.code, 130, explain(run));
    assert.ok(before.length > 0, explain(run));
    assert.deepEqual(leftovers(temp), [], explain(run));
    const certificate = certificateOf(run);
    assert.deepEqual([certificate?.verdict, certificate?.exitCode], ['INTERRUPTED', 130], explain(run));
    assert.deepEqual(certificate?.gates.map((g) => [g.id, g.verdict]), [['interruption', 'interrupted'], ['after', 'interrupted']]);
    assert.equal(certificate?.gates[1]?.steps[0]?.status, 'not-run');
    assert.match(readFileSync(join(onlyRun(run.reportsDir), 'certificate.html'), 'utf8'), /certificate: <strong data-testid="verdict"[^>]*>INTERRUPTED</);
    assert.equal(existsSync(join(onlyRun(run.reportsDir), 'report')), false, 'no HTML report that would look like a real one');
  });
});

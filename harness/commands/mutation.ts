// `npm run mutation -- --sample N [--seed S] [--from K] [--to K] [--plan FILE] [--list FILE] [--timeout-minutes M]`: the harness's power to detect
// regressions, measured on mutants drawn at random from the stand-in platform's V10 code. StrykerJS lists the mutants; each drawn
// mutant is applied to a copy of the repository and judged by a certification of that copy (killed = NO-GO naming what broke).

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigurationError } from '../../lib/errors.ts';
import type { Certificate } from '../reports/certificate/build.ts';
import { applyMutant, describeMutant, readMutants, resumeFrom, sample, type Mutant } from '../mutation/mutants.ts';
import { brokenEnvironment, judge, percent, scoreOf, type Judgement } from '../mutation/score.ts';
import { renderMarkdown, type MutationReport } from '../mutation/report.ts';

import type { Command } from './types.ts';

export const command: Command = {
  name: 'mutation',
  usage: 'npm run mutation -- --sample N [--seed S] [--from K] [--to K] [--plan FILE] [--list FILE] [--timeout-minutes M]',
  async main(argv) {
    const root = join(import.meta.dirname, '..', '..');
    const usage = 'usage: npm run mutation -- --sample N [--seed S] [--from K] [--to K] [--plan FILE] [--list FILE] [--timeout-minutes M]';

    function fail(message: string, code: number): never {
      console.error(`mutation: ${message}`);
      process.exit(code);
    }

    let values: { sample?: string; seed?: string; from?: string; to?: string; plan?: string; list?: string; 'timeout-minutes'?: string };
    try {
      ({ values } = parseArgs({ args: argv, options: { sample: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, plan: { type: 'string' }, list: { type: 'string' }, 'timeout-minutes': { type: 'string' } } }));
    } catch (error) {
      fail(`${(error as Error).message}\n${usage}`, 2);
    }
    const wholeNumber = (flag: string, text: string | undefined, min: number): number | undefined => {
      if (text === undefined) return undefined;
      if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > 0xffffffff) fail(`--${flag} must be a whole number from ${min} to 4294967295 (got "${text}")\n${usage}`, 2);
      return Number(text);
    };
    const n = wholeNumber('sample', values.sample, 1) ?? fail(`--sample is required\n${usage}`, 2);
    const seed = wholeNumber('seed', values.seed, 0) ?? Math.floor(Math.random() * 0xffffffff);
    // `--from K`: judge the drawn mutants from the K-th on (a stopped run resumed with the same --seed and --sample).
    const from = wholeNumber('from', values.from, 1) ?? 1;
    // `--to K`: stop after the K-th (a draw judged in parts, e.g. 1 to 20 here and 21 to 40 elsewhere, each part its own report).
    const to = wholeNumber('to', values.to, 1) ?? n;
    if (values.to !== undefined && values.seed === undefined) fail(`--to needs --seed (a random seed draws other mutants than the other parts)\n${usage}`, 2);
    if (values.from !== undefined && values.seed === undefined) fail(`--from needs the --seed of the run it resumes (a random seed draws other mutants)\n${usage}`, 2);
    const timeoutMinutes = wholeNumber('timeout-minutes', values['timeout-minutes'], 1) ?? 8;
    const planFile = join(process.cwd(), values.plan ?? join(relative(process.cwd(), root), 'harness', 'plans', 'mutation.yaml'));
    if (!existsSync(planFile)) fail(`--plan ${planFile}: no such file; the default plan is harness/plans/mutation.yaml`, 2);

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const outDir = join(root, 'reports', 'mutation', stamp);
    mkdirSync(outDir, { recursive: true });
    // Every run (the clean one and each mutant's) reads the same copy of the plan, even if the plan file is edited meanwhile.
    const planCopy = join(outDir, 'plan.yaml');
    cpSync(planFile, planCopy);
    console.error(`[mutation] seed ${seed} (run again with --seed ${seed} to draw the same mutants); sample of ${n}; plan ${relative(root, planFile)}`);

    // 1. Every mutant, listed by StrykerJS with a no-op command (each "survives" at once; the JSON report is the list).
    let listFile = values.list === undefined ? undefined : join(process.cwd(), values.list);
    if (listFile === undefined) {
      const started = Date.now();
      console.error('[mutation] listing the mutants with StrykerJS (harness/mutation/stryker.list.json)');
      const stryker = spawnSync(join(root, 'node_modules', '.bin', 'stryker'), ['run', join('harness', 'mutation', 'stryker.list.json')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000 });
      listFile = join(root, '.tmp', 'mutation', 'mutants.json');
      if (stryker.status !== 0 || !existsSync(listFile)) fail(`StrykerJS did not list the mutants (exit ${stryker.status ?? stryker.signal}); see its output above`, 3);
      console.error(`[mutation] listed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    let all: Mutant[];
    let drawn: Mutant[];
    let toJudge: { number: number; item: Mutant }[];
    try {
      all = readMutants(listFile);
      drawn = sample(all, n, seed);
      toJudge = resumeFrom(drawn, from, to);
    } catch (error) {
      fail((error as Error).message, error instanceof ConfigurationError ? 2 : 4);
    }
    cpSync(listFile, join(outDir, 'mutants.json'));
    console.error(`[mutation] ${all.length} mutants (log messages excluded); drawn with seed ${seed}:`);
    drawn.forEach((m, i) => console.error(`  ${i + 1}. ${describeMutant(m)}${i + 1 < from ? ` (skipped: --from ${from})` : i + 1 > to ? ` (skipped: --to ${to})` : ''}`));

    // 2. A copy of the repository (node_modules linked) where each mutant is applied in turn, then undone.
    const copy = join(root, '.tmp', 'mutation', 'copy');
    rmSync(copy, { recursive: true, force: true });
    for (const entry of readdirSync(root)) {
      if (!['node_modules', '.git', 'reports', '.tmp'].includes(entry)) cpSync(join(root, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');

    let interrupted = false;
    let child: ReturnType<typeof spawn> | undefined;
    process.on('SIGINT', () => {
      interrupted = true;
      child?.kill('SIGINT');
    });

    async function certify(id: string): Promise<{ certificate: Certificate | undefined; timedOut: boolean; seconds: number }> {
      const runDir = join(outDir, 'runs', id);
      mkdirSync(runDir, { recursive: true });
      const started = Date.now();
      const args = [join(copy, 'harness', 'cli.ts'), 'certify', '--env', 'local', '--no-html', '--no-history', '--reports-dir', runDir, '--plan', planCopy];
      let timedOut = false;
      await new Promise<void>((resolve) => {
        // Its progress goes to certify.log as it runs (tail -f it to follow a mutant).
        const log = openSync(join(runDir, 'certify.log'), 'w');
        child = spawn(process.execPath, args, { cwd: copy, stdio: ['ignore', log, log] });
        // The certification stops on SIGINT (INTERRUPTED, its environment torn down); a run that ignores it is killed a minute later.
        const deadline = setTimeout(() => {
          timedOut = true;
          child?.kill('SIGINT');
          setTimeout(() => child?.kill('SIGKILL'), 60_000).unref();
        }, timeoutMinutes * 60_000);
        child.on('close', () => {
          clearTimeout(deadline);
          closeSync(log);
          resolve();
        });
      });
      child = undefined;
      const run = readdirSync(runDir, { withFileTypes: true }).find((d) => d.isDirectory());
      const file = run ? join(runDir, run.name, 'certificate.json') : '';
      const certificate = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Certificate) : undefined;
      return { certificate, timedOut, seconds: (Date.now() - started) / 1000 };
    }

    // 3. The plan without any mutant must pass every gate (GO, or INCOMPLETE only for the partners and catalog entries a fast
    // plan leaves out), or no mutant's NO-GO would mean anything.
    const started = Date.now();
    console.error('[mutation] clean run: the plan on the unmutated copy');
    const clean = await certify('clean');
    const cleanJudgement = judge(clean.certificate, clean.timedOut, clean.certificate);
    console.error(`[mutation] clean run: ${clean.certificate?.verdict ?? 'no certificate'} (${clean.certificate?.why ?? 'the certification did not finish'}) in ${clean.seconds.toFixed(0)} s`);
    if (interrupted) fail('interrupted during the clean run', 130);
    if (cleanJudgement.outcome !== 'survived') {
      fail(`the plan does not pass every gate without any mutant (${cleanJudgement.verdict}: ${cleanJudgement.why.join('; ')}); see ${relative(process.cwd(), join(outDir, 'runs', 'clean'))}. Fix the environment or the plan first: a mutant's NO-GO would mean nothing.`, clean.certificate?.exitCode === 3 || !clean.certificate ? 3 : 4);
    }

    // 4. Each drawn mutant, applied to its file in the copy, certified, then undone. The report is rewritten after each one:
    // the draw is in random order, so the first k judged of a stopped run are themselves a uniform sample of k.
    const results: MutationReport['mutants'] = [];
    function writeReport(): { report: MutationReport; score: ReturnType<typeof scoreOf> } {
      const score = scoreOf(results.map((r) => r.outcome));
      const report: MutationReport = {
        seed,
        sample: n,
        population: all.length,
        plan: relative(root, planFile),
        interrupted,
        from,
        to,
        cleanRunSeconds: clean.seconds,
        totalSeconds: (Date.now() - started) / 1000,
        ...score,
        mutants: results,
      };
      writeFileSync(join(outDir, 'mutation.json'), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(join(outDir, 'mutation.md'), renderMarkdown(report));
      return { report, score };
    }
    for (const { number, item: mutant } of toJudge) {
      if (interrupted) break;
      const file = join(copy, mutant.file);
      const original = readFileSync(file, 'utf8');
      let judgement: Judgement;
      let seconds = 0;
      try {
        writeFileSync(file, applyMutant(original, mutant));
        let run = await certify(`mutant-${String(number).padStart(3, '0')}`);
        // A broken environment (on a loaded machine, the preflight's dry run can miss its 8 s) says nothing of the mutant: once more.
        if (!interrupted && brokenEnvironment(run.certificate, run.timedOut)) {
          console.error(`[mutation] ${number}/${drawn.length}: the environment was broken (${run.certificate?.why ?? 'no certificate'}); certifying once more`);
          run = await certify(`mutant-${String(number).padStart(3, '0')}-retry`);
        }
        seconds = run.seconds;
        judgement = judge(run.certificate, run.timedOut, clean.certificate);
      } finally {
        writeFileSync(file, original);
      }
      // A mutant whose run was interrupted was not judged: it is left out of the report, which says the run was interrupted.
      if (interrupted) break;
      results.push({ ...mutant, ...judgement, number, seconds });
      console.error(`[mutation] ${number}/${drawn.length} ${judgement.outcome.toUpperCase()} in ${seconds.toFixed(0)} s: ${describeMutant(mutant)}${judgement.outcome === 'killed' ? '' : ` (${judgement.verdict})`}`);
      writeReport();
    }
    const { report, score } = writeReport();
    console.log(`mutation: score ${percent(score.score)} (95% CI ${percent(score.interval?.low)} to ${percent(score.interval?.high)}): ${score.counts.killed} killed, ${score.counts.survived} survived, ${score.counts.incomplete} incomplete, ${score.counts.timeout} timed out, of ${results.length} mutants drawn with seed ${seed}; ${(report.totalSeconds / 60).toFixed(1)} min; report in ${relative(process.cwd(), join(outDir, 'mutation.md'))}`);
    return interrupted ? 130 : score.score === undefined ? 4 : 0;
  },
};

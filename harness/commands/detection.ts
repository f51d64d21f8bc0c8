// `npm run detection [-- --quick] [--only id,...] [--plan FILE] [--out FILE] [--jobs N] [--workers W]`: each fault switched on
// in its own certification run (N at a time, each run step on W Cucumber workers), and a clean run; non-zero if a fault goes undetected or unnamed, or the clean run is not green.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { Certificate } from '../reports/certificate/build.ts';
import { detectionPlan, selection } from '../detection/plan.ts';
import { listScenarios } from '../scenarios.ts';
import { forRunsSideBySide } from '../../environments/index.ts';
import { cleanRun, detectionRow, loadFaultCases, renderTable, type DetectionRow } from '../detection/table.ts';
import { inTurnsCostliestFirst } from '../../lib/in-turns.ts';

import type { Command } from './types.ts';

export const command: Command = {
  name: 'detection',
  usage: 'npm run detection [-- --quick] [--only id,...] [--plan FILE] [--out FILE] [--jobs N] [--workers W]',
  async main(argv) {
    const { values } = parseArgs({ args: argv, options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' }, jobs: { type: 'string', default: '2' }, workers: { type: 'string', default: '4' } } });
    const jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 8) {
      console.error(`detection: --jobs must be a whole number from 1 to 8, got "${values.jobs}"`);
      process.exit(2);
    }
    // The scenarios mostly wait (for a third party's call, then an exactly-once window): on 2 workers the clean run of
    // --quick played its ~220 scenarios in 234 s with the machine 0.7 busy. A --plan FILE keeps its own workers.
    const workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 16) {
      console.error(`detection: --workers must be a whole number from 1 to 16, got "${values.workers}"`);
      process.exit(2);
    }
    const cli = join(import.meta.dirname, '..', 'cli.ts');
    const all = loadFaultCases();
    const only = values.only?.split(',');
    const unknown = only?.filter((id) => !all.some((c) => c.id === id)) ?? [];
    if (unknown.length > 0) {
      console.error(`detection: unknown fault(s) ${unknown.join(', ')} in --only; the faults of harness/detection/faults.yaml are: ${all.map((c) => c.id).join(', ')}`);
      process.exit(2);
    }
    const cases = all.filter((c) => (only ? only.includes(c.id) : !values.quick || c.quick));
    // Everything a row is read from stays: each run's plan and certificate, under reports/detection-<time>/.
    const outDir = join(import.meta.dirname, '..', '..', 'reports', `detection-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(outDir, { recursive: true });

    // The runs go side by side: each on its own embedded broker (a named one serves one run at a time).
    const runEnv = forRunsSideBySide();
    if (process.env['MQTT_URL']) console.error('[detection] each run on its own embedded MQTT broker: MQTT_URL is left to one run at a time, these run side by side');
    async function certifyWith(id: string, planText: string, faults: string[]): Promise<Certificate | undefined> {
      const runDir = join(outDir, id);
      mkdirSync(runDir, { recursive: true });
      const planFile = values.plan ?? join(runDir, 'plan.yaml');
      if (!values.plan) writeFileSync(planFile, planText);
      const args = [cli, 'certify', '--env', 'local', '--no-html', '--reports-dir', runDir, '--plan', planFile, ...faults.flatMap((f) => ['--fault', f])];
      // Each run has its own deadline: a fault that hangs the platform must not hang the table.
      await new Promise<void>((done) => {
        const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000, env: runEnv });
        child.on('error', () => done());
        child.on('close', () => done());
      });
      const run = readdirSync(runDir, { withFileTypes: true }).find((d) => d.isDirectory());
      const file = run ? join(runDir, run.name, 'certificate.json') : '';
      return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Certificate) : undefined;
    }

    // Each run has its own environment (instances, databases, broker topics, ports): they run side by side, most of
    // their time spent waiting for the platform or a third party.
    const hunts = cases.map((faultCase) => async (): Promise<DetectionRow> => {
      console.error(`[detection] ${faultCase.id}: certifying with --fault ${faultCase.fault}${faultCase.suites ? ` and the suites ${faultCase.suites} on ${faultCase.on.toUpperCase()}` : ', the migration and its data certification'}`);
      const row = detectionRow(faultCase, await certifyWith(faultCase.id, detectionPlan(`detection: ${faultCase.id}`, [faultCase], workers), [faultCase.fault]));
      console.error(`[detection] ${faultCase.id}: ${row.detected ? 'detected' : 'NOT DETECTED'}${row.namesWhatBroke ? '' : ' (the message does not name what broke)'}`);
      return row;
    });
    // The clean run plays every suite the faults above were hunted with, with no fault: it must raise no false alarm.
    const cleanHunt = async (): Promise<Certificate | undefined> => {
      console.error('[detection] clean run (no fault)');
      return certifyWith('clean', detectionPlan('detection: clean run', cases, workers), []);
    };
    // The runs that play the most scenarios start first, so that none ends the table alone: the clean run (it plays every
    // suite), then the faults by the number of scenarios of their suites (the same baseline and migration come with each).
    const scenarios = await Promise.all(cases.map(async (c) => (c.suites ? (await listScenarios(selection([`(${c.suites})`], c.on))).length : 0)));
    const runs: { cost: number; play: () => Promise<Certificate | DetectionRow | undefined> }[] = [
      { cost: Number.POSITIVE_INFINITY, play: cleanHunt },
      ...hunts.map((play, k) => ({ cost: scenarios[k]!, play })),
    ];
    const [clean, ...rows] = await inTurnsCostliestFirst(runs, jobs, (run) => run.cost, (run) => run.play()) as [Certificate | undefined, ...DetectionRow[]];
    // Green means no false alarm: every gate passed. A plan of a few suites leaves some partners or catalog entries
    // unexercised, so its certificate may say INCOMPLETE for that reason alone; the table shows it.
    const cleanSummary = clean ? cleanRun(clean) : { verdict: 'none', why: 'the run did not finish', green: false };
    const table = renderTable(rows, cleanSummary);
    console.log(table);
    writeFileSync(join(outDir, 'table.md'), `${table}\n`);
    if (values.out) writeFileSync(values.out, `${table}\n`);
    const undetected = rows.filter((r) => !r.detected || !r.namesWhatBroke);
    console.log(`\ndetection: ${rows.length - undetected.length}/${rows.length} faults detected and named; clean run ${cleanSummary.green ? 'green' : 'NOT green'} (${cleanSummary.verdict}); plans and certificates in ${relative(process.cwd(), outDir)}`);
    return undetected.length === 0 && cleanSummary.green ? 0 : 1;
  },
};


// `npm run bench:plan [-- --plan FILE] [--keep] [--no-html]`: the certification plan run as a user runs it (npm start), then each phase's
// time, its slowest steps, the time outside the phases and the total, as one JSON line.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sampleCpu } from './cpu.ts';

interface Gate { id: string; startedAt: string; endedAt: string; verdict: string; reasons: string[]; steps: { step: string; status: string; durationMs: number }[]; results: { total: number } }

const { values } = parseArgs({ options: { plan: { type: 'string' }, keep: { type: 'boolean', default: false }, 'no-html': { type: 'boolean', default: false } } });
const root = resolve(import.meta.dirname, '..');
const reports = mkdtempSync(join(tmpdir(), 'bench-plan-'));
// As npm start runs it: with the HTML reports (the overall one and one per partner), unless --no-html. Without a
// history, so that one run of the bench does not change the next one's reports.
const html = !values['no-html'];
const args = ['harness/cli.ts', 'certify', '--env', 'local', ...(html ? [] : ['--no-html']), '--no-history', '--reports-dir', reports, ...(values.plan ? ['--plan', values.plan] : [])];
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The time some phase ran: phases side by side (`alongside`) count once. */
function coveredMs(gates: readonly Pick<Gate, 'startedAt' | 'endedAt'>[]): number {
  const spans = gates.map((g) => [Date.parse(g.startedAt), Date.parse(g.endedAt)] as const).sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reached = -Infinity;
  for (const [from, to] of spans) {
    covered += Math.max(0, to - Math.max(from, reached));
    reached = Math.max(reached, to);
  }
  return covered;
}

const t0 = performance.now();
const cpu = sampleCpu(500);
// Every wait has a deadline: the whole plan gets an hour, then it is stopped as a user's Ctrl-C would.
const code = await new Promise<number | null>((done) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = setTimeout(() => child.kill('SIGINT'), 60 * 60_000);
  child.on('exit', (exitCode) => {
    clearTimeout(deadline);
    done(exitCode);
  });
});
const total = performance.now() - t0;
const cpuSplit = cpu.stop();
const run = readdirSync(reports).find((name) => existsSync(join(reports, name, 'certificate.json')));
if (run === undefined) {
  console.error(`bench:plan: the certification wrote no certificate (exit ${code}) under ${reports}`);
  process.exit(1);
}
const certificate = JSON.parse(readFileSync(join(reports, run, 'certificate.json'), 'utf8')) as { verdict: string; gates: Gate[] };
// A plan that did not pass keeps its reports and says why: a benchmark's failure is evidence, not noise.
if (certificate.verdict !== 'GO') {
  console.error(`bench:plan: ${certificate.verdict}; the reports are kept in ${join(reports, run)}`);
  for (const g of certificate.gates.filter((gate) => gate.verdict !== 'passed')) console.error(`  ${g.id} ${g.verdict}: ${g.reasons.join('\n    ')}`);
} else if (!values.keep) rmSync(reports, { recursive: true, force: true });

console.log(JSON.stringify({
  bench: 'plan',
  plan: values.plan ?? 'harness/plans/local.yaml',
  verdict: certificate.verdict,
  exitCode: code,
  totalSeconds: seconds(total),
  html,
  // The environment's start and tear-down, and the reports (HTML ones with html): the time outside every phase.
  outsidePhasesSeconds: seconds(total - coveredMs(certificate.gates)),
  phases: certificate.gates.map((g) => ({
    id: g.id,
    seconds: seconds(Date.parse(g.endedAt) - Date.parse(g.startedAt)),
    scenarios: g.results.total,
    verdict: g.verdict,
    slowestSteps: [...g.steps].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3).map((s) => ({ step: s.step.slice(0, 80), seconds: seconds(s.durationMs) })),
  })),
  cpu: { seconds: cpuSplit.seconds, percent: cpuSplit.percent, totalSeconds: cpuSplit.totalSeconds },
  targetSeconds: 240,
  withinTarget: total <= 240_000,
}));

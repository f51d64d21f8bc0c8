// `npm run test:e2e`: the end-to-end self-tests in three stages. First, alone, the file that times how fast bad input is
// refused (a loaded machine would make it measure the load). Then two lanes side by side, each one file at a time:
// the whole plan (certify.test.ts) in one, the other files in the other. Most e2e files mostly wait (for a platform, a
// deadline, a browser): one at a time they kept the 2 cores about half busy. Last, two lanes again: the detection run
// (itself certifications side by side) in one; the foundation runs, the quick certifications and the containers
// environment in the other.

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/**
 * What runs: stages one after another; in a stage, lanes side by side; in a lane, files one at a time. A lane of the
 * named plan may hold `REST`: the e2e files no lane names go there, so that a new file runs without being listed.
 */
export type LanePlan = string[][][];

/** Where, in a named plan, the files no lane names go. */
export const REST = '*';

const here = import.meta.dirname;

/** How a lane ended: its files, its runner's exit code, its time. */
interface LaneResult { name: string; code: number | null; seconds: number }

/** The e2e files of `dir` in their stages and lanes: each file named goes where named, the others where `REST` stands. */
export function lanePlan(dir: string, named: LanePlan): LanePlan {
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort();
  const all = named.flat(2);
  const where = join(dir, 'lanes.ts');
  if (all.filter((f) => f === REST).length !== 1) throw new Error(`${where}: the plan must hold "${REST}" (the files no lane names) in exactly one lane`);
  const missing = all.filter((f) => f !== REST && !files.includes(f));
  if (missing.length > 0) throw new Error(`${where}: no e2e file ${missing.join(', ')} in ${dir}; the files are ${files.join(', ')}`);
  const twice = all.filter((f, k) => all.indexOf(f) !== k);
  if (twice.length > 0) throw new Error(`${where}: ${[...new Set(twice)].join(', ')} named more than once; each file runs in one lane`);
  const rest = files.filter((f) => !all.includes(f));
  return named.map((stage) => stage.map((lane) => lane.flatMap((f) => (f === REST ? rest : [f])).map((f) => join(dir, f))));
}

/** Runs `node --test` over each lane's files, one at a time, lanes side by side, each line prefixed with its lane; resolves to each lane's exit code. */
function runLanes(lanes: string[][], timeoutMs: number, children: Set<ChildProcess>, write: (text: string) => void): Promise<LaneResult[]> {
  return Promise.all(lanes.filter((files) => files.length > 0).map((files, k) => new Promise<LaneResult>((resolve) => {
    const started = Date.now();
    // A runner of its own, even when this one runs under `node --test` (which marks its children with NODE_TEST_CONTEXT).
    const env = { ...process.env };
    delete env['NODE_TEST_CONTEXT'];
    // A process group of its own: a signal reaches the runner and every process its tests started (harness, platform, PostgreSQL).
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', `--test-timeout=${timeoutMs}`, '--test-reporter=spec', ...files], { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
    children.add(child);
    const prefix = lanes.length > 1 ? `[lane ${k + 1}] ` : '';
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) write(`${prefix}${line}\n`);
      });
      stream.on('end', () => partial && write(`${prefix}${partial}\n`));
    }
    child.on('close', (code) => {
      children.delete(child);
      resolve({ name: files.map((f) => basename(f, '.test.ts')).join(', '), code, seconds: Math.round((Date.now() - started) / 1000) });
    });
  })));
}

/** Runs the plan; resolves to the process's exit code: 0 when every lane passed. */
export async function main(plan: LanePlan, options: { testTimeoutMs: number; deadlineMs: number; write?: (text: string) => void }): Promise<number> {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const children = new Set<ChildProcess>();
  const stop = (signal: NodeJS.Signals) => {
    for (const child of children) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        child.kill(signal);
      }
    }
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  // Every wait has a deadline: past it, every lane still running is stopped and the run fails.
  let late = false;
  const deadline = setTimeout(() => {
    late = true;
    write(`test:e2e: stopped after ${Math.round(options.deadlineMs / 1000)} s, the lanes' deadline\n`);
    stop('SIGKILL');
  }, options.deadlineMs);
  const results: LaneResult[] = [];
  for (const stage of plan) {
    if (!late) results.push(...await runLanes(stage, options.testTimeoutMs, children, write));
  }
  clearTimeout(deadline);
  process.off('SIGINT', stop).off('SIGTERM', stop);
  for (const r of results) write(`test:e2e: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds} s: ${r.name}\n`);
  return !late && results.every((r) => r.code === 0) ? 0 : 1;
}

if (process.argv[1] && relative(process.argv[1], import.meta.filename) === '') {
  const plan = lanePlan(here, [
    // Alone: it times refusals (within 10 or 15 s); a loaded machine would make it measure the load.
    [['bad-input.test.ts']],
    // The whole plan, and the other files.
    [['certify.test.ts'], ['verdicts.test.ts', 'cutover.test.ts', 'smoke.test.ts', 'shards.test.ts', 'partner-report.test.ts', REST]],
    // The detection run keeps the cores about half busy (its certifications wait on exactly-once windows): the
    // foundation runs fill the rest, then the quick certifications (out of the whole plan's lane, the second stage's
    // longest) and the containers environment, which mostly waits on its engine. They end before detection does (CI
    // rehearsal, 2026-12-05: detection 181 s; these three 162 s beside it).
    [['detection.test.ts'], ['run.test.ts', 'certify-quick.test.ts', 'containers.test.ts']],
  ]);
  process.exitCode = await main(plan, { testTimeoutMs: 600_000, deadlineMs: 75 * 60_000 });
}

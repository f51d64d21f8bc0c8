// Runs the harness CLI as QA does, in a child process with a deadline and its own reports folder, for the end-to-end self-tests.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import type { RunOutcome } from '../../harness/run.ts';

const cli = join(import.meta.dirname, '..', '..', 'harness', 'cli.ts');

export interface CliRun {
  code: number | null;
  output: string;
  seconds: number;
  reportsDir: string;
}

/**
 * `node harness/cli.ts <args> --reports-dir <new temp folder>` (unless `reportsDirFlag` is false), killed after `timeoutMs`. The embedded defaults unless
 * `env` names DATABASE_URL / MQTT_URL; `env` entries set to undefined are removed. `onOutput` sees the output so far
 * each time more comes (to send the child a signal at the right moment). `processGroup`: the CLI leads a process group of
 * its own, as a command started from a terminal does, so a signal can reach it and every process it started at once.
 */
export async function runCli(args: string[], options: { env?: Record<string, string | undefined>; timeoutMs: number; prefix: string; reportsDirFlag?: boolean; onOutput?: (output: string, child: ChildProcess) => void; processGroup?: boolean }): Promise<CliRun> {
  const reportsDir = mkdtempSync(join(tmpdir(), options.prefix));
  const merged: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, MQTT_URL: undefined, ...options.env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const started = Date.now();
  const child = spawn(process.execPath, [cli, ...args, ...(options.reportsDirFlag === false ? [] : ['--reports-dir', reportsDir])], { env: merged, stdio: ['ignore', 'pipe', 'pipe'], detached: options.processGroup === true });
  let output = '';
  const take = (c: Buffer) => {
    output += c.toString();
    options.onOutput?.(output, child);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output, seconds: (Date.now() - started) / 1000, reportsDir };
}

/** `certify <args>` with a deadline: its run folder (the first in its reports folder) and certificate, when written. */
export async function certifyCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 600_000): Promise<{ code: number | null; output: string; seconds: number; runDir: string; certificate: Certificate | undefined }> {
  const { code, output, seconds, reportsDir } = await runCli(['certify', ...args], { env, timeoutMs, prefix: 'certify-e2e-' });
  const runs = existsSync(reportsDir) ? readdirSync(reportsDir) : [];
  const runDir = runs[0] ? join(reportsDir, runs[0]) : '';
  const certificateFile = join(runDir, 'certificate.json');
  const certificate = runDir && existsSync(certificateFile) ? (JSON.parse(readFileSync(certificateFile, 'utf8')) as Certificate) : undefined;
  return { code, output, seconds, runDir, certificate };
}

/** What a `run` wrote as its outcome (summary.json in the folder its run line names), when it wrote one. */
export function runOutcome(run: Pick<CliRun, 'output' | 'reportsDir'>): RunOutcome | undefined {
  const runId = /\[harness\] run (\S+):/.exec(run.output)?.[1];
  const file = runId ? join(run.reportsDir, runId, 'summary.json') : '';
  return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunOutcome) : undefined;
}

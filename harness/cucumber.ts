// Runs cucumber-js as a child process against a started environment, with a deadline.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { EnvironmentError } from '../lib/errors.ts';

const cucumberBin = join(import.meta.dirname, '..', 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const root = join(import.meta.dirname, '..');

export interface CucumberRun {
  profile: string;
  parallel: number;
  tags: string | undefined;
  /** Only this shard's share of the selected scenarios. */
  shard?: { index: number; total: number } | undefined;
  resultsDir: string;
  /** Retries of failing scenarios (flakiness measurement only). */
  retry?: number;
  environmentFile: string;
  timeoutMs: number;
  /** Extra lines of Allure labels etc. come through the environment file; this is only the display. */
  progress: 'progress-bar' | 'progress';
}

/** Resolves to cucumber's exit code; a run that passes its deadline is killed and reported as a broken environment. */
export async function runCucumber(run: CucumberRun): Promise<number> {
  const args = [
    cucumberBin,
    '--profile', run.profile,
    '--parallel', String(run.parallel),
    '--format', run.progress,
    '--format', 'allure-cucumberjs/reporter',
    '--format-options', JSON.stringify({ resultsDir: run.resultsDir }),
    ...(run.tags ? ['--tags', run.tags] : []),
    ...(run.retry ? ['--retry', String(run.retry)] : []),
    ...(run.shard ? ['--shard', `${run.shard.index}/${run.shard.total}`] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HARNESS_ENV_FILE: run.environmentFile },
  });
  // Forwarded through this process's streams, which the CLI masks (lib/mask.ts).
  child.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EnvironmentError(`the Cucumber run did not finish within ${Math.round(run.timeoutMs / 1000)} s and was stopped`));
    }, run.timeoutMs);
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', (error) => reject(new EnvironmentError(`cucumber-js could not start (${error.message}); run npm ci`)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 130 : 1));
    });
  });
}

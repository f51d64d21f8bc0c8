// Runs cucumber-js as a child process against a started environment, with a deadline; its messages give the verdict.

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve as absolute } from 'node:path';
import { compileCacheDir } from '../lib/compile-cache.ts';
import { EnvironmentError } from '../lib/errors.ts';
import { interruption } from './interrupt.ts';
import { removeRunTemp } from './temp.ts';

const cucumberBin = join(import.meta.dirname, '..', 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const root = join(import.meta.dirname, '..');
// allure-cucumberjs, without an fsync per file; relative to Cucumber's working directory, the project's root (a file://
// URL would be read as a format and its output file, split at the colon).
const allureFormatter = './harness/reports/allure-formatter.ts';

export interface CucumberRun {
  profile: string;
  parallel: number;
  tags: string | undefined;
  /** Exactly these scenarios (`features/x.feature:12`, still filtered by the tags): one shard's share of the selection. */
  scenarios?: string[] | undefined;
  resultsDir: string;
  /** Where Cucumber writes its messages (ndjson): the scenario results are read from there, Allure is only the report. */
  messagesFile: string;
  /** The run's own temp folder (TMPDIR of Cucumber and its browsers), removed when Cucumber ends, however it ends. */
  tempDir: string;
  /** Retries of failing scenarios (flakiness measurement only). */
  retry?: number;
  environmentFile: string;
  timeoutMs: number;
  /** Extra lines of Allure labels etc. come through the environment file; this is only the display. */
  progress: 'progress-bar' | 'progress';
}

/** Resolves to cucumber's exit code (130 when a signal stopped it); a run that passes its deadline is killed and reported as a broken environment. */
export async function runCucumber(run: CucumberRun): Promise<number> {
  if (interruption()) return 130;
  mkdirSync(dirname(absolute(run.messagesFile)), { recursive: true });
  mkdirSync(run.tempDir, { recursive: true, mode: 0o700 });
  try {
    return await playCucumber(run);
  } finally {
    await removeRunTemp(run.tempDir);
  }
}

function playCucumber(run: CucumberRun): Promise<number> {
  const args = [
    cucumberBin,
    '--profile', run.profile,
    '--parallel', String(run.parallel),
    '--format', run.progress,
    '--format', `message:${absolute(run.messagesFile)}`,
    '--format', allureFormatter,
    '--format-options', JSON.stringify({ resultsDir: run.resultsDir }),
    ...(run.tags ? ['--tags', run.tags] : []),
    ...(run.retry ? ['--retry', String(run.retry)] : []),
  ];
  // Given as paths, they would add to the profile's (cucumber merges them): the config reads them instead (harness/suite-paths.ts).
  const scenariosFile = join(run.tempDir, 'scenarios.json');
  if (run.scenarios) writeFileSync(scenariosFile, JSON.stringify(run.scenarios));
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Playwright's artifacts and browser profiles go to os.tmpdir(): the run's own folder, so none outlives the run.
    env: { ...process.env, NODE_COMPILE_CACHE: compileCacheDir, HARNESS_ENV_FILE: run.environmentFile, TMPDIR: run.tempDir, ...(run.scenarios ? { HARNESS_SCENARIOS_FILE: scenariosFile } : {}), ...(run.profile === 'smoke' ? { HARNESS_WARM_BROWSER: '1' } : {}) },
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
    // A signal that came while it was being spawned.
    const early = interruption();
    if (early) child.kill(early);
    child.on('error', (error) => reject(new EnvironmentError(`cucumber-js could not start (${error.message}); run npm ci`)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 130 : 1));
    });
  });
}

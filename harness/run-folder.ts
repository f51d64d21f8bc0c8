// A run's folders: its id, its reports folder (allure-results inside), its private folder (credentials) and its temp folder.

import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTempDir } from './temp.ts';

/** "20261126-134717": a time in file names, to the second (UTC). */
export function fileStamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function newRunId(now = new Date()): string {
  return `${fileStamp(now)}-${randomBytes(2).toString('hex')}`;
}

export interface RunFolder {
  runId: string;
  /** `<reports dir>/<run id>`: everything the run reports. */
  runDir: string;
  /** `<run dir>/allure-results`: the results the reports are made from. */
  resultsDir: string;
  /** Outside the reports (mode 700): the environment's descriptor, which holds credentials; removed when the run ends. */
  privateDir: string;
  /** What Cucumber workers read: the started environment's addresses and accounts. */
  environmentFile: string;
  /** The run's own temp folder for Cucumber and its browsers (harness/temp.ts). */
  tempDir: string;
  /** Removes the private folder: the run has ended. */
  close(): void;
}

/** Makes a run's reports and private folders; `close` removes the private one. */
export function openRunFolder(reportsDir: string, runId = newRunId()): RunFolder {
  const runDir = resolve(reportsDir, runId);
  const resultsDir = join(runDir, 'allure-results');
  const privateDir = join(tmpdir(), 'kw-harness', `${runId}-private`);
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(privateDir, { recursive: true, mode: 0o700 });
  return {
    runId, runDir, resultsDir, privateDir, environmentFile: join(privateDir, 'environment.json'), tempDir: runTempDir(runId),
    close: () => rmSync(privateDir, { recursive: true, force: true }),
  };
}

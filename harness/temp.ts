// A run's own temp folder for Cucumber and its browsers: whatever they leave there (Playwright's artifacts and profiles) goes with it.

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { alive } from '../lib/process-holds.ts';

/**
 * `<tmp>/kw-<run id>`: short on purpose. Chromium puts its singleton socket in TMPDIR, and a Unix socket's path
 * must stay under 108 bytes (a longer one and the browser aborts: "Socket path too long").
 */
export const runTempDir = (runId: string): string => join(tmpdir(), `kw-${runId}`);

/** Processes whose command line names `dir`: the browsers of a run that ended without closing them. */
function processesUsing(dir: string): number[] {
  if (!existsSync('/proc')) return [];
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(dir)) pids.push(Number(name));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/**
 * Removes the run's temp folder. A Cucumber run that was stopped (Ctrl-C, deadline) leaves its Chromium processes
 * writing their profiles there for a moment: they are stopped first (by id, only those naming this folder), so
 * nothing is recreated after the removal. Resolves to the number of processes it had to stop.
 */
export async function removeRunTemp(dir: string, deadlineMs = 5000): Promise<number> {
  const strays = processesUsing(dir);
  for (const pid of strays) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + deadlineMs;
  while (strays.some(alive) && Date.now() < deadline) await delay(50);
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  return strays.length;
}

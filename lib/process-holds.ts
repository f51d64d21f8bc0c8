// Whether a process runs, and files held by a process: taken whole and at once, taken over when their process is gone.

import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Signals the process `pid` with nothing: whether it runs and this user may signal it, runs under another user, or is gone. */
function probe(pid: number): 'ours' | 'another user' | 'gone' {
  try {
    process.kill(pid, 0);
    return 'ours';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? 'another user' : 'gone';
  }
}

/** Whether the process `pid` runs, another user's too: an owner to respect. */
export function running(pid: number): boolean {
  return probe(pid) !== 'gone';
}

/** Whether the process `pid` runs and this user may signal it (a run's own children). */
export function alive(pid: number): boolean {
  return probe(pid) === 'ours';
}

export type FileHold = { taken: true; release(): void } | { taken: false; holder: Record<string, unknown> };

/**
 * Takes `file` for this process, with `record` (naming this process's `pid`) as its content: written whole to a draft,
 * then linked in place, so another process sees the hold whole or not at all. A hold whose process no longer runs (or
 * that cannot be read) is taken over. When a running process holds it, says who: its record, or `{}` when the hold
 * kept coming back while this process took it over. `release()` removes the hold if it is still this one.
 */
export function takeFileHold(file: string, record: { pid: number } & Record<string, unknown>, mode = 0o600): FileHold {
  const content = JSON.stringify(record);
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, content, { mode });
  try {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      try {
        linkSync(draft, file);
        return {
          taken: true,
          release() {
            try {
              if (readFileSync(file, 'utf8') === content) rmSync(file, { force: true });
            } catch {
              // Already gone.
            }
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let holder: Record<string, unknown> = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch {
        // Unreadable: taken over below, as a hold without a running process.
      }
      if (typeof holder['pid'] === 'number' && running(holder['pid'])) return { taken: false, holder };
      rmSync(file, { force: true });
    }
    return { taken: false, holder: {} };
  } finally {
    rmSync(draft, { force: true });
  }
}

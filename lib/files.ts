// Files other processes read while this one writes them.

import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes `file` whole: to a draft beside it, then renamed in place, so a reader sees the old content or the new one,
 * never a part. The draft is named after this process; the write and the rename are synchronous, so two writers of one
 * process never meet on it.
 */
export function writeFileWhole(file: string, content: string, mode?: number): void {
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, content, mode === undefined ? undefined : { mode });
  renameSync(draft, file);
}

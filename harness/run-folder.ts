// A run's id and the stamp in its file names.

import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

/** "20261126-134717": a time in file names, to the second (UTC). */
export function fileStamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function newRunId(now = new Date()): string {
  return `${fileStamp(now)}-${randomBytes(2).toString('hex')}`;
}

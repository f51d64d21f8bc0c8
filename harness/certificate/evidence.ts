// Evidence files of a run: every file under the run's folder with its SHA-256, so the certificate can be checked later.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface EvidenceFile {
  file: string;
  bytes: number;
  sha256: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

export function hashEvidence(runDir: string, exclude: (relativePath: string) => boolean): EvidenceFile[] {
  return walk(runDir)
    .map((path) => relative(runDir, path))
    .filter((file) => !exclude(file))
    .sort()
    .map((file) => {
      const content = readFileSync(join(runDir, file));
      return { file, bytes: statSync(join(runDir, file)).size, sha256: createHash('sha256').update(content).digest('hex') };
    });
}

// Secrets must never stay in a run's folder: every file (zip attachments opened) is checked with the one masking function and replaced by its masked copy.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { knownSecrets, maskSecrets } from '../../../lib/mask.ts';
import { isZip, readZip, writeZip } from '../../../lib/zip.ts';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The masked copy of a file's bytes, or undefined when it holds no secret. Text is read as latin1 so binary bytes survive unchanged. */
function maskedBytes(bytes: Buffer, secrets: readonly string[]): Buffer | undefined {
  if (isZip(bytes)) {
    try {
      const entries = readZip(bytes);
      const masked = entries.map((entry) => ({ name: entry.name, data: maskedBytes(entry.data, secrets) }));
      if (masked.every((entry) => entry.data === undefined)) return undefined;
      return writeZip(masked.map((entry, i) => ({ name: entry.name, data: entry.data ?? (entries[i] as { data: Buffer }).data })));
    } catch {
      // A zip this reader does not know: its raw bytes are checked below like any other file.
    }
  }
  const utf8 = bytes.toString('utf8');
  // Valid UTF-8 text is masked as text (secrets with accents included); anything else byte for byte.
  const text = Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : bytes.toString('latin1');
  const masked = maskSecrets(text, secrets);
  if (masked === text) return undefined;
  return Buffer.from(masked, text === utf8 ? 'utf8' : 'latin1');
}

/**
 * Replaces each file of `dir` that holds a secret (a password in a URL, a password or token parameter, a bearer
 * token, a known secret value) by its masked copy; returns one line per file so replaced, naming no secret.
 */
export function maskFolder(dir: string, secrets: readonly string[] = knownSecrets()): string[] {
  const findings: string[] = [];
  for (const file of walk(dir)) {
    const masked = maskedBytes(readFileSync(file), secrets);
    if (masked === undefined) continue;
    writeFileSync(file, masked);
    findings.push(`${relative(dir, file)} held a secret; it was replaced by its masked copy`);
  }
  return findings;
}

/** The check after every file is written: each file still holding a secret is replaced by its masked copy and named in a `[report]` note, which keeps the certificate from GO. */
export function checkWrittenFiles(runDir: string, secrets: readonly string[] = knownSecrets()): string[] {
  return maskFolder(runDir, secrets).map((finding) => `[report] ${finding}`);
}

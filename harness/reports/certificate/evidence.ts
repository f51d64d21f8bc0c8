// Evidence of a run: a manifest of every file with its SHA-256, one digest over it, and per gate the few files that prove it.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface EvidenceFile {
  file: string;
  bytes: number;
  sha256: string;
}

/** The whole evidence tree, reduced to one line a reader can check: `sha256sum -c manifest.sha256`, then the manifest's own digest. */
export interface EvidenceDigest {
  manifest: string;
  files: number;
  bytes: number;
  /** SHA-256 of the manifest file: it fixes the content of every file it lists. */
  sha256: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

export function hashFile(runDir: string, file: string): EvidenceFile {
  const content = readFileSync(join(runDir, file));
  return { file, bytes: statSync(join(runDir, file)).size, sha256: sha256(content) };
}

export function hashEvidence(runDir: string, exclude: (relativePath: string) => boolean): EvidenceFile[] {
  return walk(runDir)
    .map((path) => relative(runDir, path))
    .filter((file) => !exclude(file))
    .sort()
    .map((file) => hashFile(runDir, file));
}

export const manifestName = 'manifest.sha256';

/** Writes `manifest.sha256` (sha256sum's format) listing every file of the run but the excluded ones, and returns its digest. */
export function writeManifest(runDir: string, exclude: (relativePath: string) => boolean): EvidenceDigest {
  const files = hashEvidence(runDir, (file) => file === manifestName || exclude(file));
  const text = files.map((f) => `${f.sha256}  ${f.file}\n`).join('');
  writeFileSync(join(runDir, manifestName), text);
  return { manifest: manifestName, files: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0), sha256: sha256(Buffer.from(text)) };
}

interface StoredResult {
  uuid?: string;
  status?: string;
  children?: string[];
  attachments?: { source: string }[];
  steps?: StoredResult[];
  befores?: StoredResult[];
  afters?: StoredResult[];
}

const sources = (node: StoredResult): string[] => [...(node.attachments ?? []).map((a) => a.source), ...[...(node.steps ?? []), ...(node.befores ?? []), ...(node.afters ?? [])].flatMap(sources)];

/**
 * The few files that prove a phase's gate: each result that did not pass (with its attachments), up to `limit`;
 * when all passed, the phase's results are proven by the manifest, and one passed result stands for them.
 */
export function gateEvidence(runDir: string, phaseId: string, limit = 5): EvidenceFile[] {
  const dir = join('phases', phaseId, 'allure-results');
  if (!existsSync(join(runDir, dir))) return [];
  const read = (suffix: string) => readdirSync(join(runDir, dir))
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((file) => ({ file, result: JSON.parse(readFileSync(join(runDir, dir, file), 'utf8')) as StoredResult }));
  const results = read('-result.json');
  // The hooks' containers hold what was attached after the scenario: screenshot, console errors, trace.
  const containers = read('-container.json');
  const failed = results.filter((r) => r.result.status !== 'passed');
  const chosen = failed.length > 0 ? failed.slice(0, limit) : results.slice(0, 1);
  return chosen.flatMap((chosenResult) => {
    // Only the containers that attached something: a hook that attached nothing proves nothing.
    const own = containers.filter((c) => c.result.children?.includes(chosenResult.result.uuid ?? '') && sources(c.result).length > 0);
    return [chosenResult, ...own].flatMap(({ file, result }) => [file, ...sources(result)]);
  }).filter((f) => existsSync(join(runDir, dir, f))).map((f) => hashFile(runDir, join(dir, f)));
}

// Visual comparison against approved baselines (PNG files and a manifest in the repo), with a per-pixel and a global tolerance.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';

/** The one way baselines change: reviewed screenshots, approved by this command. */
export const updateBaselinesCommand = 'node tools/update-baselines.ts';

export interface VisualTolerance {
  /** Per-pixel colour distance pixelmatch ignores (0..1); 0.1 absorbs anti-aliasing noise. */
  threshold: number;
  /** Share of pixels that may differ before the page counts as different. */
  maxDiffRatio: number;
}

// Rendering on one kind of machine is deterministic: 0.02 % (about 200 pixels of a 1280×800 page) absorbs a stray glyph, not a swapped logo (0.08 %).
export const defaultTolerance: VisualTolerance = { threshold: 0.1, maxDiffRatio: 0.0002 };

interface ManifestEntry { fingerprint: string; width: number; height: number; approvedAt: string }
type Manifest = Record<string, ManifestEntry>;

export interface Comparison {
  name: string;
  ok: boolean;
  /** "approved" when the run was asked to approve screenshots instead of comparing them. */
  status: 'match' | 'differs' | 'approved';
  diffRatio: number;
  expected: Buffer;
  actual: Buffer;
  /** Differing pixels in red over a faded copy of the baseline. */
  diff: Buffer | undefined;
  message: string;
}

export interface BaselineAudit { missing: string[]; stale: string[]; orphans: string[] }

export class BaselineStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  #manifest(): Manifest {
    const file = join(this.dir, 'manifest.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : {};
  }

  #file(name: string): string {
    return join(this.dir, `${name}.png`);
  }

  /** Writes `actual` as the approved baseline of `name`, for the thing `fingerprint` describes. */
  approve(name: string, fingerprint: string, actual: Buffer): void {
    mkdirSync(this.dir, { recursive: true });
    const { width, height } = PNG.sync.read(actual);
    writeFileSync(this.#file(name), actual);
    const manifest = { ...this.#manifest(), [name]: { fingerprint, width, height, approvedAt: new Date().toISOString() } };
    const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(join(this.dir, 'manifest.json'), `${JSON.stringify(sorted, null, 2)}\n`);
  }

  /** Forgets a baseline no longer needed: its file and its manifest entry. */
  remove(name: string): void {
    rmSync(this.#file(name), { force: true });
    const { [name]: _gone, ...rest } = this.#manifest();
    writeFileSync(join(this.dir, 'manifest.json'), `${JSON.stringify(rest, null, 2)}\n`);
  }

  /**
   * Compares `actual` with the baseline of `name`. A missing baseline, or one approved for another fingerprint (the
   * brand changed in the catalog since), is stale input: a ConfigurationError naming the update command.
   */
  compare(name: string, fingerprint: string, actual: Buffer, tolerance: VisualTolerance = defaultTolerance): Comparison {
    const entry = this.#manifest()[name];
    const file = this.#file(name);
    if (!entry || !existsSync(file)) {
      throw new ConfigurationError(`no approved baseline "${name}" in ${this.dir}: look at the screenshot attached and approve it with: ${updateBaselinesCommand}`);
    }
    if (entry.fingerprint !== fingerprint) {
      throw new ConfigurationError(`the baseline "${name}" is stale: it was approved on ${entry.approvedAt} for another version of what it shows (the catalog changed since); review and approve again with: ${updateBaselinesCommand}`);
    }
    const expected = readFileSync(file);
    const { ratio, diff } = pixelDiff(PNG.sync.read(expected), PNG.sync.read(actual), tolerance.threshold);
    const ok = ratio <= tolerance.maxDiffRatio;
    const percent = (ratio * 100).toFixed(2);
    const message = ok ? `${name}: ${percent}% of pixels differ (tolerance ${(tolerance.maxDiffRatio * 100).toFixed(2)}%)`
      : `${name} does not look like its approved baseline (${file}): ${percent}% of its pixels differ, beyond the ${(tolerance.maxDiffRatio * 100).toFixed(2)}% tolerated; see the expected, actual and diff images attached. If the change is intended, approve it with: ${updateBaselinesCommand}`;
    return { name, ok, status: ok ? 'match' : 'differs', diffRatio: ratio, expected, actual, diff: ok ? undefined : PNG.sync.write(diff), message };
  }

  /** Baselines the expected list lacks, was approved for another fingerprint, or no longer needs. */
  audit(expected: readonly { name: string; fingerprint: string }[]): BaselineAudit {
    const manifest = this.#manifest();
    const names = new Set(expected.map((e) => e.name));
    const files = existsSync(this.dir) ? readdirSync(this.dir).filter((f) => f.endsWith('.png')).map((f) => f.slice(0, -4)) : [];
    return {
      missing: expected.filter((e) => !manifest[e.name] || !files.includes(e.name)).map((e) => e.name),
      stale: expected.filter((e) => manifest[e.name] && manifest[e.name]?.fingerprint !== e.fingerprint).map((e) => e.name),
      orphans: [...new Set([...files, ...Object.keys(manifest)])].filter((n) => !names.has(n)).sort(),
    };
  }
}

/** Throws the comparison's message as a product failure when it did not match. */
export function expectMatch(comparison: Comparison): void {
  if (!comparison.ok) throw new ProductAssertionError(comparison.message);
}

/** Share of differing pixels; the area outside the overlap of two sizes counts as differing. */
function pixelDiff(expected: PNG, actual: PNG, threshold: number): { ratio: number; diff: PNG } {
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const a = padTo(expected, width, height);
  const b = padTo(actual, width, height);
  const diff = new PNG({ width, height });
  const differing = pixelmatch(a.data, b.data, diff.data, width, height, { threshold, includeAA: false });
  return { ratio: differing / (width * height), diff };
}

/** The image on a canvas of the given size, the rest transparent magenta so it always differs. */
function padTo(image: PNG, width: number, height: number): PNG {
  if (image.width === width && image.height === height) return image;
  const canvas = new PNG({ width, height });
  for (let i = 0; i < canvas.data.length; i += 4) canvas.data.set([255, 0, 255, 255], i);
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas;
}

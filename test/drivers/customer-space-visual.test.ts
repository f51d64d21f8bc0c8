// Visual baselines: a match within tolerance, a difference with its diff image, and missing or stale baselines naming the update command.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { BaselineStore, expectMatch } from '../../drivers/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';

/** A 100×50 image of one colour, with an optional block of another colour. */
function image(block?: { x: number; y: number; size: number }): Buffer {
  const png = new PNG({ width: 100, height: 50 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([11, 95, 255, 255], i);
  if (block) {
    for (let y = block.y; y < block.y + block.size; y++) for (let x = block.x; x < block.x + block.size; x++) png.data.set([255, 255, 255, 255], (y * 100 + x) * 4);
  }
  return PNG.sync.write(png);
}

describe('visual baselines', () => {
  let dir: string;
  let store: BaselineStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baselines-'));
    store = new BaselineStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('matches the same page, and a page within the tolerance', () => {
    store.approve('dashboard-x', 'f1', image());
    assert.equal(store.compare('dashboard-x', 'f1', image()).status, 'match');
    const close = store.compare('dashboard-x', 'f1', image({ x: 0, y: 0, size: 2 }), { threshold: 0.1, maxDiffRatio: 0.001 });
    assert.equal(close.ok, true);
    assert.equal(close.diffRatio, 4 / 5000);
  });

  it('fails a page beyond the tolerance with a diff image, naming the baseline and the update command', () => {
    store.approve('dashboard-x', 'f1', image());
    const comparison = store.compare('dashboard-x', 'f1', image({ x: 10, y: 10, size: 10 }));
    assert.equal(comparison.status, 'differs');
    assert.ok(comparison.diff && PNG.sync.read(comparison.diff).width === 100);
    assert.throws(() => expectMatch(comparison), /dashboard-x does not look like its approved baseline .*2\.00% of its pixels differ, beyond the 0\.02% tolerated.*node tools\/update-baselines\.ts/);
  });

  it('counts a page of another size as different rather than failing to compare', () => {
    store.approve('dashboard-x', 'f1', image());
    const taller = new PNG({ width: 100, height: 60 });
    PNG.bitblt(PNG.sync.read(image()), taller, 0, 0, 100, 50, 0, 0);
    assert.equal(store.compare('dashboard-x', 'f1', PNG.sync.write(taller)).ok, false);
  });

  it('reports a missing baseline, and one approved for another look of the brand, as stale input with the update command', () => {
    assert.throws(() => store.compare('dashboard-y', 'f1', image()), (error: unknown) => error instanceof ConfigurationError && /no approved baseline "dashboard-y".*node tools\/update-baselines\.ts/.test(error.message));
    store.approve('dashboard-y', 'f1', image());
    assert.throws(() => store.compare('dashboard-y', 'f2', image()), (error: unknown) => error instanceof ConfigurationError && /the baseline "dashboard-y" is stale.*node tools\/update-baselines\.ts/.test(error.message));
  });

  it('audits the baselines: missing, stale and orphaned, and forgets an orphan', () => {
    store.approve('dashboard-a', 'fa', image());
    store.approve('dashboard-b', 'old', image());
    store.approve('dashboard-gone', 'fg', image());
    assert.deepEqual(store.audit([{ name: 'dashboard-a', fingerprint: 'fa' }, { name: 'dashboard-b', fingerprint: 'new' }, { name: 'dashboard-c', fingerprint: 'fc' }]),
      { missing: ['dashboard-c'], stale: ['dashboard-b'], orphans: ['dashboard-gone'] });
    store.remove('dashboard-gone');
    assert.deepEqual(store.audit([{ name: 'dashboard-a', fingerprint: 'fa' }, { name: 'dashboard-b', fingerprint: 'old' }]), { missing: [], stale: [], orphans: [] });
  });
});

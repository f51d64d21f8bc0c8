// Leases on designated migrated accounts: one scenario at a time per account, and a rest between two scenarios, so that
// what the scenario before did on the account (a detection just before it gave it back) is not counted as the next one's.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clockToleranceMs, handoverGapMs, releaseLease, tryLease } from '../../steps/support/leases.ts';

describe('leases on designated migrated accounts', () => {
  let dir = '';
  const saved = process.env['HARNESS_ENV_FILE'];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'leases-test-'));
    process.env['HARNESS_ENV_FILE'] = join(dir, 'environment.json');
  });
  after(() => {
    if (saved === undefined) delete process.env['HARNESS_ENV_FILE'];
    else process.env['HARNESS_ENV_FILE'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives an account to one scenario at a time', () => {
    assert.equal(tryLease('one@x.test', 'first', 1_000_000), true);
    assert.equal(tryLease('one@x.test', 'second', 1_000_000), false, 'held by a running scenario (this process)');
    assert.equal(tryLease('other@x.test', 'second', 1_000_000), true, 'another account is free');
  });

  it(`gives it again only ${handoverGapMs} ms after the scenario before gave it back`, () => {
    releaseLease('one@x.test', 2_000_000);
    assert.equal(tryLease('one@x.test', 'second', 2_000_000), false, 'given back this instant');
    assert.equal(tryLease('one@x.test', 'second', 2_000_000 + handoverGapMs - 1), false, 'given back less than the gap ago');
    assert.equal(tryLease('one@x.test', 'second', 2_000_000 + handoverGapMs), true, 'the gap has passed');
    assert.equal(tryLease('one@x.test', 'third', 2_000_000 + 10 * handoverGapMs), false, 'held again, by the second scenario');
  });

  it('leaves more than the clock tolerance between the scenario before and the next one', () => {
    // A scenario counts items from clockToleranceMs before it took the account (steps/support/world.ts, migratedSince).
    assert.ok(handoverGapMs > clockToleranceMs, `${handoverGapMs} ms, against ${clockToleranceMs} ms`);
  });
});

// Command-line validation: bad input names the flag and the valid values.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRunArgs } from '../../harness/args.ts';

describe('harness run arguments', () => {
  it('defaults to a local V10 run of the full regression on 2 instances', () => {
    const args = parseRunArgs([]);
    assert.equal(args.env, 'local');
    assert.equal(args.profile, 'default');
    assert.equal(args.version, 'v10');
    assert.equal(args.instances, 2);
    assert.deepEqual(args.faults, []);
  });

  it('refuses an unknown profile and lists the valid ones', () => {
    assert.throws(() => parseRunArgs(['--profile', 'nightly']), /unknown profile "nightly"; valid profiles: default, smoke, foundation/);
  });

  it('refuses an unknown environment and lists the valid ones', () => {
    assert.throws(() => parseRunArgs(['--env', 'staging']), /unknown environment "staging"; valid environments: local, services/);
  });

  it('refuses an instance count that is not a positive whole number', () => {
    assert.throws(() => parseRunArgs(['--instances', '0']), /--instances must be a whole number from 1 to 64, got "0"/);
    assert.throws(() => parseRunArgs(['--instances', 'two']), /--instances/);
  });

  it('refuses an unknown flag with the usage line', () => {
    assert.throws(() => parseRunArgs(['--colour']), /\[configuration\].*Usage: harness run/);
  });

  it('collects repeated fault switches', () => {
    assert.deepEqual(parseRunArgs(['--fault', 'sms-silent', '--fault', 'instance-crash-on-event:i02']).faults, ['sms-silent', 'instance-crash-on-event:i02']);
  });
});

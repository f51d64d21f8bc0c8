// Fault switches of the stand-in platform: parsed per instance, unknown names refused.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFaults } from '../../sandbox/faults.ts';

describe('fault switches', () => {
  it('turns a fault on for every instance when no instance is named', () => {
    assert.deepEqual(parseFaults(['sms-silent'], 'i01').active, ['sms-silent']);
  });

  it('turns a fault on only for the instance it names', () => {
    assert.equal(parseFaults(['instance-crash-on-event:i02'], 'i01').has('instance-crash-on-event'), false);
    assert.equal(parseFaults(['instance-crash-on-event:i02'], 'i02').has('instance-crash-on-event'), true);
  });

  it('refuses an unknown fault and lists the known ones', () => {
    assert.throws(() => parseFaults(['disk-full'], 'i01'), /--fault "disk-full" is unknown; known faults: sms-silent, instance-crash-on-event/);
  });
});

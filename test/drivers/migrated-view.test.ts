// What a migrated customer saw before against what they see now: settings by value, devices exactly, the history page complete and in order.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migratedViewProblems, type CustomerView, type MigratedExpectation } from '../../drivers/index.ts';

const contract = { name: 'Hélène Dupont', phone: '+33612345678', accountType: 'individual', paymentMethod: 'sepa' };
const devices = [{ serial: 'ORIONHD-0000001', model: 'orion-hd-2011' }];

const before: MigratedExpectation = {
  offer: 'serenite-2011',
  account: contract,
  devices,
  events: [
    { serial: 'ORIONHD-0000001', type: 'motion', at: '2025-09-26T14:21:32+02:00' },
    { serial: 'ORIONHD-0000001', type: 'sound', at: '2019-10-27T02:30:00+02:00' },
  ],
  recordings: [],
};

function view(changes: Partial<CustomerView> = {}): CustomerView {
  return {
    customerId: 7,
    offer: 'serenite-2011',
    contract,
    devices,
    events: [
      { serial: 'ORIONHD-0000001', type: 'motion', occurredAt: '2026-12-03T10:00:00.000Z' },
      { serial: 'ORIONHD-0000001', type: 'motion', occurredAt: '2025-09-26T12:21:32.000Z' },
      { serial: 'ORIONHD-0000001', type: 'sound', occurredAt: '2019-10-27T00:30:00.000Z' },
    ],
    recordings: [],
    ...changes,
  };
}

describe('a migrated customer against what they saw before the migration', () => {
  it('finds nothing to say when everything is as before, newer activity aside', () => {
    assert.deepEqual(migratedViewProblems(before, view(), 'v10'), []);
  });

  it('names each setting that changed, with both values', () => {
    const problems = migratedViewProblems(before, view({ contract: { ...contract, name: 'Helene Dupont', paymentMethod: 'card' } }), 'v10');
    assert.deepEqual(problems, ['its name is "Helene Dupont" instead of "Hélène Dupont"', 'its paymentMethod is "card" instead of "sepa"']);
  });

  it('names a device lost and a device gained', () => {
    const problems = migratedViewProblems(before, view({ devices: [{ serial: 'ORIONHD-0000001', model: 'orion-hd-2012' }] }), 'v10');
    assert.deepEqual(problems, ['it no longer has the device(s) ORIONHD-0000001 (orion-hd-2011)', 'it has device(s) it did not have: ORIONHD-0000001 (orion-hd-2012)']);
  });

  it('finds an event shown twice among the recorded history (present is not enough: exactly once)', () => {
    const events = view().events;
    const problems = migratedViewProblems(before, view({ events: [...events.slice(0, 2), events[1]!, events[2]!] }), 'v10');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /it shows 1 event\(s\) it did not have before, among its recorded history: motion event of ORIONHD-0000001 at 26\/09\/2025 14:21:32 heure de Paris \(UTC\+02:00\)/);
  });

  it('finds events listed out of the newest-first order', () => {
    const [now, recent, old] = view().events;
    const problems = migratedViewProblems(before, view({ events: [now!, old!, recent!] }), 'v10');
    assert.deepEqual(problems.length, 1);
    assert.match(problems[0]!, /not listed newest first: motion of ORIONHD-0000001 at 26\/09\/2025 14:21:32 .* comes after sound of ORIONHD-0000001 at 27\/10\/2019 02:30:00/);
  });

  it('finds an event of the October night moved to the second 02:30', () => {
    const [now, recent] = view().events;
    const problems = migratedViewProblems(before, view({ events: [now!, recent!, { serial: 'ORIONHD-0000001', type: 'sound', occurredAt: '2019-10-27T01:30:00.000Z' }] }), 'v10');
    assert.ok(problems.some((p) => /the sound event of ORIONHD-0000001 at 27\/10\/2019 02:30:00 heure de Paris \(UTC\+02:00\) is missing/.test(p)), problems.join('\n'));
  });
});

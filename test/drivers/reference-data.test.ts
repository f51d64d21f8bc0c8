// The data spot checks' comparisons: a reference history against the API (V9 wall clock, V10 instants), and the API against the databases.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseProblems, expiredRecordings, parisTime, parisWallClock, referenceProblems, withParisOffset, type AccountData, type ReferenceExpectation } from '../../drivers/index.ts';

const reference: ReferenceExpectation = {
  offer: 'serenite-2011',
  events: [
    { serial: 'CAM-1', type: 'motion', at: '2019-10-27T02:30:00+02:00' },
    { serial: 'CAM-1', type: 'motion', at: '2019-10-27T02:30:00+02:00' },
    { serial: 'CAM-1', type: 'sound', at: '2016-03-27T03:30:00+02:00' },
  ],
  recordings: [{ serial: 'CAM-1', startedAt: '2026-11-26T10:31:02+01:00', durationMs: 15000 }],
};

const view = (overrides: Partial<AccountData> = {}): AccountData => ({
  customerId: 7,
  offer: 'serenite-2011',
  events: [
    { serial: 'CAM-1', type: 'motion', occurredAt: '2019-10-27T00:30:00.000Z' },
    { serial: 'CAM-1', type: 'motion', occurredAt: '2019-10-27T00:30:00.400Z' },
    { serial: 'CAM-1', type: 'sound', occurredAt: '2016-03-27T01:30:00.000Z' },
    { serial: 'CAM-1', type: 'motion', occurredAt: '2026-11-26T09:40:00.000Z' },
  ],
  recordings: [{ serial: 'CAM-1', startedAt: '2026-11-26T09:31:02.000Z', durationMs: 15000 }],
  ...overrides,
});

describe('Paris times', () => {
  it('tells the two 02:30 of the October night apart by their offset', () => {
    assert.equal(parisTime('2019-10-27T00:30:00Z'), '27/10/2019 02:30:00 heure de Paris (UTC+02:00)');
    assert.equal(parisTime('2019-10-27T01:30:00Z'), '27/10/2019 02:30:00 heure de Paris (UTC+01:00)');
    assert.equal(parisWallClock('2019-10-27T00:30:00Z'), parisWallClock('2019-10-27T01:30:00Z'));
    assert.deepEqual([withParisOffset('2019-10-27T00:30:00.900Z'), withParisOffset(Date.parse('2019-10-27T01:30:00Z'))], ['2019-10-27T02:30:00+02:00', '2019-10-27T02:30:00+01:00']);
  });
});

describe('the reference data of a test account', () => {
  it('is all there: same offer, each event at its instant to the second, each recording of its duration; later activity does not matter', () => {
    assert.deepEqual(referenceProblems(reference, view(), 'v10'), []);
  });

  it('names each missing event with its Paris time and offset', () => {
    const problems = referenceProblems(reference, view({ events: [] }), 'v10');
    assert.deepEqual(problems, [
      'the motion event of CAM-1 at 27/10/2019 02:30:00 heure de Paris (UTC+02:00) is missing',
      'the motion event of CAM-1 at 27/10/2019 02:30:00 heure de Paris (UTC+02:00) is missing',
      'the sound event of CAM-1 at 27/03/2016 03:30:00 heure de Paris (UTC+02:00) is missing',
    ]);
  });

  it('on V10, catches an event read as the second 02:30 (one hour late) and says so', () => {
    const shifted = view().events.map((e) => (e.occurredAt.startsWith('2019-10-27T00:30:00.000') ? { ...e, occurredAt: '2019-10-27T01:30:00.000Z' } : e));
    const problems = referenceProblems(reference, view({ events: shifted }), 'v10');
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0] ?? '', /the motion event of CAM-1 at 27\/10\/2019 02:30:00 heure de Paris \(UTC\+02:00\) is missing \(the account has motion events of CAM-1 at .*27\/10\/2019 02:30:00 heure de Paris \(UTC\+01:00\), 1 h later/);
  });

  it('on V9, compares Paris wall clocks: V9 stores no offset, so its API may show either 02:30', () => {
    const v9 = view().events.map((e) => (e.occurredAt.startsWith('2019-10-27T00:30') ? { ...e, occurredAt: '2019-10-27T01:30:00.000Z' } : e));
    assert.deepEqual(referenceProblems(reference, view({ events: v9 }), 'v9'), []);
  });

  it('names another offer, and a recording of another duration', () => {
    const problems = referenceProblems(reference, view({ offer: 'serenite-plus-2012', recordings: [{ serial: 'CAM-1', startedAt: '2026-11-26T09:31:02.000Z', durationMs: 0 }] }), 'v10');
    assert.deepEqual(problems, [
      'its offer is "serenite-plus-2012" instead of "serenite-2011"',
      'the recording of CAM-1 started at 26/11/2026 10:31:02 heure de Paris (UTC+01:00) should last 15000 ms; it lasts 0 ms',
    ]);
  });

  it('does not require a recording past the offer\'s retention, which the platform may rightly have deleted', () => {
    const keptSince = Date.parse('2026-11-27T00:00:00Z');
    assert.deepEqual(referenceProblems(reference, view({ recordings: [] }), 'v10', { keptSince }), []);
    assert.deepEqual(expiredRecordings(reference, keptSince), reference.recordings);
    assert.equal(referenceProblems(reference, view({ recordings: [] }), 'v10', { keptSince: Date.parse('2026-11-20T00:00:00Z') }).length, 1);
  });
});

describe('the API against the databases', () => {
  it('agrees when both hold the same rows (V10 instants, V9 Paris wall clocks)', () => {
    assert.deepEqual(databaseProblems(view(), view(), 'v10'), []);
    const v9Rows = view({ events: view().events.map((e) => ({ ...e, occurredAt: parisWallClock(e.occurredAt) })), recordings: [{ serial: 'CAM-1', startedAt: '2026-11-26 10:31:02', durationMs: 15000 }] });
    assert.deepEqual(databaseProblems(view(), v9Rows, 'v9'), []);
  });

  it('names what one side holds and the other does not', () => {
    const problems = databaseProblems(view({ events: view().events.slice(1) }), view({ recordings: [] }), 'v10');
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0] ?? '', /^the events database holds 1 the API does not show: motion event of CAM-1 at 27\/10\/2019 02:30:00/);
    assert.match(problems[1] ?? '', /^the API shows 1 the media database does not hold: recording of CAM-1/);
  });
});

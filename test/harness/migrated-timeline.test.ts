// A migrated customer's timeline in the customer space: the events since the migration first, then the history they had, in the same order.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timelineProblems } from '../../steps/support/migrated-checks.ts';

const recorded = [
  { serial: 'B', type: 'motion', at: '2025-03-03T10:00:00.000Z' },
  { serial: 'A', type: 'sound', at: '2025-03-02T10:00:00.000Z' },
  { serial: 'B', type: 'motion', at: '2025-03-01T10:00:00.000Z' },
];
const since = { occurredAt: '2026-12-03T14:00:00.000Z' };
const old = recorded.map((e) => ({ occurredAt: e.at }));

describe('the timeline of a migrated customer', () => {
  it('accepts the history in its order after the events that came since the migration', () => {
    const shown = [{ serial: 'B', type: 'motion' }, ...recorded.map(({ serial, type }) => ({ serial, type }))];
    assert.deepEqual(timelineProblems(recorded, shown, [since, ...old]), []);
  });

  it('names the first event out of its place', () => {
    const shown = [{ serial: 'A', type: 'sound' }, { serial: 'B', type: 'motion' }, { serial: 'B', type: 'motion' }];
    assert.deepEqual(timelineProblems(recorded, shown, old), [
      'event 1 of the page is "sound of A" where "motion of B" was expected (out of place) (after 0 that came since; newest first)',
      'event 2 of the page is "motion of B" where "sound of A" was expected (out of place) (after 0 that came since; newest first)',
    ]);
  });

  it('fails a page that shows none of the history', () => {
    assert.match(timelineProblems(recorded, [{ serial: 'B', type: 'motion' }], [since, ...old])[0] ?? '', /none of the 3 it had before \(1 came since\)/);
  });

  it('compares as far as the page goes, and no further', () => {
    assert.deepEqual(timelineProblems(recorded, [{ serial: 'B', type: 'motion' }], old, 1), []);
    assert.deepEqual(timelineProblems(recorded, [{ serial: 'B', type: 'motion' }, { serial: 'A', type: 'sound' }], old), ['event 3 of the page "motion of B" is missing (after 0 that came since; newest first)']);
  });

  it('fails an event the history did not have, and accepts events of one instant in any order', () => {
    const shown = [...recorded.map(({ serial, type }) => ({ serial, type })), { serial: 'C', type: 'motion' }];
    assert.deepEqual(timelineProblems(recorded, shown, old), ['event 4 of the page "motion of C" is extra (after 0 that came since; newest first)']);
    const together = recorded.map((e) => ({ ...e, at: '2025-03-03T10:00:00.000Z' }));
    assert.deepEqual(timelineProblems(together, [{ serial: 'A', type: 'sound' }, { serial: 'B', type: 'motion' }, { serial: 'B', type: 'motion' }], old.slice(0, 1)), []);
  });
});

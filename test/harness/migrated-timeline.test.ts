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

  it('names an event shown at another time than the Paris time it had (e.g. the server\'s UTC)', () => {
    const at = (e: { at: string }, shift = 0): string => new Intl.DateTimeFormat('fr-FR', { timeZone: shift === 0 ? 'Europe/Paris' : 'UTC', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(e.at));
    const right = recorded.map((e) => ({ serial: e.serial, type: e.type, text: `${at(e)} – x – ${e.serial}` }));
    assert.deepEqual(timelineProblems(recorded, right, old), []);
    const utc = right.map((r, i) => (i === 1 ? { ...r, text: `${at(recorded[1]!, 1)} – x – ${r.serial}` } : r));
    assert.deepEqual(timelineProblems(recorded, utc, old), ['event 2 of the page reads "02/03/2025 10:00:00 – x – A", not the sound of A at 02/03/2025 11:00:00 (Paris time)']);
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

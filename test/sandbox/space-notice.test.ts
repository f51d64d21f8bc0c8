// The migration notice's rule: Paris calendar days J-5 and J-1, gone after the window, daylight saving included.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frenchDateTime } from '../../sandbox/notice/french.ts';
import { noticeSchedule, noticeStage } from '../../sandbox/notice/rule.ts';

// Tuesday 1 December 2026, 09:30 in Paris (UTC+1).
const config = { at: new Date('2026-12-01T08:30:00Z'), windowMinutes: 45 };

describe('the migration notice rule', () => {
  it('shows nothing on J-6, even one minute before midnight in Paris', () => {
    assert.equal(noticeStage(new Date('2026-11-25T10:00:00Z'), config), 'none');
    assert.equal(noticeStage(new Date('2026-11-25T22:59:00Z'), config), 'none');
  });

  it('shows the notice from midnight in Paris on J-5', () => {
    assert.equal(noticeStage(new Date('2026-11-25T23:00:00Z'), config), 'notice');
    assert.equal(noticeStage(new Date('2026-11-29T22:59:59Z'), config), 'notice');
  });

  it('shows the reminder from midnight in Paris on J-1 until the end of the window', () => {
    assert.equal(noticeStage(new Date('2026-11-29T23:00:00Z'), config), 'reminder');
    assert.equal(noticeStage(new Date('2026-12-01T09:14:59Z'), config), 'reminder');
  });

  it('shows nothing once the maintenance window has passed', () => {
    assert.equal(noticeStage(new Date('2026-12-01T09:15:00Z'), config), 'none');
    assert.equal(noticeStage(new Date('2027-01-01T00:00:00Z'), config), 'none');
  });

  it('shows nothing when no migration is scheduled', () => {
    assert.equal(noticeStage(new Date(), undefined), 'none');
  });

  it('counts Paris calendar days across the change to winter time', () => {
    // Cut on Tuesday 27 October 2026 at 09:30 (UTC+1); clocks went back on Sunday 25 October.
    const schedule = noticeSchedule({ at: new Date('2026-10-27T08:30:00Z'), windowMinutes: 45 });
    assert.equal(schedule.noticeFrom.toISOString(), '2026-10-21T22:00:00.000Z', 'J-5 starts at midnight summer time');
    assert.equal(schedule.reminderFrom.toISOString(), '2026-10-25T23:00:00.000Z', 'J-1 starts at midnight winter time');
  });

  it('renders the cut in French for Europe/Paris, in winter and in summer', () => {
    assert.deepEqual(frenchDateTime(config.at), { date: 'mardi 1 décembre 2026', time: '09:30' });
    assert.deepEqual(frenchDateTime(new Date('2026-07-01T07:30:00Z')), { date: 'mercredi 1 juillet 2026', time: '09:30' });
  });
});

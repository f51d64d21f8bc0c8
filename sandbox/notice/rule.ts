// When the migration notice shows: from J-5 (00:00 Paris), as a reminder from J-1, until the maintenance window has passed.

/**
 * The rule (docs/platform-interface.md, "Migration notice"): J is the Paris calendar day of the cut `at`.
 * - before 00:00 (Paris) on J-5: no notice;
 * - from 00:00 on J-5: the notice;
 * - from 00:00 on J-1: the reminder, which stays up to the end of the window (`at` + window) in case the site is
 *   still up when the cut starts;
 * - from `at` + window on: nothing, whatever the platform's version: the migration is over.
 * Only the platform's clock (which the local environment may set) decides; the days are Paris calendar days, so a
 * daylight-saving change inside the five days moves nothing.
 */
export type NoticeStage = 'none' | 'notice' | 'reminder';

export interface NoticeConfig {
  /** Start of the maintenance window: the cut. */
  at: Date;
  windowMinutes: number;
}

export interface NoticeSchedule {
  noticeFrom: Date;
  reminderFrom: Date;
  windowEnd: Date;
}

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const parisClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function noticeSchedule(config: NoticeConfig): NoticeSchedule {
  return {
    noticeFrom: parisMidnightDaysBefore(config.at, 5),
    reminderFrom: parisMidnightDaysBefore(config.at, 1),
    windowEnd: new Date(config.at.getTime() + config.windowMinutes * 60_000),
  };
}

export function noticeStage(now: Date, config: NoticeConfig | undefined): NoticeStage {
  if (config === undefined) return 'none';
  const schedule = noticeSchedule(config);
  if (now < schedule.noticeFrom || now >= schedule.windowEnd) return 'none';
  return now < schedule.reminderFrom ? 'notice' : 'reminder';
}

/** 00:00 in Paris on the Paris calendar day `days` before the day of `instant`. */
export function parisMidnightDaysBefore(instant: Date, days: number): Date {
  const [year = 0, month = 1, day = 1] = parisDay.format(instant).split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1, day - days));
  const date = target.toISOString().slice(0, 10);
  // Paris is UTC+1 or UTC+2, and midnight is never skipped nor repeated there.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(target.getTime() - offsetHours * 3_600_000);
    if (parisDay.format(candidate) === date && parisClock.format(candidate) === '00:00') return candidate;
  }
  throw new Error(`no Paris midnight found on ${date}`);
}

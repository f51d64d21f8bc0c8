// Each account's module clock: the platform clock plus the account's own offset (moved only for synthetic accounts, by tests).

import type { StateStore } from '../store/index.ts';

/** The platform's clock (sandbox/clock when the instance has one, real time otherwise). */
export type BaseClock = () => Promise<Date>;

export interface ModuleClock {
  base: BaseClock;
  /** Now, as the account's modules see it. */
  now(accountId: number): Promise<Date>;
  /** Moves the account's clock forward by `ms` and returns its new time. */
  advance(accountId: number, ms: number): Promise<Date>;
}

export function createModuleClock(base: BaseClock, state: StateStore): ModuleClock {
  const now = async (accountId: number): Promise<Date> => {
    const [time, s] = await Promise.all([base(), state.state(accountId)]);
    return new Date(time.getTime() + s.clockOffsetMs);
  };
  return {
    base,
    now,
    async advance(accountId, ms) {
      await state.addClockOffset(accountId, ms);
      return now(accountId);
    },
  };
}

/** "2026-11" for the calendar month of `date` in Europe/Paris: quotas count per month as customers live it. */
export function parisMonth(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).formatToParts(date);
  const year = parts.find((p) => p.type === 'year')?.value ?? '0000';
  const month = parts.find((p) => p.type === 'month')?.value ?? '00';
  return `${year}-${month}`;
}

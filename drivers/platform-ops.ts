// Client of the stand-in platform's local ops endpoints (/__ops/*): test clock (the platform's or one account's), migration date, maintenance, support accounts.

import { ConfigurationError } from '../lib/errors.ts';
import { expectJson, sendJson, type JsonRequest } from './http.ts';

export type MaintenanceScope = 'all' | 'space' | 'back-office';
type Switches = Record<MaintenanceScope, boolean>;

export interface NoticeSchedule {
  at: string | null;
  windowMinutes: number | null;
  noticeFrom: string | null;
  reminderFrom: string | null;
  windowEnd: string | null;
  now: string;
  stage: 'none' | 'notice' | 'reminder';
}

/**
 * What a scenario changes here, it undoes in `restore()` (the After hook calls it): the clock, the notice date and
 * the maintenance switches are shared by every instance, so a scenario that sets them runs alone (@exclusif).
 */
export class PlatformOps {
  readonly #baseUrl: string;
  readonly #allowed: boolean;
  readonly #timeoutMs: number;
  /** How far the platform's clock was from real time before this object first set it (ms); undefined until then. */
  #savedClockOffsetMs: number | undefined;
  #savedNotice: NoticeSchedule | undefined;
  #savedSwitches: Switches | undefined;
  /** Accounts whose own clock this object moved: back to their real clock in `restore()`. */
  readonly #movedAccounts = new Set<string>();

  constructor(baseUrl: string, options: { allowed: boolean; timeoutMs?: number }) {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#allowed = options.allowed;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Sets the platform's clock (time goes on from there). */
  async setClock(now: Date): Promise<void> {
    if (this.#savedClockOffsetMs === undefined) {
      const before = await this.#call<{ now: string }>('GET', 'clock');
      this.#savedClockOffsetMs = Date.parse(before.now) - Date.now();
    }
    await this.#call('POST', 'clock', { now: now.toISOString() });
  }

  /** Moves one account's clock (its renewal, grace and retention run at once) to `now`; any account, migrated ones included. Returns its time. */
  async setAccountClock(email: string, now: Date): Promise<string> {
    this.#movedAccounts.add(email);
    return (await this.#call<{ now: string }>('POST', 'account-clock', { email, now: now.toISOString() })).now;
  }

  async schedule(): Promise<NoticeSchedule> {
    return this.#call<NoticeSchedule>('GET', 'notice');
  }

  /** Schedules the migration's cut (the start of the maintenance window) that the notice announces. */
  async scheduleMigration(at: Date, windowMinutes?: number): Promise<NoticeSchedule> {
    this.#savedNotice ??= await this.schedule();
    return this.#call<NoticeSchedule>('POST', 'notice', { at: at.toISOString(), ...(windowMinutes ? { windowMinutes } : {}) });
  }

  async setMaintenance(scope: MaintenanceScope, active: boolean): Promise<void> {
    this.#savedSwitches ??= await this.#call<Switches>('GET', 'maintenance');
    await this.#call('POST', 'maintenance', { scope, active });
  }

  /** Creates (or resets) a support staff account. */
  async saveStaff(account: { email: string; name: string; password: string }): Promise<void> {
    await this.#call('POST', 'staff', account, 201);
  }

  /** Puts back what this object changed: the clock as it was (real time, or a run's shifted clock), the previous notice date, the previous maintenance switches. */
  async restore(): Promise<void> {
    for (const email of this.#movedAccounts) await this.#call('POST', 'account-clock', { email, now: null });
    this.#movedAccounts.clear();
    if (this.#savedSwitches) {
      for (const [scope, active] of Object.entries(this.#savedSwitches)) await this.#call('POST', 'maintenance', { scope, active });
      this.#savedSwitches = undefined;
    }
    if (this.#savedNotice) {
      const { at, windowMinutes } = this.#savedNotice;
      await this.#call('POST', 'notice', { at, ...(windowMinutes ? { windowMinutes } : {}) });
      this.#savedNotice = undefined;
    }
    if (this.#savedClockOffsetMs !== undefined) {
      // Within a second of real time is real time: the reading above took some milliseconds.
      const offset = this.#savedClockOffsetMs;
      await this.#call('POST', 'clock', { now: Math.abs(offset) < 1000 ? null : new Date(Date.now() + offset).toISOString() });
    }
    this.#savedClockOffsetMs = undefined;
  }

  async #call<T = unknown>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    if (!this.#allowed) {
      throw new ConfigurationError(`this scenario sets the platform's clock, an account's clock, the migration date or maintenance, which only the local environment allows (${method} /__ops/${path}); run it with --env local, or exclude @exclusif, @horloge-de-test and @local-only`);
    }
    const request: JsonRequest = { method, url: `${this.#baseUrl}/__ops/${path}`, body, timeoutMs: this.#timeoutMs, peer: 'the platform instance' };
    return expectJson<T>(request, await sendJson(request), expected);
  }
}

const parisWall = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The instant Paris clocks show `date` ("01/12/2026") at `time` ("09:30"); a time skipped in March is refused. */
export function parisInstant(date: string, time: string): Date {
  const d = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(date);
  const t = /^(\d\d):(\d\d)$/.exec(time);
  if (!d || !t) throw new ConfigurationError(`a Paris date and time must read like 01/12/2026 and 09:30, got "${date}" and "${time}"`);
  const utc = Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1]), Number(t[1]), Number(t[2]));
  const wanted = `${d[3]}-${d[2]}-${d[1]}, ${t[1]}:${t[2]}`;
  // Paris is UTC+1 or UTC+2: the first offset whose instant Paris clocks show as wanted (summer time first).
  for (const hours of [2, 1]) {
    const candidate = new Date(utc - hours * 3_600_000);
    if (parisWall.format(candidate) === wanted) return candidate;
  }
  throw new ConfigurationError(`Paris clocks never show ${date} ${time} (the hour skipped in March)`);
}

/** The same Paris wall-clock time as `instant`, `days` calendar days earlier: "J-5" of a cut. */
export function parisDaysBefore(instant: Date, days: number): Date {
  const [day = '', time = ''] = parisWall.format(instant).split(', ');
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return parisOnDay(y, m, d - days, time);
}

/**
 * The instant Paris clocks show `time` on a day given by numbers (month 1-12); a day out of the month rolls over as
 * Date.UTC does: day 0 is the last day of the month before, month 13 the January after.
 */
export function parisOnDay(year: number, month: number, day: number, time: string): Date {
  const at = new Date(Date.UTC(year, month - 1, day));
  const two = (n: number): string => String(n).padStart(2, '0');
  return parisInstant(`${two(at.getUTCDate())}/${two(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`, time);
}

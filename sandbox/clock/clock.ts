// The platform's clock: real time, or real time shifted by an offset that the local environment may set (`--test-clock`).

import type pg from 'pg';

/** The offset is shared through the accounts database, so every instance started with `--test-clock` reads the same time. */
export const clockDdl = `CREATE TABLE IF NOT EXISTS kw_side.clock (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  offset_ms bigint NOT NULL,
  set_at timestamptz NOT NULL
)`;

export interface PlatformClock {
  /** True when this instance honours a set clock (`--test-clock`). */
  readonly settable: boolean;
  now(): Promise<Date>;
  /** Sets the clock to `now` (time goes on from there); null goes back to real time. Returns the new time. */
  set(now: Date | null): Promise<Date>;
  /** Starts the clock `days` away from real time, unless one was set already (a restart keeps the clock it finds). */
  startShifted(days: number): Promise<void>;
}

export function createClock(pool: pg.Pool, settable: boolean): PlatformClock {
  const offset = async (): Promise<number> => {
    const { rows } = await pool.query<{ offset: string }>('SELECT offset_ms AS offset FROM kw_side.clock');
    return Number(rows[0]?.offset ?? 0);
  };
  return {
    settable,
    async now() {
      return settable ? new Date(Date.now() + (await offset())) : new Date();
    },
    async set(now) {
      if (!settable) throw new Error('the test clock is off on this instance');
      const offsetMs = now === null ? 0 : now.getTime() - Date.now();
      await pool.query(
        `INSERT INTO kw_side.clock (offset_ms, set_at) VALUES ($1, now())
         ON CONFLICT (singleton) DO UPDATE SET offset_ms = EXCLUDED.offset_ms, set_at = EXCLUDED.set_at`,
        [offsetMs],
      );
      return new Date(Date.now() + offsetMs);
    },
    async startShifted(days) {
      if (!settable) throw new Error('the test clock is off on this instance');
      await pool.query('INSERT INTO kw_side.clock (offset_ms, set_at) VALUES ($1, now()) ON CONFLICT (singleton) DO NOTHING', [days * 86_400_000]);
    },
  };
}

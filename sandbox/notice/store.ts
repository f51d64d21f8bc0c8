// The notice's configuration (shared by every instance) and each account's dismissals, beside the versioned schema.

import type pg from 'pg';
import type { NoticeConfig, NoticeStage } from './rule.ts';

export const noticeDdl = `CREATE TABLE IF NOT EXISTS kw_side.notice (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  cut_at timestamptz,
  window_minutes integer NOT NULL,
  set_at timestamptz NOT NULL,
  source text NOT NULL
);
-- Keyed by the cut too: a rescheduled migration is announced again, even to those who dismissed the first date.
CREATE TABLE IF NOT EXISTS kw_side.notice_dismissals (
  customer_id integer NOT NULL,
  cut_at timestamptz NOT NULL,
  stage text NOT NULL CHECK (stage IN ('notice', 'reminder')),
  dismissed_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, cut_at, stage)
)`;

export interface NoticeStore {
  config(): Promise<NoticeConfig | undefined>;
  /** Sets (or, with null, clears) the cut; `source` says who: "--notice-at" or "ops". */
  configure(at: Date | null, windowMinutes: number, source: string): Promise<NoticeConfig | undefined>;
  dismissed(customerId: number, config: NoticeConfig, stage: Exclude<NoticeStage, 'none'>): Promise<boolean>;
  dismiss(customerId: number, config: NoticeConfig, stage: Exclude<NoticeStage, 'none'>): Promise<void>;
}

export function createNoticeStore(pool: pg.Pool): NoticeStore {
  const store: NoticeStore = {
    async config() {
      const { rows } = await pool.query<{ at: Date | null; windowMinutes: number }>('SELECT cut_at AS at, window_minutes AS "windowMinutes" FROM kw_side.notice');
      const row = rows[0];
      return row?.at ? { at: row.at, windowMinutes: row.windowMinutes } : undefined;
    },
    async configure(at, windowMinutes, source) {
      await pool.query(
        `INSERT INTO kw_side.notice (cut_at, window_minutes, set_at, source) VALUES ($1, $2, now(), $3)
         ON CONFLICT (singleton) DO UPDATE SET cut_at = EXCLUDED.cut_at, window_minutes = EXCLUDED.window_minutes, set_at = EXCLUDED.set_at, source = EXCLUDED.source`,
        [at?.toISOString() ?? null, windowMinutes, source],
      );
      return store.config();
    },
    async dismissed(customerId, config, stage) {
      const { rowCount } = await pool.query('SELECT 1 FROM kw_side.notice_dismissals WHERE customer_id = $1 AND cut_at = $2 AND stage = $3', [
        customerId, config.at.toISOString(), stage,
      ]);
      return (rowCount ?? 0) > 0;
    },
    async dismiss(customerId, config, stage) {
      await pool.query(
        `INSERT INTO kw_side.notice_dismissals (customer_id, cut_at, stage, dismissed_at) VALUES ($1, $2, $3, now())
         ON CONFLICT DO NOTHING`,
        [customerId, config.at.toISOString(), stage],
      );
    },
  };
  return store;
}

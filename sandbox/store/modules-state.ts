// The modules' own tables, the same SQL on V9 and V10: per-customer state (clock offset, AI classes, home care) and quotas.

import type pg from 'pg';
import type { Channel, HomeCareSettings, ModuleState } from './modules-types.ts';

interface StateRow {
  clockOffsetMs: string;
  aiClasses: string[];
  windowMinutes: number | null;
  familyPhone: string | null;
  familyEmail: string | null;
  watchSince: Date | null;
  inactivityAlertedAt: Date | null;
}

export interface StateStore {
  /** The customer's state, created with defaults on first use. */
  state(customerId: number): Promise<ModuleState>;
  addClockOffset(customerId: number, ms: number): Promise<void>;
  setAiClasses(customerId: number, classes: string[]): Promise<void>;
  /** Saves the home-care settings and starts watching from `now`. */
  setHomeCare(customerId: number, settings: HomeCareSettings, now: Date): Promise<void>;
  /** A movement seen at `now`: the inactivity window starts again. */
  recordMovement(customerId: number, now: Date): Promise<void>;
  markInactivityAlerted(customerId: number, at: Date): Promise<void>;
  /** Customers whose home-care window may have run out by `baseNow` (their clock offset included). */
  homeCareCandidates(baseNow: Date, limit: number): Promise<number[]>;
  /** Counts one alert against the quota; false (nothing counted) when `limit` is reached. */
  consumeQuota(customerId: number, channel: Channel, period: string, limit: number): Promise<boolean>;
  usage(customerId: number, period: string): Promise<Record<Channel, number>>;
}

export function createStateStore(accounts: pg.Pool): StateStore {
  return {
    async state(customerId) {
      await accounts.query('INSERT INTO module_state (customer_id) VALUES ($1) ON CONFLICT DO NOTHING', [customerId]);
      const { rows } = await accounts.query<StateRow>(
        `SELECT clock_offset_ms AS "clockOffsetMs", ai_classes AS "aiClasses", home_care_window_minutes AS "windowMinutes",
                family_phone AS "familyPhone", family_email AS "familyEmail", watch_since AS "watchSince",
                inactivity_alerted_at AS "inactivityAlertedAt"
         FROM module_state WHERE customer_id = $1`,
        [customerId],
      );
      const r = rows[0];
      if (r === undefined) throw new Error(`module_state of customer ${customerId} vanished (customer deleted?)`);
      const homeCare = r.windowMinutes !== null && r.familyPhone !== null ? { windowMinutes: r.windowMinutes, familyPhone: r.familyPhone, familyEmail: r.familyEmail } : null;
      return { clockOffsetMs: Number(r.clockOffsetMs), aiClasses: r.aiClasses, homeCare, watchSince: r.watchSince, inactivityAlertedAt: r.inactivityAlertedAt };
    },

    async addClockOffset(customerId, ms) {
      await accounts.query(
        `INSERT INTO module_state (customer_id, clock_offset_ms) VALUES ($1, $2)
         ON CONFLICT (customer_id) DO UPDATE SET clock_offset_ms = module_state.clock_offset_ms + EXCLUDED.clock_offset_ms`,
        [customerId, ms],
      );
    },

    async setAiClasses(customerId, classes) {
      await accounts.query(
        `INSERT INTO module_state (customer_id, ai_classes) VALUES ($1, $2)
         ON CONFLICT (customer_id) DO UPDATE SET ai_classes = EXCLUDED.ai_classes`,
        [customerId, classes],
      );
    },

    async setHomeCare(customerId, s, now) {
      await accounts.query(
        `INSERT INTO module_state (customer_id, home_care_window_minutes, family_phone, family_email, watch_since) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (customer_id) DO UPDATE SET home_care_window_minutes = EXCLUDED.home_care_window_minutes, family_phone = EXCLUDED.family_phone,
           family_email = EXCLUDED.family_email, watch_since = EXCLUDED.watch_since, inactivity_alerted_at = NULL`,
        [customerId, s.windowMinutes, s.familyPhone, s.familyEmail, now.toISOString()],
      );
    },

    async recordMovement(customerId, now) {
      await accounts.query(
        `INSERT INTO module_state (customer_id, watch_since) VALUES ($1, $2)
         ON CONFLICT (customer_id) DO UPDATE SET watch_since = greatest(module_state.watch_since, EXCLUDED.watch_since)`,
        [customerId, now.toISOString()],
      );
    },

    async markInactivityAlerted(customerId, at) {
      await accounts.query('UPDATE module_state SET inactivity_alerted_at = $2 WHERE customer_id = $1', [customerId, at.toISOString()]);
    },

    async homeCareCandidates(baseNow, limit) {
      const { rows } = await accounts.query<{ id: number }>(
        `SELECT customer_id AS id FROM module_state
         WHERE home_care_window_minutes IS NOT NULL AND watch_since IS NOT NULL
           AND (inactivity_alerted_at IS NULL OR inactivity_alerted_at < watch_since)
           AND watch_since + make_interval(mins => home_care_window_minutes) <= $1::timestamptz + make_interval(secs => clock_offset_ms / 1000.0)
         ORDER BY customer_id LIMIT $2`,
        [baseNow.toISOString(), limit],
      );
      return rows.map((r) => r.id);
    },

    async consumeQuota(customerId, channel, period, limit) {
      if (limit < 1) return false;
      const { rows } = await accounts.query(
        `INSERT INTO module_usage (customer_id, channel, period, used) VALUES ($1, $2, $3, 1)
         ON CONFLICT (customer_id, channel, period) DO UPDATE SET used = module_usage.used + 1 WHERE module_usage.used < $4
         RETURNING used`,
        [customerId, channel, period, limit],
      );
      return rows.length > 0;
    },

    async usage(customerId, period) {
      const { rows } = await accounts.query<{ channel: Channel; used: number }>(
        'SELECT channel, used FROM module_usage WHERE customer_id = $1 AND period = $2',
        [customerId, period],
      );
      return { sms: rows.find((r) => r.channel === 'sms')?.used ?? 0, email: rows.find((r) => r.channel === 'email')?.used ?? 0 };
    },
  };
}

// The mail outbox, the same SQL on V9 and V10: e-mails wait here until the provider accepts them.

import type pg from 'pg';
import type { OutboxMail } from './modules-types.ts';

export interface OutboxStore {
  enqueue(customerId: number, message: Record<string, unknown>, syntheticRun: string | null, now: Date): Promise<number>;
  /**
   * Takes up to `limit` mails due at `now` (or only mail `id`), leasing them until `leaseUntil` so that no other
   * instance sends them meanwhile.
   */
  claim(now: Date, leaseUntil: Date, limit: number, id?: number): Promise<OutboxMail[]>;
  markSent(id: number): Promise<void>;
  retryLater(id: number, attempts: number, at: Date, error: string): Promise<void>;
  markFailed(id: number, attempts: number, error: string): Promise<void>;
  /** Mails of the customer still waiting for the provider. */
  pending(customerId: number): Promise<number>;
}

export function createOutboxStore(accounts: pg.Pool): OutboxStore {
  return {
    async enqueue(customerId, message, syntheticRun, now) {
      const { rows } = await accounts.query<{ id: string }>(
        `INSERT INTO mail_outbox (customer_id, message, synthetic_run, status, next_attempt_at, created_at) VALUES ($1, $2, $3, 'pending', $4, $4) RETURNING id`,
        [customerId, JSON.stringify(message), syntheticRun, now.toISOString()],
      );
      return Number(rows[0]!.id);
    },

    async claim(now, leaseUntil, limit, id) {
      const { rows } = await accounts.query<Omit<OutboxMail, 'id'> & { id: string }>(
        `UPDATE mail_outbox SET next_attempt_at = $2 WHERE id IN (
           SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= $1 AND ($4::bigint IS NULL OR id = $4)
           ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING id, customer_id AS "customerId", message, synthetic_run AS "syntheticRun", attempts`,
        [now.toISOString(), leaseUntil.toISOString(), limit, id ?? null],
      );
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },

    async markSent(id) {
      await accounts.query("UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, last_error = NULL WHERE id = $1", [id]);
    },

    async retryLater(id, attempts, at, error) {
      await accounts.query('UPDATE mail_outbox SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1', [id, attempts, at.toISOString(), error]);
    },

    async markFailed(id, attempts, error) {
      await accounts.query("UPDATE mail_outbox SET status = 'failed', attempts = $2, last_error = $3 WHERE id = $1", [id, attempts, error]);
    },

    async pending(customerId) {
      const { rows } = await accounts.query<{ n: string }>("SELECT count(*) AS n FROM mail_outbox WHERE customer_id = $1 AND status = 'pending'", [customerId]);
      return Number(rows[0]?.n ?? 0);
    },
  };
}

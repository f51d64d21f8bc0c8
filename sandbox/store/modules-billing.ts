// Billing tables, the same SQL on V9 and V10: renewal state, one payment per period, partner invoice lines.

import type pg from 'pg';
import type { Billing, InvoiceLine, Payment, PaymentStatus } from './modules-types.ts';

const periodDays = 30;

const paymentColumns = `customer_id AS "customerId", period_start AS "periodStart", amount_cents AS "amountCents", method,
  idempotency_key AS "idempotencyKey", status, provider_charge_id AS "providerChargeId", failure, attempts, next_attempt_at AS "nextAttemptAt"`;

export interface PaymentUpdate {
  status: PaymentStatus;
  providerChargeId?: string | null;
  failure?: string | null;
  attempts?: number;
  nextAttemptAt?: Date | null;
}

export interface BillingStore {
  /** The renewal state, created on first use (any module touching the account) with the first period paid from `start` (the signup). */
  billing(customerId: number, start: Date): Promise<Billing>;
  setInstrument(customerId: number, instrument: string): Promise<void>;
  /** Marks the period starting at `period` paid (once: a second call for the same period does nothing); true if it did. */
  markPeriodPaid(customerId: number, period: Date): Promise<boolean>;
  /** Grace starts at `at`, unless it already runs. */
  markPastDue(customerId: number, at: Date): Promise<void>;
  suspend(customerId: number): Promise<void>;
  /** Customers whose renewal or grace may need work at `baseNow` (their clock offset included). */
  candidates(baseNow: Date, limit: number): Promise<number[]>;

  payment(customerId: number, period: Date): Promise<Payment | undefined>;
  paymentByKey(key: string): Promise<Payment | undefined>;
  /** Creates the payment of a period (status due), or returns the existing one. */
  openPayment(p: Pick<Payment, 'customerId' | 'periodStart' | 'amountCents' | 'method' | 'idempotencyKey'>, now: Date): Promise<Payment>;
  updatePayment(key: string, update: PaymentUpdate, now: Date): Promise<void>;
  payments(customerId: number): Promise<Payment[]>;

  addInvoiceLine(line: InvoiceLine & { customerId: number }, now: Date): Promise<void>;
  invoices(customerId: number): Promise<InvoiceLine[]>;
}

export function createBillingStore(accounts: pg.Pool): BillingStore {
  const payment = async (where: string, params: unknown[]): Promise<Payment | undefined> => {
    const { rows } = await accounts.query<Payment>(`SELECT ${paymentColumns} FROM billing_payments WHERE ${where}`, params);
    return rows[0];
  };
  return {
    async billing(customerId, start) {
      await accounts.query(
        `INSERT INTO billing (customer_id, paid_until) VALUES ($1, $2::timestamptz + make_interval(days => ${periodDays})) ON CONFLICT DO NOTHING`,
        [customerId, start.toISOString()],
      );
      const { rows } = await accounts.query<Billing>(
        'SELECT instrument, paid_until AS "paidUntil", past_due_since AS "pastDueSince", suspended FROM billing WHERE customer_id = $1',
        [customerId],
      );
      if (rows[0] === undefined) throw new Error(`billing of customer ${customerId} vanished (customer deleted?)`);
      return rows[0];
    },

    async setInstrument(customerId, instrument) {
      await accounts.query('UPDATE billing SET instrument = $2 WHERE customer_id = $1', [customerId, instrument]);
    },

    async markPeriodPaid(customerId, period) {
      const { rowCount } = await accounts.query(
        `UPDATE billing SET paid_until = paid_until + make_interval(days => ${periodDays}), past_due_since = NULL, suspended = false
         WHERE customer_id = $1 AND paid_until = $2`,
        [customerId, period.toISOString()],
      );
      return (rowCount ?? 0) > 0;
    },

    async markPastDue(customerId, at) {
      await accounts.query('UPDATE billing SET past_due_since = coalesce(past_due_since, $2) WHERE customer_id = $1', [customerId, at.toISOString()]);
    },

    async suspend(customerId) {
      await accounts.query('UPDATE billing SET suspended = true WHERE customer_id = $1', [customerId]);
    },

    async candidates(baseNow, limit) {
      const { rows } = await accounts.query<{ id: number }>(
        `SELECT b.customer_id AS id FROM billing b LEFT JOIN module_state s ON s.customer_id = b.customer_id
         WHERE b.paid_until <= $1::timestamptz + make_interval(secs => coalesce(s.clock_offset_ms, 0) / 1000.0)
            OR (b.past_due_since IS NOT NULL AND NOT b.suspended)
         ORDER BY b.customer_id LIMIT $2`,
        [baseNow.toISOString(), limit],
      );
      return rows.map((r) => r.id);
    },

    payment: (customerId, period) => payment('customer_id = $1 AND period_start = $2', [customerId, period.toISOString()]),
    paymentByKey: (key) => payment('idempotency_key = $1', [key]),

    async openPayment(p, now) {
      await accounts.query(
        `INSERT INTO billing_payments (customer_id, period_start, amount_cents, method, idempotency_key, status, next_attempt_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'due', $6, $6) ON CONFLICT DO NOTHING`,
        [p.customerId, p.periodStart.toISOString(), p.amountCents, p.method, p.idempotencyKey, now.toISOString()],
      );
      const found = await payment('customer_id = $1 AND period_start = $2', [p.customerId, p.periodStart.toISOString()]);
      if (found === undefined) throw new Error(`payment ${p.idempotencyKey} vanished`);
      return found;
    },

    async updatePayment(key, u, now) {
      await accounts.query(
        `UPDATE billing_payments SET status = $2,
           provider_charge_id = CASE WHEN $3::boolean THEN $4 ELSE provider_charge_id END,
           failure = CASE WHEN $5::boolean THEN $6 ELSE failure END,
           attempts = coalesce($7, attempts),
           next_attempt_at = CASE WHEN $8::boolean THEN $9::timestamptz ELSE next_attempt_at END,
           updated_at = $10
         WHERE idempotency_key = $1`,
        [
          key, u.status, u.providerChargeId !== undefined, u.providerChargeId ?? null, u.failure !== undefined, u.failure ?? null,
          u.attempts ?? null, u.nextAttemptAt !== undefined, u.nextAttemptAt?.toISOString() ?? null, now.toISOString(),
        ],
      );
    },

    async payments(customerId) {
      const { rows } = await accounts.query<Payment>(`SELECT ${paymentColumns} FROM billing_payments WHERE customer_id = $1 ORDER BY period_start`, [customerId]);
      return rows;
    },

    async addInvoiceLine(line, now) {
      await accounts.query(
        `INSERT INTO partner_invoice_lines (partner_id, customer_id, period_start, amount_cents, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (customer_id, period_start) DO NOTHING`,
        [line.partner, line.customerId, line.periodStart.toISOString(), line.amountCents, now.toISOString()],
      );
    },

    async invoices(customerId) {
      const { rows } = await accounts.query<InvoiceLine>(
        'SELECT partner_id AS partner, period_start AS "periodStart", amount_cents AS "amountCents" FROM partner_invoice_lines WHERE customer_id = $1 ORDER BY period_start',
        [customerId],
      );
      return rows;
    },
  };
}

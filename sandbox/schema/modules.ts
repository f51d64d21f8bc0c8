// Tables of the service modules (accounts database), the same in V9 and V10: settings, quotas, mail queue, billing.

/**
 * Appended to each version's accounts DDL. Times are UTC timestamptz in both versions: these tables are new with the
 * modules, so V9's Paris wall clock does not apply. A migration must carry them over as they are (customer ids are kept).
 */
export const moduleTablesDdl = `
-- Per customer: the modules' clock offset (synthetic accounts only), AI classes alerted, home-care watch.
CREATE TABLE module_state (
  customer_id integer PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  clock_offset_ms bigint NOT NULL DEFAULT 0,
  ai_classes text[] NOT NULL DEFAULT '{person,vehicle,animal}',
  home_care_window_minutes integer CHECK (home_care_window_minutes > 0),
  family_phone text,
  family_email text,
  -- Home care: since when no movement has been seen (settings saved, or the last movement).
  watch_since timestamptz,
  inactivity_alerted_at timestamptz
);

-- Alerts sent per channel and calendar month (Europe/Paris, "2026-11"), against the offer's monthly quota.
CREATE TABLE module_usage (
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  period text NOT NULL,
  used integer NOT NULL,
  PRIMARY KEY (customer_id, channel, period)
);

-- E-mails wait here until the provider accepts them (retried with backoff while it is down).
CREATE TABLE mail_outbox (
  id bigserial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  message jsonb NOT NULL,
  synthetic_run text,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';

-- Renewal state: paid until when, since when past due (grace), suspended or not.
CREATE TABLE billing (
  customer_id integer PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  instrument text,
  paid_until timestamptz NOT NULL,
  past_due_since timestamptz,
  suspended boolean NOT NULL DEFAULT false
);

-- One payment per renewal period; retries reuse its idempotency key, so the provider never charges twice.
CREATE TABLE billing_payments (
  id bigserial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  period_start timestamptz NOT NULL,
  amount_cents integer NOT NULL,
  method text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  -- due: to send; pending: SEPA awaiting its webhook; unavailable: provider unreachable; unknown: no readable answer.
  status text NOT NULL CHECK (status IN ('due', 'pending', 'succeeded', 'failed', 'unavailable', 'unknown')),
  provider_charge_id text,
  failure text,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (customer_id, period_start)
);

-- Partner-invoiced renewals: billed to the partner, never through the payment provider.
CREATE TABLE partner_invoice_lines (
  id bigserial PRIMARY KEY,
  partner_id text NOT NULL,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  period_start timestamptz NOT NULL,
  amount_cents integer NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (customer_id, period_start)
);
`;

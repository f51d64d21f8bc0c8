// The V9 schema (2011-era design): Europe/Paris local timestamps, durations in seconds, numeric event codes, cameras only.

import { eventCodes } from '../event-types.ts';
import { moduleTablesDdl } from './modules.ts';

const accounts = `
CREATE TABLE platform_meta (version text NOT NULL);

CREATE TABLE partners (
  code text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL
);

CREATE TABLE white_labels (
  code text PRIMARY KEY,
  partner_code text NOT NULL REFERENCES partners (code),
  brand text NOT NULL,
  color_primary text NOT NULL,
  color_secondary text NOT NULL,
  logo_svg text NOT NULL,
  sms_sender text NOT NULL,
  mail_sender text NOT NULL,
  support_phone text NOT NULL
);

CREATE TABLE account_types (code text PRIMARY KEY, label text NOT NULL);
CREATE TABLE payment_methods (code text PRIMARY KEY, label text NOT NULL);
CREATE TABLE modules (code text PRIMARY KEY, label text NOT NULL);

CREATE TABLE offers (
  code text PRIMARY KEY,
  label text NOT NULL,
  launch_year integer NOT NULL,
  legacy boolean NOT NULL,
  max_cameras integer NOT NULL,
  retention_days integer NOT NULL,
  monthly_price_cents integer NOT NULL,
  -- Alerts per account and calendar month, per channel (service modules).
  sms_quota integer NOT NULL DEFAULT 0,
  email_quota integer NOT NULL DEFAULT 0
);

CREATE TABLE offer_modules (
  offer_code text NOT NULL REFERENCES offers (code),
  module_code text NOT NULL REFERENCES modules (code),
  PRIMARY KEY (offer_code, module_code)
);

-- What each brand sells: its partner's offers, its own account types and payment methods.
CREATE TABLE partner_offers (
  partner_code text NOT NULL REFERENCES partners (code),
  offer_code text NOT NULL REFERENCES offers (code),
  PRIMARY KEY (partner_code, offer_code)
);

CREATE TABLE white_label_account_types (
  white_label_code text NOT NULL REFERENCES white_labels (code),
  account_type_code text NOT NULL REFERENCES account_types (code),
  PRIMARY KEY (white_label_code, account_type_code)
);

CREATE TABLE white_label_payment_methods (
  white_label_code text NOT NULL REFERENCES white_labels (code),
  payment_method_code text NOT NULL REFERENCES payment_methods (code),
  PRIMARY KEY (white_label_code, payment_method_code)
);

CREATE TABLE camera_models (
  code text PRIMARY KEY,
  label text NOT NULL,
  launch_year integer NOT NULL,
  generation text NOT NULL
);

-- The customer's offer is a plain column: V9 has no subscription history.
CREATE TABLE customers (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  full_name text NOT NULL,
  phone text NOT NULL,
  white_label_code text NOT NULL REFERENCES white_labels (code),
  account_type_code text NOT NULL REFERENCES account_types (code),
  payment_method_code text NOT NULL REFERENCES payment_methods (code),
  offer_code text NOT NULL REFERENCES offers (code),
  synthetic_run text,
  created_local timestamp NOT NULL
);

CREATE TABLE cameras (
  serial text PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  model_code text NOT NULL REFERENCES camera_models (code),
  firmware text,
  online boolean NOT NULL DEFAULT false,
  last_seen_local timestamp,
  claimed_local timestamp NOT NULL
);
CREATE INDEX cameras_customer ON cameras (customer_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  expires_local timestamp NOT NULL
);

-- The SEPA direct debit mandate a customer paying by SEPA signed (its unique mandate reference, RUM), Paris wall clock.
CREATE TABLE sepa_mandates (
  customer_id integer PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  reference text NOT NULL UNIQUE,
  signed_local timestamp NOT NULL
);
`;

const codeRows = Object.entries(eventCodes)
  .map(([name, code]) => `  (${code}, '${name}')`)
  .join(',\n');

// customer_id is copied from the accounts database at ingest: the events database has no foreign keys to it.
const events = `
CREATE TABLE platform_meta (version text NOT NULL);

CREATE TABLE event_codes (code smallint PRIMARY KEY, name text NOT NULL UNIQUE);
INSERT INTO event_codes (code, name) VALUES
${codeRows};

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  camera_serial text NOT NULL,
  camera_event_id text NOT NULL,
  customer_id integer NOT NULL,
  code smallint NOT NULL REFERENCES event_codes (code),
  local_time timestamp NOT NULL,
  received_local timestamp NOT NULL,
  details text,
  UNIQUE (camera_serial, camera_event_id)
);
CREATE INDEX events_customer_time ON events (customer_id, local_time DESC);
`;

const media = `
CREATE TABLE platform_meta (version text NOT NULL);

CREATE TABLE recordings (
  id bigserial PRIMARY KEY,
  camera_serial text NOT NULL,
  camera_event_id text,
  start_local timestamp NOT NULL,
  duration_s integer NOT NULL CHECK (duration_s >= 0),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  storage_key text NOT NULL UNIQUE
);
CREATE INDEX recordings_camera_start ON recordings (camera_serial, start_local DESC);
`;

export const v9Schema = { accounts: accounts + moduleTablesDdl, events, media };

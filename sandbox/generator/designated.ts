// Designated migrated accounts: a cohort of generated V9 customers covering every brand's offers, payment methods, account types and camera models, given passwords QA can log in with.

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type pg from 'pg';
import { hashPassword } from '../auth.ts';

export interface DesignatedAccount {
  email: string;
  password: string;
  whiteLabel: string;
  devices: { serial: string; model: string }[];
}

/**
 * The five smallest customer ids of each (white label, offer, payment method): the journeys of every feature family
 * play a migrated account of the brand, offer and payment method their Examples name, one scenario per account at a
 * time (steps/support/migrated.ts leases them), and a scenario that moves an account's clock spends it for the rest of
 * the run, so each combination a V9 customer holds comes up to five times. Then the smallest customer id of each (white label, offer), then of each (white label, payment method) and (white label,
 * account type) not covered yet, then of each (payment method, era of the offer) among paying customers, then of each
 * camera model no chosen customer owns: every catalog entry a V9 customer
 * holds is held by one designated account, and the eras come with the offers (2011 to 2022).
 */
const cohortSql = `
WITH by_offer AS (SELECT min(id) AS id FROM customers GROUP BY white_label_code, offer_code),
by_payment AS (
  SELECT min(c.id) AS id FROM customers c
  WHERE NOT EXISTS (SELECT 1 FROM customers d JOIN by_offer o ON o.id = d.id WHERE d.white_label_code = c.white_label_code AND d.payment_method_code = c.payment_method_code)
  GROUP BY c.white_label_code, c.payment_method_code),
chosen AS (SELECT id FROM by_offer UNION SELECT id FROM by_payment),
by_type AS (
  SELECT min(c.id) AS id FROM customers c
  WHERE NOT EXISTS (SELECT 1 FROM customers d JOIN chosen x ON x.id = d.id WHERE d.white_label_code = c.white_label_code AND d.account_type_code = c.account_type_code)
  GROUP BY c.white_label_code, c.account_type_code),
chosen2 AS (SELECT id FROM chosen UNION SELECT id FROM by_type),
-- Offers launched 2011-2014, 2015-2018, 2019 on: a paying customer of each (payment method, era) renews on V10.
paying AS (SELECT c.id, c.payment_method_code AS method, CASE WHEN o.launch_year < 2015 THEN 1 WHEN o.launch_year < 2019 THEN 2 ELSE 3 END AS era
           FROM customers c JOIN offers o ON o.code = c.offer_code WHERE o.monthly_price_cents > 0),
by_payment_era AS (
  SELECT min(p.id) AS id FROM paying p
  WHERE NOT EXISTS (SELECT 1 FROM paying q JOIN chosen2 x ON x.id = q.id WHERE q.method = p.method AND q.era = p.era)
  GROUP BY p.method, p.era),
by_offer_payment AS (
  SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY white_label_code, offer_code, payment_method_code ORDER BY id) AS n FROM customers) r WHERE n <= 5),
by_model AS (
  SELECT min(k.customer_id) AS id FROM cameras k
  WHERE NOT EXISTS (SELECT 1 FROM cameras m JOIN chosen2 x ON x.id = m.customer_id WHERE m.model_code = k.model_code)
  GROUP BY k.model_code)
SELECT c.id, c.email, c.white_label_code AS white_label,
       coalesce((SELECT json_agg(json_build_object('serial', k.serial, 'model', k.model_code) ORDER BY k.serial) FROM cameras k WHERE k.customer_id = c.id), '[]') AS devices
FROM customers c WHERE c.id IN (SELECT id FROM chosen2 UNION SELECT id FROM by_payment_era UNION SELECT id FROM by_model UNION SELECT id FROM by_offer_payment)
ORDER BY c.id`;

/** Picks the cohort, gives each a new random password (stored hashed, as V9 stores any), and returns them. */
export async function designateAccounts(client: pg.ClientBase): Promise<DesignatedAccount[]> {
  const { rows } = await client.query<{ id: number; email: string; white_label: string; devices: { serial: string; model: string }[] }>(cohortSql);
  const passwords = rows.map(() => `Mig-${randomBytes(12).toString('base64url')}`);
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  await client.query('UPDATE customers c SET password_hash = h.hash FROM unnest($1::int[], $2::text[]) AS h(id, hash) WHERE c.id = h.id', [rows.map((r) => r.id), hashes]);
  return rows.map((row, i) => ({ email: row.email, password: passwords[i] ?? '', whiteLabel: row.white_label, devices: row.devices }));
}

/** Writes them as a test accounts file (docs/platform-interface.md), readable by its owner only: it holds passwords. */
export function writeDesignatedFile(file: string, accounts: DesignatedAccount[]): void {
  writeFileSync(file, `${JSON.stringify({ accounts }, null, 2)}\n`, { mode: 0o600 });
}

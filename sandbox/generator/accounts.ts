// V9 accounts: customers spread over every (white label, offer) the brands sell, two cameras each over every model, some sessions, their billing and SEPA mandates.

import type pg from 'pg';
import { cameraSerial, draw, parisWallClock } from './sql.ts';

const firstNames = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Louis', 'Inès', 'Jules', 'Zoé', 'Gabriel', 'Hélène', 'Arthur', 'Margaux', 'Noé', 'Élodie', 'Paul', 'Sarah', 'Théo', 'Anaïs'];
const lastNames = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert'];
const domains = ['exemple.fr', 'courriel.test', 'boite.example', 'maison.test'];

export interface AccountsPlan {
  customers: number;
  cameras: number;
  seed: number;
  /** Serial prefix and newest firmware of each camera model, in `models` order. */
  models: { code: string; prefix: string; firmware: string }[];
}

/** Every (white label, offer) pair a brand sells in V9: customers cycle through them, so each one is covered. */
export async function countCombos(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM white_labels wl JOIN partner_offers po ON po.partner_code = wl.partner_code',
  );
  return rows[0]?.n ?? 0;
}

export async function generateAccounts(client: pg.ClientBase, plan: AccountsPlan): Promise<Record<string, number>> {
  const customers = await insertCustomers(client, plan);
  await client.query(`SELECT setval(pg_get_serial_sequence('customers', 'id'), ${plan.customers})`);
  const cameras = await insertCameras(client, plan);
  const sessions = await client.query(
    `INSERT INTO sessions (token_hash, customer_id, expires_local)
     SELECT encode(sha256(convert_to('session-${plan.seed}-' || id, 'UTF8')), 'hex'), id,
            ${parisWallClock(`timestamptz '2026-01-01 00:00:00+00' + ${draw('id', plan.seed, 40, 90 * 86400)} * interval '1 second'`)}
     FROM customers WHERE id % 10 = 0`,
  );
  const billing = await insertBilling(client, plan);
  return { customers, cameras, sessions: sessions.rowCount ?? 0, ...billing };
}

/** The first renewal V9 has not charged yet: customer `id` falls due on day `(id - 1) % 28` after this instant (UTC). */
const firstRenewalFrom = '2030-01-01 08:00:00+00';

/**
 * Every customer in good standing, paid until a known date after any migration rehearsal (`firstRenewalFrom`): a card
 * (16 digits) or an IBAN on file for card and SEPA payers, none for partner-invoiced and free-trial ones; each SEPA payer
 * signed a mandate (reference RUM-<brand>-<id>) within 30 days of signing up. No instrument ends in 0002 (refused by the
 * payment provider's test rules): a generated customer's renewal succeeds.
 */
async function insertBilling(client: pg.ClientBase, { seed }: AccountsPlan): Promise<Record<string, number>> {
  const card = `'4970' || lpad(${draw('id', seed, 60, 100_000_000_000)}::text, 11, '0') || '1'`;
  const iban = `'FR76' || '3000600001' || lpad(${draw('id', seed, 61, 100_000_000_000)}::text, 11, '0') || (10 + ${draw('id', seed, 62, 87)})::text`;
  const billing = await client.query(
    `INSERT INTO billing (customer_id, instrument, paid_until, past_due_since, suspended)
     SELECT id, CASE payment_method_code WHEN 'card' THEN ${card} WHEN 'sepa' THEN ${iban} END,
            timestamptz '${firstRenewalFrom}' + ((id - 1) % 28) * interval '1 day', NULL, false
     FROM customers`,
  );
  const signed = `(created_local AT TIME ZONE 'Europe/Paris') + ${draw('id', seed, 63, 30 * 86400)} * interval '1 second'`;
  const mandates = await client.query(
    `INSERT INTO sepa_mandates (customer_id, reference, signed_local)
     SELECT id, format('RUM-%s-%s', upper(replace(white_label_code, '-', '')), lpad(id::text, 8, '0')), ${parisWallClock(signed)}
     FROM customers WHERE payment_method_code = 'sepa'`,
  );
  return { billing: billing.rowCount ?? 0, mandates: mandates.rowCount ?? 0 };
}

async function insertCustomers(client: pg.ClientBase, { customers, seed }: AccountsPlan): Promise<number> {
  const year = 'greatest(c.launch_year, 2011)';
  const since = `(make_date(${year}, 1, 1)::timestamp AT TIME ZONE 'UTC')`;
  const span = `((date '2025-09-30' - make_date(${year}, 1, 1)) * 86400)`;
  // Every 89th customer signed up during the hour Paris repeats in October 2019.
  const created = `CASE WHEN g % 89 = 0 THEN timestamptz '2019-10-27 00:00:00+00' + ${draw('g', seed, 5, 7200)} * interval '1 second'
                        ELSE ${since} + ${draw('g', seed, 6, span)} * interval '1 second' END`;
  const first = `($1::text[])[1 + ${draw('g', seed, 1, firstNames.length)}]`;
  const last = `($2::text[])[1 + ${draw('g', seed, 2, lastNames.length)}]`;
  const ascii = (name: string): string => `translate(lower(${name}), 'éèêëàâçîïôöûüÿ', 'eeeeaaciioouuy')`;
  const result = await client.query(
    `WITH combos AS (
       SELECT (row_number() OVER (ORDER BY wl.code, o.code) - 1)::int AS n, wl.code AS white_label, o.code AS offer, o.launch_year,
              ARRAY(SELECT account_type_code FROM white_label_account_types a WHERE a.white_label_code = wl.code ORDER BY 1) AS types,
              ARRAY(SELECT payment_method_code FROM white_label_payment_methods p WHERE p.white_label_code = wl.code ORDER BY 1) AS pays
       FROM white_labels wl JOIN partner_offers po ON po.partner_code = wl.partner_code JOIN offers o ON o.code = po.offer_code
     ), k AS (SELECT count(*)::int AS k FROM combos)
     INSERT INTO customers (id, email, password_hash, full_name, phone, white_label_code, account_type_code, payment_method_code, offer_code, synthetic_run, created_local)
     SELECT g, format('%s.%s.%s@%s', ${ascii(first)}, ${ascii(last)}, g, ($3::text[])[1 + g % ${domains.length}]),
            'scrypt$16384$8$1$' || md5('salt-${seed}-' || g) || '$' || md5('hash-${seed}-' || g),
            ${first} || ' ' || ${last},
            '+336' || lpad(${draw('g', seed, 3, 100_000_000)}::text, 8, '0'),
            c.white_label, c.types[1 + ${draw('g', seed, 4, 'cardinality(c.types)')}], c.pays[1 + ${draw('g', seed, 7, 'cardinality(c.pays)')}], c.offer,
            NULL, ${parisWallClock(created)}
     FROM generate_series(1, ${customers}) g CROSS JOIN k JOIN combos c ON c.n = (g - 1) % k.k`,
    [firstNames, lastNames, domains],
  );
  return result.rowCount ?? 0;
}

async function insertCameras(client: pg.ClientBase, { customers, cameras, seed, models }: AccountsPlan): Promise<number> {
  const model = (param: string): string => `(${param}::text[])[1 + (j - 1) % ${models.length}]`;
  const lastSeen = `timestamptz '2025-09-01 00:00:00+00' + ${draw('j', seed, 22, 40 * 86400)} * interval '1 second'`;
  const claimed = `(c.created_local AT TIME ZONE 'Europe/Paris') + ${draw('j', seed, 23, 30 * 86400)} * interval '1 second'`;
  const result = await client.query(
    `INSERT INTO cameras (serial, customer_id, model_code, firmware, online, last_seen_local, claimed_local)
     SELECT ${cameraSerial('j', '($1::text[])')}, c.id, ${model('$2')},
            CASE WHEN ${draw('j', seed, 20, 3)} = 0 THEN NULL ELSE ${model('$3')} END,
            ${draw('j', seed, 21, 10)} < 3,
            CASE WHEN ${draw('j', seed, 21, 10)} < 7 THEN ${parisWallClock(lastSeen)} END,
            ${parisWallClock(claimed)}
     FROM generate_series(1, ${cameras}) j JOIN customers c ON c.id = (j - 1) % ${customers} + 1`,
    [models.map((m) => m.prefix), models.map((m) => m.code), models.map((m) => m.firmware)],
  );
  return result.rowCount ?? 0;
}

// V9 -> V10 accounts: customers keep their ids, offer codes become subscriptions with modules, cameras become devices with a kind, SEPA mandates keep their reference.

import type pg from 'pg';
import type { Catalog } from '../../catalog/index.ts';
import { schemas } from '../schema/index.ts';
import { StartupError } from '../startup-error.ts';
import { carryOver } from './carry-over.ts';
import type { MigrationFaults } from './faults.ts';
import { parisToUtc, parisToUtcIgnoringRule } from './paris-time.ts';
import { applyReferenceFaults } from './reference-faults.ts';
import { moveTables, workSchema } from './tables.ts';

const v9 = (table: string): string => `${workSchema}.${table}`;

export async function migrateAccounts(client: pg.ClientBase, catalog: Catalog, faults: MigrationFaults): Promise<Record<string, number>> {
  const utc = faults.shiftDstHour ? parisToUtcIgnoringRule : parisToUtc;
  await moveTables(client, workSchema);
  await client.query(schemas.v10.ddl.accounts);
  await client.query("INSERT INTO platform_meta (version) VALUES ('v10')");
  await schemas.v10.loadReference(client, catalog);
  await requireKnownModels(client);
  const customers = await client.query(
    `INSERT INTO customers (id, email, password_hash, name, phone, white_label_id, account_type_id, payment_method_id, synthetic_run, created_at)
     SELECT id, email, password_hash, full_name, phone, white_label_code, account_type_code, payment_method_code, synthetic_run, ${utc('created_local')}
     FROM ${v9('customers')}`,
  );
  await client.query("SELECT setval(pg_get_serial_sequence('customers', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM customers");
  const subscriptions = await insertSubscriptions(client, utc, faults.wrongOfferMapping ? nextOffer(catalog, faults.wrongOfferMapping) : undefined);
  const devices = await client.query(
    `INSERT INTO devices (serial, customer_id, kind, model_id, firmware, online, last_seen_at, claimed_at)
     SELECT c.serial, c.customer_id, m.kind, c.model_code, c.firmware, c.online, ${utc('c.last_seen_local')}, ${utc('c.claimed_local')}
     FROM ${v9('cameras')} c JOIN device_models m ON m.id = c.model_code`,
  );
  const sessions = await client.query(
    `INSERT INTO sessions (token_hash, customer_id, expires_at) SELECT token_hash, customer_id, ${utc('expires_local')} FROM ${v9('sessions')}`,
  );
  const mandates = await client.query(
    `INSERT INTO payment_mandates (customer_id, reference, signed_at) SELECT customer_id, reference, ${utc('signed_local')} FROM ${v9('sepa_mandates')}`,
  );
  const carried = await carryOver(client);
  await applyReferenceFaults(client, 'accounts', faults.reference, catalog);
  await client.query(`DROP SCHEMA ${workSchema} CASCADE`);
  await client.query('ANALYZE');
  return { customers: customers.rowCount ?? 0, subscriptions, devices: devices.rowCount ?? 0, sessions: sessions.rowCount ?? 0, mandates: mandates.rowCount ?? 0, ...carried };
}

/** The contract keeps the modules the customer's offer had in V9 (offer_modules), whatever the V10 catalog says today. */
async function insertSubscriptions(client: pg.ClientBase, utc: (local: string) => string, wrong: { from: string; to: string } | undefined): Promise<number> {
  const params = wrong ? [wrong.from, wrong.to] : [];
  const offer = wrong ? 'CASE WHEN c.offer_code = $1 THEN $2 ELSE c.offer_code END' : 'c.offer_code';
  const modules = `ARRAY(SELECT module_code FROM ${v9('offer_modules')} om WHERE om.offer_code = c.offer_code ORDER BY module_code)`;
  const faulty = wrong ? `CASE WHEN c.offer_code = $1 THEN (SELECT modules FROM offers WHERE id = $2) ELSE ${modules} END` : modules;
  const done = await client.query(
    `INSERT INTO subscriptions (customer_id, offer_id, modules, started_at) SELECT c.id, ${offer}, ${faulty}, ${utc('c.created_local')} FROM ${v9('customers')} c`,
    params,
  );
  return done.rowCount ?? 0;
}

/** A camera whose model V10 does not know would be lost by the join: refuse, naming the models. */
async function requireKnownModels(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ model: string; n: number }>(
    `SELECT c.model_code AS model, count(*)::int AS n FROM ${v9('cameras')} c LEFT JOIN device_models m ON m.id = c.model_code
     WHERE m.id IS NULL GROUP BY 1 ORDER BY 1`,
  );
  if (rows.length > 0) {
    throw new StartupError(`the V10 catalog has no device model for ${rows.map((r) => `${r.model} (${r.n} cameras)`).join(', ')}; add them to catalog/data/camera-models.yaml`);
  }
}

/** The `wrong-offer-mapping` fault's target: the offer after `from` in the catalog. */
function nextOffer(catalog: Catalog, from: string): { from: string; to: string } {
  const at = catalog.offers.findIndex((o) => o.id === from);
  if (at < 0) throw new StartupError(`--fault wrong-offer-mapping:${from}: the catalog has no offer ${JSON.stringify(from)}`);
  const to = catalog.offers[(at + 1) % catalog.offers.length]?.id ?? from;
  return { from, to };
}

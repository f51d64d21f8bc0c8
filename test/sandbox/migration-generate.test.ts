// admin.ts generate: deterministic V9 data spread over the whole catalog, refused where it would mix with other data.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyPassword } from '../../sandbox/auth.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { admin, adminRaw, fingerprint, generatedV9, scalar } from '../certifier/support/platform.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { repoRoot } from './support/processes.ts';

describe('admin.ts generate', () => {
  let dbs: TestDatabases;
  before(async () => {
    dbs = await generatedV9({ backup: false });
  });
  after(async () => {
    await dbs.drop();
  });

  it('covers every partner, white label, V9 offer and camera model of the catalog', async () => {
    const catalog = loadCatalog(`${repoRoot}/catalog/data`);
    const accounts = dbs.pool('accounts');
    const partners = await scalar<number>(accounts, 'SELECT count(DISTINCT w.partner_code)::int AS v FROM customers c JOIN white_labels w ON w.code = c.white_label_code');
    assert.equal(partners, catalog.partners.length);
    assert.equal(await scalar<number>(accounts, 'SELECT count(DISTINCT white_label_code)::int AS v FROM customers'), catalog.whiteLabels.length);
    assert.equal(await scalar<number>(accounts, 'SELECT count(DISTINCT offer_code)::int AS v FROM customers'), catalog.offers.filter((o) => o.since === 'v9').length);
    assert.equal(await scalar<number>(accounts, 'SELECT count(DISTINCT model_code)::int AS v FROM cameras'), catalog.cameraModels.length);
  });

  it('gives the small scale its volumes: a thousandth of 8 million events and 6 million recordings', async () => {
    assert.equal(await scalar<number>(dbs.pool('events'), 'SELECT count(*)::int AS v FROM events'), 8000);
    assert.equal(await scalar<number>(dbs.pool('media'), 'SELECT count(*)::int AS v FROM recordings'), 6000);
    assert.equal(await scalar<number>(dbs.pool('accounts'), 'SELECT count(*)::int AS v FROM customers'), 250);
  });

  it('puts events in the hour Paris repeats in October, and details as JSON text or NULL', async () => {
    const events = dbs.pool('events');
    const repeated = await scalar<number>(events,
      "SELECT count(*)::int AS v FROM events WHERE extract(month FROM local_time) = 10 AND extract(dow FROM local_time) = 0 AND extract(day FROM local_time) > 24 AND local_time::time >= '02:00' AND local_time::time < '03:00'");
    assert.ok(repeated >= 4, `only ${repeated} events in the repeated hour`);
    assert.equal(await scalar<number>(events, "SELECT count(*)::int AS v FROM events WHERE details IS NOT NULL AND jsonb_typeof(details::jsonb) <> 'object'"), 0);
    assert.ok(await scalar<number>(events, 'SELECT count(*)::int AS v FROM events WHERE details IS NULL') > 0);
  });

  it('gives every customer a billing in good standing, due on a known day from January 2030, with a card or IBAN for card and SEPA payers and a mandate for each SEPA payer', async () => {
    const accounts = dbs.pool('accounts');
    const rows = await accounts.query<{ id: number; method: string; instrument: string | null; paid_until: Date; past_due_since: Date | null; suspended: boolean; reference: string | null; signed: Date | null; created: Date }>(
      `SELECT c.id, c.payment_method_code AS method, b.instrument, b.paid_until, b.past_due_since, b.suspended, m.reference,
              m.signed_local AT TIME ZONE 'Europe/Paris' AS signed, c.created_local AT TIME ZONE 'Europe/Paris' AS created
       FROM customers c LEFT JOIN billing b ON b.customer_id = c.id LEFT JOIN sepa_mandates m ON m.customer_id = c.id ORDER BY c.id`);
    assert.equal(rows.rows.length, 250);
    for (const r of rows.rows) {
      const at = `customer ${r.id} (${r.method})`;
      assert.equal(r.paid_until?.toISOString(), new Date(Date.UTC(2030, 0, 1 + ((r.id - 1) % 28), 8)).toISOString(), at);
      assert.equal(r.past_due_since, null, at);
      assert.equal(r.suspended, false, at);
      if (r.method === 'card') assert.match(r.instrument ?? '', /^4970\d{12}$/, at);
      else if (r.method === 'sepa') assert.match(r.instrument ?? '', /^FR76\d{23}$/, at);
      else assert.equal(r.instrument, null, at);
      assert.ok(!(r.instrument ?? '').endsWith('0002'), `${at}: an instrument the provider refuses`);
      if (r.method === 'sepa') {
        assert.equal(r.reference?.startsWith('RUM-'), true, at);
        assert.ok(r.signed !== null && r.signed >= r.created && r.signed.getTime() <= r.created.getTime() + 30 * 86_400_000, `${at}: mandate signed ${r.signed?.toISOString()}, signed up ${r.created.toISOString()}`);
      } else {
        assert.equal(r.reference, null, at);
      }
    }
  });

  it('designates migrated accounts covering every brand\'s offers, payment methods (also by offer), account types and camera models, each able to log in', async () => {
    const other = await createTestDatabases();
    const dir = mkdtempSync(join(tmpdir(), 'designated-'));
    try {
      await admin(other, 'init', '--version', 'v9');
      const file = join(dir, 'migrated-accounts.json');
      const output = await admin(other, 'generate', '--scale', 'small', '--seed', '7', '--designated-out', file);
      assert.equal(statSync(file).mode & 0o777, 0o600, 'the file holds passwords: its owner only');
      const { accounts } = JSON.parse(readFileSync(file, 'utf8')) as { accounts: { email: string; password: string; whiteLabel: string; devices: { serial: string; model: string }[] }[] };
      assert.equal(output['designated'], accounts.length);
      const pool = other.pool('accounts');
      const emails = accounts.map((a) => a.email);
      const uncovered = async (dimension: string) => scalar<number>(pool,
        `SELECT count(*)::int AS v FROM (SELECT DISTINCT white_label_code, ${dimension} FROM customers EXCEPT SELECT DISTINCT white_label_code, ${dimension} FROM customers WHERE email = ANY($1)) x`, [emails]);
      for (const dimension of ['offer_code', 'payment_method_code', 'account_type_code']) assert.equal(await uncovered(dimension), 0, `a (white label, ${dimension}) held by a V9 customer is held by no designated account`);
      const eras = `SELECT DISTINCT c.payment_method_code, CASE WHEN o.launch_year < 2015 THEN 1 WHEN o.launch_year < 2019 THEN 2 ELSE 3 END
        FROM customers c JOIN offers o ON o.code = c.offer_code WHERE o.monthly_price_cents > 0`;
      assert.equal(await scalar<number>(pool, `SELECT count(*)::int AS v FROM (${eras} EXCEPT ${eras} AND c.email = ANY($1)) x`, [emails]), 0,
        'a (payment method, era of the offer) a paying V9 customer holds is held by no designated account');
      const models = new Set(accounts.flatMap((a) => a.devices.map((d) => d.model)));
      assert.equal(models.size, await scalar<number>(pool, 'SELECT count(DISTINCT model_code)::int AS v FROM cameras'));
      const combos = `SELECT DISTINCT white_label_code, offer_code, payment_method_code FROM customers`;
      assert.equal(await scalar<number>(pool, `SELECT count(*)::int AS v FROM (${combos} EXCEPT ${combos} WHERE email = ANY($1)) x`, [emails]), 0,
        'a (white label, offer, payment method) held by a V9 customer is held by no designated account: a family\'s migrated Examples could not play it');
      const customers = await scalar<number>(pool, 'SELECT count(*)::int AS v FROM customers');
      // Up to five per (white label, offer, payment method): at small scale most combinations hold fewer, so the cohort is
      // most of the 250; at larger scales it stays a small share. Never all: some customers keep their V9 password.
      assert.ok(accounts.length < customers, `${accounts.length} accounts of ${customers}: a cohort, not the population`);
      for (const account of accounts.slice(0, 5)) {
        const stored = await scalar<string>(pool, 'SELECT password_hash AS v FROM customers WHERE email = $1', [account.email]);
        assert.ok(await verifyPassword(account.password, stored), `${account.email} cannot log in with its designated password`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await other.drop();
    }
  });

  it('produces the same rows for the same seed and scale', async () => {
    const other = await createTestDatabases();
    try {
      await admin(other, 'init', '--version', 'v9');
      await admin(other, 'generate', '--scale', 'small', '--seed', '7');
      for (const db of ['accounts', 'events', 'media'] as const) assert.deepEqual(await fingerprint(other.pool(db)), await fingerprint(dbs.pool(db)), db);
    } finally {
      await other.drop();
    }
  });

  it('refuses to generate over existing data, naming the table and what to do', async () => {
    const done = await adminRaw(dbs, 'generate');
    assert.equal(done.code, 2);
    assert.match(done.stderr, /customers .* holds rows; run admin\.ts init --version v9 first/);
  });

  it('refuses a scale it does not know, listing the known ones', async () => {
    const done = await adminRaw(dbs, 'generate', '--scale', 'huge');
    assert.equal(done.code, 2);
    assert.match(done.stderr, /--scale must be small, medium, large, full or a fraction/);
  });
});

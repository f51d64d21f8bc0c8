// The back office: staff login apart from customers, customer search and card, device status, instance health across restarts.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newCustomer } from './support/api.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { initPlatform } from './support/processes.ts';
import type { Platform } from './support/processes.ts';
import { getPage, postLogin, testIds } from './support/space.ts';
import { ops, startPlatformWith } from './support/space-platform.ts';

const staff = { email: 'support@qa.example', name: 'Sam Support', password: 'support-secret-1' };

async function staffLogin(url: string, password = staff.password): Promise<{ status: number; cookie: string; html: string }> {
  const res = await fetch(`${url}/backoffice/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: staff.email, password }).toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '', html: await res.text() };
}

for (const version of ['v10', 'v9'] as const) {
  describe(`the ${version} back office`, () => {
    let dbs: TestDatabases;
    let instances: Platform[] = [];
    before(async () => {
      dbs = await createTestDatabases();
      await initPlatform(version, dbs.urls);
      const ids = version === 'v10' ? ['i01', 'i02'] : ['i01'];
      instances = await Promise.all(ids.map((id) => startPlatformWith(version, id, dbs.urls)));
      assert.equal((await ops(instances[0]!.url, 'staff', staff)).status, 201);
    });
    after(async () => {
      await Promise.allSettled(instances.map((i) => i.stop()));
      await dbs?.drop();
    });

    it('has its own login: a wrong password gets an alert and a customer’s session does not open it', async () => {
      const url = instances[0]!.url;
      const wrong = await staffLogin(url, 'not-the-password');
      assert.equal(wrong.status, 401);
      assert.match(wrong.html, /role="alert">Adresse e-mail ou mot de passe incorrect\./);
      const customer = await newCustomer(url);
      const customerLogin = await postLogin(url, 'veilis', customer.fields.email, customer.fields.password);
      const page = await getPage(url, '/backoffice/', customerLogin.cookie ?? '');
      assert.equal(page.status, 303);
      assert.equal(page.location, '/backoffice/login');
    });

    it('finds a customer by a piece of their e-mail and shows partner, offer, modules and each device’s heartbeat and firmware', async () => {
      const url = instances[0]!.url;
      const customer = await newCustomer(url, { name: 'Dominique Lefèvre', offer: 'serenite-2011' });
      const serial = `BO-${version}-${customer.id}`;
      const claim = await fetch(`${url}/api/devices`, {
        method: 'POST', headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ serial, model: 'vigie-360-2019' }), signal: AbortSignal.timeout(5000),
      });
      assert.equal(claim.status, 201);
      const table = version === 'v10' ? 'devices' : 'cameras';
      const seen = version === 'v10' ? "last_seen_at = '2026-11-26T09:31:02Z'" : "last_seen_local = '2026-11-26 10:31:02'";
      await dbs.pool('accounts').query(`UPDATE ${table} SET firmware = '3.2.4', online = true, ${seen} WHERE serial = $1`, [serial]);
      const { cookie } = await staffLogin(url);
      const fragment = customer.fields.email.slice(0, 12).toUpperCase();
      const results = testIds((await getPage(url, `/backoffice/customers?q=${encodeURIComponent(fragment)}`, cookie)).html, 'customer-result');
      assert.deepEqual(results.map((r) => r.attrs['data-customer-id']), [String(customer.id)]);
      const card = (await getPage(url, `/backoffice/customers/${customer.id}`, cookie)).html;
      assert.deepEqual(testIds(card, 'customer-partner').map((e) => e.text), ['Veilis']);
      assert.deepEqual(testIds(card, 'customer-offer').map((e) => e.text), ['Sérénité 2011']);
      assert.match(testIds(card, 'customer-modules')[0]?.text ?? '', /Enregistrements cloud.*Alertes SMS/s);
      const device = testIds(card, 'device-status')[0];
      assert.equal(device?.attrs['data-serial'], serial);
      assert.match(device?.text ?? '', /En ligne/);
      assert.deepEqual(testIds(card, 'device-last-heartbeat').map((e) => e.text), ['26/11/2026 10:31:02']);
      assert.deepEqual(testIds(card, 'device-firmware').map((e) => e.text), ['3.2.4']);
      const none = await getPage(url, '/backoffice/customers?q=personne-de-ce-nom', cookie);
      assert.match(none.html, /Aucun client ne correspond à « personne-de-ce-nom »/);
    });

    it('lists every instance with its version and state, through the shared database', async () => {
      const { cookie } = await staffLogin(instances[0]!.url);
      await dbs.pool('accounts').query("INSERT INTO kw_side.instances (id, version, pid, url, started_at, last_beat) VALUES ('i99', 'v9', 1, 'http://gone', now() - interval '1 hour', now() - interval '1 minute')");
      const rows = testIds((await getPage(instances.at(-1)!.url, '/backoffice/', cookie)).html, 'instance');
      const states = Object.fromEntries(rows.map((r) => [r.attrs['data-instance-id'], `${r.attrs['data-version']} ${r.attrs['data-state']}`]));
      const expected = Object.fromEntries(instances.map((i) => [i.instance, `${version} up`]));
      assert.deepEqual(states, { ...expected, i99: 'v9 silent' });
    });
  });
}

describe('instance health across a restart', () => {
  let dbs: TestDatabases;
  let first: Platform | undefined;
  let second: Platform | undefined;
  before(async () => {
    dbs = await createTestDatabases();
    await initPlatform('v10', dbs.urls);
  });
  after(async () => {
    await Promise.allSettled([first?.stop(), second?.stop()]);
    await dbs?.drop();
  });

  it('shows an instance stopped after an orderly stop, and in service again, with its new process, after a restart', async () => {
    const watcher = await startPlatformWith('v10', 'w01', dbs.urls);
    first = watcher;
    second = await startPlatformWith('v10', 'r01', dbs.urls);
    await ops(watcher.url, 'staff', staff);
    const { cookie } = await staffLogin(watcher.url);
    const row = async () => testIds((await getPage(watcher.url, '/backoffice/', cookie)).html, 'instance').find((r) => r.attrs['data-instance-id'] === 'r01');
    const before = await row();
    assert.equal(before?.attrs['data-state'], 'up');
    await second.stop();
    assert.equal((await row())?.attrs['data-state'], 'stopped');
    assert.match((await row())?.text ?? '', /Arrêtée/);
    second = await startPlatformWith('v10', 'r01', dbs.urls);
    const after = await row();
    assert.equal(after?.attrs['data-state'], 'up');
    assert.notEqual(after?.attrs['data-pid'], before?.attrs['data-pid'], 'a new process serves r01');
  });
});

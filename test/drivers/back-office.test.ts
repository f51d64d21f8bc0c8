// The back office page object on a stand-in instance: login, instance health, a customer's card; the checks' messages.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { BackOffice, expectContract, expectDevice, instanceHealthProblems, launchBrowser, PlatformOps } from '../../drivers/index.ts';
import { newCustomer } from '../sandbox/support/api.ts';
import { createTestDatabases, type TestDatabases } from '../sandbox/support/databases.ts';
import { initPlatform, type Platform } from '../sandbox/support/processes.ts';
import { startPlatformWith } from '../sandbox/support/space-platform.ts';

const staff = { email: 'agent@qa.example', name: 'Agent QA', password: 'agent-secret-1' };

describe('the back office page object', () => {
  let dbs: TestDatabases;
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let backOffice: BackOffice;
  before(async () => {
    dbs = await createTestDatabases();
    await initPlatform('v10', dbs.urls);
    [platform, browser] = await Promise.all([startPlatformWith('v10', 'i01', dbs.urls), launchBrowser({ timeoutMs: 15_000 })]);
    await new PlatformOps(platform.url, { allowed: true }).saveStaff(staff);
    context = await browser.newContext();
    backOffice = new BackOffice(await context.newPage(), platform.url, { timeoutMs: 5000 });
    await backOffice.login(staff.email, staff.password);
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
    await dbs?.drop();
  });

  it('reads the instance health table, and finds the instance in service on its version', async () => {
    const rows = await backOffice.instances();
    assert.deepEqual(rows.map((r) => [r.id, r.version, r.state]), [['i01', 'v10', 'up']]);
    assert.deepEqual(instanceHealthProblems(rows, ['i01'], 'v10'), []);
    assert.match(instanceHealthProblems(rows, ['i01', 'i02'], 'v10').join(), /instance i02 is missing/);
    assert.match(instanceHealthProblems(rows, ['i01'], 'v9').join(), /instance i01: i01 v10 \d+ En service/);
  });

  it('finds a customer by e-mail and reads partner, offer, modules and devices from the card', async () => {
    const customer = await newCustomer(platform.url, { name: 'Camille Durand' });
    await fetch(`${platform.url}/api/devices`, { method: 'POST', headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ serial: 'BO-1', model: 'vigie-360-2019' }) });
    await dbs.pool('accounts').query("UPDATE devices SET online = true, firmware = '3.2.4', last_seen_at = '2026-11-26T09:31:02Z' WHERE serial = 'BO-1'");
    const card = await backOffice.findCustomer(customer.fields.email);
    const contract = { customer: 'Camille', partner: 'Veilis', brand: 'Veilis', offer: 'Sérénité 2011', modules: ['Alertes SMS', 'Enregistrements cloud'] };
    expectContract(card, contract);
    assert.throws(() => expectContract(card, { ...contract, offer: 'Essentiel 2019' }), /the card of Camille must show the contract the customer signed; it shows offer "Sérénité 2011" instead of "Essentiel 2019"/);
    expectDevice(card, { serial: 'BO-1', firmware: '3.2.4' });
    assert.equal(card.devices[0]?.lastHeartbeat, '26/11/2026 10:31:02');
    assert.throws(() => expectDevice(card, { serial: 'BO-1', firmware: '3.3.0' }), /firmware "3\.2\.4" instead of 3\.3\.0/);
  });

  it('says what the search found when it does not find exactly one customer', async () => {
    await assert.rejects(backOffice.findCustomer('personne@nulle-part.example'), /searching "personne@nulle-part\.example" must find exactly that customer; it found 0: none/);
  });
});

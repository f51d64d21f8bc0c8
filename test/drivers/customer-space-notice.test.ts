// The notice through the page object and the ops client, on a stand-in instance with a test clock; Paris dates; ops undone.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { CustomerSpace, launchBrowser, parisDaysBefore, parisInstant, parisOnDay, PlatformOps } from '../../drivers/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { newCustomer } from '../sandbox/support/api.ts';
import { createTestDatabases, type TestDatabases } from '../sandbox/support/databases.ts';
import { initPlatform, type Platform } from '../sandbox/support/processes.ts';
import { startPlatformWith } from '../sandbox/support/space-platform.ts';

describe('Paris dates of the migration', () => {
  it('reads a Paris date and time as an instant, in winter and in summer', () => {
    assert.equal(parisInstant('01/12/2026', '09:30').toISOString(), '2026-12-01T08:30:00.000Z');
    assert.equal(parisInstant('01/07/2026', '09:30').toISOString(), '2026-07-01T07:30:00.000Z');
  });

  it('keeps the Paris wall-clock time when counting days back across a change of time', () => {
    assert.equal(parisDaysBefore(parisInstant('27/10/2026', '09:30'), 5).toISOString(), '2026-10-22T07:30:00.000Z');
  });

  it('rolls a day out of its month over: the last day of a month, the first of the next across a year', () => {
    assert.equal(parisOnDay(2026, 3, 0, '23:30').toISOString(), '2026-02-28T22:30:00.000Z');
    assert.equal(parisOnDay(2024, 3, 0, '23:30').toISOString(), '2024-02-29T22:30:00.000Z');
    assert.equal(parisOnDay(2026, 13, 1, '00:30').toISOString(), '2026-12-31T23:30:00.000Z');
    assert.equal(parisOnDay(2026, 8, 1, '00:30').toISOString(), '2026-07-31T22:30:00.000Z');
  });

  it('refuses a malformed date, and the hour Paris skips in March, as configuration errors', () => {
    assert.throws(() => parisInstant('2026-12-01', '09:30'), ConfigurationError);
    assert.throws(() => parisInstant('29/03/2026', '02:30'), /Paris clocks never show 29\/03\/2026 02:30/);
  });

  it('refuses ops outside the local environment before calling anything', async () => {
    await assert.rejects(new PlatformOps('http://127.0.0.1:9', { allowed: false }).setClock(new Date()), (error: unknown) => error instanceof ConfigurationError && /only the local environment allows/.test(error.message));
  });
});

describe('the notice in the browser', () => {
  let dbs: TestDatabases;
  let platform: Platform;
  let browser: Browser;
  before(async () => {
    dbs = await createTestDatabases();
    await initPlatform('v10', dbs.urls);
    [platform, browser] = await Promise.all([startPlatformWith('v10', 'notice', dbs.urls, ['--test-clock', '--test-clock-shift-days', '365']), launchBrowser({ timeoutMs: 15_000 })]);
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
    await dbs?.drop();
  });

  it('shows the notice at J-5 in French for Paris, hides it once dismissed, shows the reminder at J-1, and the ops are undone', async () => {
    const ops = new PlatformOps(platform.url, { allowed: true });
    const cut = parisInstant('01/12/2026', '09:30');
    await ops.scheduleMigration(cut);
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const customer = await newCustomer(platform.url);
    const space = new CustomerSpace(await context.newPage(), platform.url, 'veilis', { timeoutMs: 5000 });
    await space.open();
    await space.login(customer.fields.email, customer.fields.password);
    await ops.setClock(parisDaysBefore(cut, 6));
    await space.expectNotice(undefined);
    await ops.setClock(parisDaysBefore(cut, 5));
    await space.expectNotice({ stage: 'notice', date: 'mardi 1 décembre 2026 à 09:30' });
    await assert.rejects(space.expectNotice({ stage: 'reminder', date: 'mardi 1 décembre 2026 à 09:30' }, 600), /expected the migration reminder \(J-1\) announcing "mardi 1 décembre 2026 à 09:30".*it shows the notice "Maintenance programmée/);
    await space.dismissNotice();
    await space.expectNotice(undefined);
    await ops.setClock(parisDaysBefore(cut, 1));
    await space.expectNotice({ stage: 'reminder', date: 'mardi 1 décembre 2026 à 09:30' });
    await ops.restore();
    assert.equal((await ops.schedule()).at, null);
    await space.expectNotice(undefined);
    await context.close();
  });

  it('runs on a platform whose clock starts a year ahead, and puts that clock back, not real time, when the ops are undone', async () => {
    const ops = new PlatformOps(platform.url, { allowed: true });
    const clock = async () => Date.parse(((await (await fetch(`${platform.url}/__ops/clock`)).json()) as { now: string }).now) - Date.now();
    const aYear = 365 * 86_400_000;
    assert.ok(Math.abs((await clock()) - aYear) < 60_000, `the clock should start a year ahead; it is ${await clock()} ms ahead`);
    const cut = parisInstant('01/12/2026', '09:30');
    await ops.scheduleMigration(cut);
    await ops.setClock(parisDaysBefore(cut, 10));
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const customer = await newCustomer(platform.url);
    const space = new CustomerSpace(await context.newPage(), platform.url, 'veilis', { timeoutMs: 5000 });
    await space.open();
    await space.login(customer.fields.email, customer.fields.password);
    assert.equal(await space.migrationNotice(), undefined);
    // The page was drawn at J-10: closing the notice at J-5 is done on the page as it is then.
    await ops.setClock(parisDaysBefore(cut, 5));
    await space.dismissNotice();
    await space.expectNotice(undefined);
    await ops.restore();
    assert.ok(Math.abs((await clock()) - aYear) < 60_000, `after restore() the clock should be a year ahead again; it is ${await clock()} ms ahead`);
    await context.close();
  });

  it('sees the branded maintenance page, and the normal page again once the ops are undone', async () => {
    const ops = new PlatformOps(platform.url, { allowed: true });
    await ops.setMaintenance('space', true);
    const context = await browser.newContext();
    const space = new CustomerSpace(await context.newPage(), platform.url, 'veilis', { timeoutMs: 5000 });
    await space.expectMaintenancePage('Veilis');
    await ops.restore();
    await assert.rejects(space.expectMaintenancePage('Veilis'), /must answer its branded maintenance page \(503, Retry-After\); it answered status 200 instead of 503/);
    await context.close();
  });
});

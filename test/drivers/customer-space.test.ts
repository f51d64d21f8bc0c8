// The customer space page object in the real Chromium, against a tiny site that follows the contract's markup.

import assert from 'node:assert/strict';
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { CustomerSpace, launchBrowser } from '../../drivers/index.ts';
import { startSite, type Site } from './customer-space-site.ts';

describe('the customer space page object', () => {
  let browser: Browser;
  let site: Site;
  let context: BrowserContext;
  let space: CustomerSpace;

  before(async () => {
    browser = await launchBrowser({ timeoutMs: 15_000 });
  });
  after(() => browser.close());
  beforeEach(async () => {
    site = await startSite();
    context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    space = new CustomerSpace(await context.newPage(), site.url, 'acme', { timeoutMs: 3000 });
  });
  afterEach(async () => {
    await context.close();
    await site[Symbol.asyncDispose]();
  });

  it('reads the brand name and the support phone on the login page', async () => {
    await space.open();
    assert.equal(await space.brandName(), 'Acme Sécurité');
    assert.equal(await space.supportPhone(), '01 23 45 67 89');
  });

  it('logs in and lists the devices and the timeline of the dashboard', async () => {
    site.events.push({ serial: 'VIG-1', type: 'motion', label: 'Mouvement — 26/11/2025 09:31', fromView: 1 });
    await space.open('acme');
    await space.login('alice@qa.example', 'secret');
    assert.deepEqual(await space.devices(), [{ serial: 'VIG-1', text: 'Vigie 360 VIG-1' }]);
    assert.deepEqual(await space.timelineEvents(), [{ serial: 'VIG-1', type: 'motion', text: 'Mouvement — 26/11/2025 09:31' }]);
  });

  it('reloads the dashboard until the event shows in the timeline', async () => {
    site.events.push({ serial: 'VIG-1', type: 'motion', label: 'Mouvement', fromView: 3 });
    await space.open();
    await space.login('alice@qa.example', 'secret');
    const event = await space.waitForTimelineEvent({ serial: 'VIG-1', type: 'motion' }, 5000);
    assert.equal(event.serial, 'VIG-1');
    assert.equal(site.dashboardViews, 3);
  });

  it('says what the timeline showed, and what to check, when the event never comes', async () => {
    site.events.push({ serial: 'ORI-2', type: 'motion', label: 'Mouvement ORI-2', fromView: 1 });
    await space.open();
    await space.login('alice@qa.example', 'secret');
    await assert.rejects(space.waitForTimelineEvent({ serial: 'VIG-1', type: 'motion' }, 600), (error: Error) => {
      assert.match(error.message, /^\[customer-space:acme\] expected a "motion" event of camera VIG-1 in the timeline within 600 ms; /);
      assert.match(error.message, /the timeline at http:\/\/127\.0\.0\.1:\d+\/space\/acme\/ shows 1 event\(s\): motion ORI-2 "Mouvement ORI-2"\. Did the event reach the platform/);
      return true;
    });
  });

  it('reports the page\'s alert when the login is refused', async () => {
    await space.open();
    assert.deepEqual(await space.tryLogin('alice@qa.example', 'wrong'), { loggedIn: false, alert: 'Adresse e-mail ou mot de passe incorrect.' });
    await assert.rejects(space.login('alice@qa.example', 'wrong'), /expected alice@qa\.example to reach the dashboard; the login page said: "Adresse e-mail ou mot de passe incorrect\."/);
  });

  it('says the white label is unknown when its login page answers 404', async () => {
    await assert.rejects(space.open('nobody'), /the login page http:\/\/127\.0\.0\.1:\d+\/space\/nobody\/login answered 404, expected 200\. Does the platform know white label "nobody"\?/);
  });
});

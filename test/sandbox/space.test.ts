// The customer space of each white label: branding, French login form, session cookie, access rules and escaping.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newCustomer } from './support/api.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { initPlatform, startPlatform } from './support/processes.ts';
import type { Platform } from './support/processes.ts';
import { getPage, postLogin, testIds } from './support/space.ts';

const brandWithMarkup = 'assur-plus-protect';
const brandFields = { whiteLabel: brandWithMarkup, offer: 'essentiel-2019', accountType: 'individual', paymentMethod: 'partner-invoice' };

for (const version of ['v9', 'v10'] as const) {
  describe(`the ${version} customer space`, () => {
    let dbs: TestDatabases;
    let platform: Platform;
    before(async () => {
      dbs = await createTestDatabases();
      await initPlatform(version, dbs.urls);
      platform = await startPlatform({ version, instance: `s-${version}`, urls: dbs.urls, smsUrl: 'http://127.0.0.1:9/sms' });
    });
    after(async () => {
      await platform?.stop();
      await dbs?.drop();
    });

    it('shows the brand’s name, logo, colours and support phone, escaped, with the French login form', async () => {
      const page = await getPage(platform.url, `/space/${brandWithMarkup}/login`);
      assert.equal(page.status, 200);
      assert.deepEqual(testIds(page.html, 'brand-name').map((e) => e.text), ['L&#39;Œil &amp; &lt;Co&gt;']);
      assert.match(page.html, /<img src="\/space\/assur-plus-protect\/logo\.svg" alt="L&#39;Œil &amp; &lt;Co&gt; logo" data-testid="brand-logo">/);
      assert.deepEqual(testIds(page.html, 'support-phone').map((e) => e.text), ['+33 9 70 80 20 00']);
      assert.match(page.html, /--brand-primary: #c2185b;/);
      assert.match(page.html, /<label for="email">Adresse e-mail<\/label>/);
      assert.match(page.html, /<label for="password">Mot de passe<\/label>/);
      assert.match(page.html, /<button type="submit">Se connecter<\/button>/);
      assert.doesNotMatch(page.html, /<Co>/);
    });

    it('serves the brand’s logo as SVG', async () => {
      const res = await fetch(`${platform.url}/space/${brandWithMarkup}/logo.svg`, { signal: AbortSignal.timeout(5000) });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/svg+xml');
      assert.match(await res.text(), /^<svg/);
    });

    it('answers 404 for an unknown white label and sends visitors who are not logged in to the login page', async () => {
      assert.equal((await getPage(platform.url, '/space/marque-inconnue/login')).status, 404);
      const dashboard = await getPage(platform.url, `/space/${brandWithMarkup}/`);
      assert.equal(dashboard.status, 303);
      assert.equal(dashboard.location, `/space/${brandWithMarkup}/login`);
    });

    it('refuses a wrong password, and an account of another white label, with an alert', async () => {
      const customer = await newCustomer(platform.url, brandFields);
      const wrong = await postLogin(platform.url, brandWithMarkup, customer.fields.email, 'pas-le-bon');
      assert.equal(wrong.status, 401);
      assert.match(wrong.html, /role="alert">Adresse e-mail ou mot de passe incorrect\./);
      assert.equal(wrong.cookie, null);
      const elsewhere = await postLogin(platform.url, 'veilis', customer.fields.email, customer.fields.password);
      assert.equal(elsewhere.status, 401);
    });

    it('logs a customer in with a cookie, escapes their name on the dashboard and logs them out', async () => {
      const customer = await newCustomer(platform.url, { ...brandFields, name: '<script>alert(1)</script> Dupont' });
      const login = await postLogin(platform.url, brandWithMarkup, customer.fields.email.toUpperCase(), customer.fields.password);
      assert.equal(login.status, 303);
      const page = await getPage(platform.url, `/space/${brandWithMarkup}/`, login.cookie ?? '');
      assert.equal(page.status, 200);
      assert.match(page.html, /Bonjour &lt;script&gt;alert\(1\)&lt;\/script&gt; Dupont/);
      assert.doesNotMatch(page.html, /<script>/);
      assert.equal(testIds(page.html, 'device-list').length, 1);
      assert.equal(testIds(page.html, 'timeline').length, 1);
      const other = await getPage(platform.url, '/space/veilis/', login.cookie ?? '');
      assert.equal(other.status, 303, 'a session opens only its own brand’s space');
      const logout = await fetch(`${platform.url}/space/${brandWithMarkup}/logout`, {
        method: 'POST',
        headers: { cookie: login.cookie ?? '' },
        redirect: 'manual',
        signal: AbortSignal.timeout(5000),
      });
      assert.equal(logout.status, 303);
      assert.equal((await getPage(platform.url, `/space/${brandWithMarkup}/`, login.cookie ?? '')).status, 303);
    });
  });
}

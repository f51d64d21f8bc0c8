// A brand's own marks and no other's: incomplete catalog entries are catalog errors, a swapped logo names both brands.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { CatalogError, loadCatalog } from '../../catalog/index.ts';
import { brandExpectation, brandProblems, CustomerSpace, expectOwnBrand, launchBrowser, type BrandView } from '../../drivers/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { issuesOf, replaceOnce, withBrokenCopy } from '../catalog/broken-copy.ts';
import { newCustomer } from '../sandbox/support/api.ts';
import { createTestDatabases, type TestDatabases } from '../sandbox/support/databases.ts';
import { fixtureCatalog, initPlatform, type Platform } from '../sandbox/support/processes.ts';
import { startPlatformWith } from '../sandbox/support/space-platform.ts';

const catalog = loadCatalog();
const expectations = catalog.whiteLabels.map(brandExpectation);
const [veilis, veilisPro, habitat] = ['veilis', 'veilis-pro', 'habitat-serein'].map((id) => expectations.find((e) => e.whiteLabel === id)!);
const othersOf = (id: string) => expectations.filter((e) => e.whiteLabel !== id);
const viewOf = (e: typeof veilis, text = ''): BrandView => ({
  name: e!.brand, phone: e!.supportPhone, logoAlt: `${e!.brand} logo`, logoSvg: e!.logoSvg, primaryColor: e!.primaryColor, secondaryColor: e!.secondaryColor, title: `Mon espace – ${e!.brand}`, text,
});

describe('what a brand must show, from the catalog', () => {
  it('reports a brand without logo or colour as a catalog error naming the brand, not as a page that fails', () => {
    const entry = catalog.whiteLabels[0]!;
    assert.throws(() => brandExpectation({ ...entry, logoSvg: '', colors: { primary: entry.colors.primary } }), (error: unknown) => {
      assert.ok(error instanceof CatalogError && error instanceof ConfigurationError);
      assert.match(error.message, /\[configuration\] the catalog has 1 error.*catalog\/data\/white-labels\.yaml: white label "veilis" \(Veilis\) has no logoSvg \(the logo\), colors\.secondary/s);
      return true;
    });
  });

  it('refuses, when loading the catalog, a brand whose logo or primary colour was removed, with file and line', () => {
    withBrokenCopy({ 'white-labels.yaml': (text) => replaceOnce('  colors: { primary: "#0b5fff", secondary: "#ffffff" }\n', '  colors: { secondary: "#ffffff" }\n')(text).replace(/(- id: veilis-pro[\s\S]*?)  logoSvg: .*\n/, '$1') }, (broken) => {
      const { issues } = issuesOf(broken.dir);
      const messages = issues.map((i) => `${i.line}: ${i.message}`).join('\n');
      assert.match(messages, /white label "veilis".*colors\.primary/);
      assert.match(messages, /white label "veilis-pro".*logoSvg/);
    });
  });
});

describe('a page that shows its brand and no other', () => {
  it('accepts Veilis Pro naming itself, though its name contains "Veilis"', () => {
    assert.deepEqual(brandProblems(viewOf(veilisPro, 'Bonjour – Veilis Pro – Service client : +33 1 84 80 10 50'), veilisPro!, othersOf('veilis-pro')), []);
  });

  it('names the other brand whose logo, phone or name a page shows', () => {
    const view = { ...viewOf(veilis, `Appelez le ${habitat!.supportPhone} – ${habitat!.brand}`), logoSvg: habitat!.logoSvg };
    assert.deepEqual(brandProblems(view, veilis!, othersOf('veilis')), [
      'the logo of Habitat Serein instead of its own',
      'the name of Habitat Serein',
      `the support phone of Habitat Serein (${habitat!.supportPhone})`,
    ]);
  });
});

describe('a swapped logo on the stand-in platform, seen in the browser', () => {
  let dbs: TestDatabases;
  let platform: Platform;
  let browser: Browser;
  before(async () => {
    dbs = await createTestDatabases();
    await initPlatform('v10', dbs.urls);
    [platform, browser] = await Promise.all([startPlatformWith('v10', 'logo', dbs.urls, ['--fault', 'swap-logo:veilis,assur-plus-protect']), launchBrowser({ timeoutMs: 15_000 })]);
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
    await dbs?.drop();
  });

  it('fails each of the two brands, naming the other one', async () => {
    const fixtures = loadCatalog(fixtureCatalog).whiteLabels.map(brandExpectation);
    for (const [own, other] of [['veilis', "L'Œil & <Co>"], ['assur-plus-protect', 'Veilis']] as const) {
      const context = await browser.newContext();
      const customer = await newCustomer(platform.url, own === 'veilis' ? {} : { whiteLabel: own, offer: 'essentiel-2019', paymentMethod: 'partner-invoice' });
      const space = new CustomerSpace(await context.newPage(), platform.url, own, { timeoutMs: 5000 });
      await space.open();
      await space.login(customer.fields.email, customer.fields.password);
      const expected = fixtures.find((f) => f.whiteLabel === own)!;
      const view = await space.brandView();
      assert.throws(() => expectOwnBrand(view, expected, fixtures.filter((f) => f !== expected), 'the dashboard'), (error: Error) => {
        assert.ok(error.message.includes(`the customer space of ${expected.brand} must show only its own brand`), error.message);
        assert.ok(error.message.includes(`it shows the logo of ${other} instead of its own`), error.message);
        return true;
      });
      await context.close();
    }
  });
});

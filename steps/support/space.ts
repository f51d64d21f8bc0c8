// Customer-space scenarios' support: customers of an account type, logins saved per worker, the support agent, visual checks.

import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import * as allure from 'allure-js-commons';
import type { Cookie } from 'playwright-core';
import type { Offer, WhiteLabel } from '../../catalog/index.ts';
import { BackOffice, BaselineStore, type ExpectedContract, brandExpectation, brandFingerprint, expectMatch, expectOwnBrand, type CustomerSpace } from '../../drivers/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { browserSession } from './browser.ts';
import type { Customer, HarnessWorld } from './world.ts';

export const baselinesDir = join(import.meta.dirname, '..', '..', 'features', 'espace-client', 'baselines');

/** The name every reused or visual-check customer has, so that dashboards look alike from run to run. */
const witnessName = 'Client Témoin';

/** The account type a scenario names (by name or id), which the brand must open. */
export function accountTypeOf(world: HarnessWorld, whiteLabel: WhiteLabel, name: string | undefined): string {
  if (name === undefined) return whiteLabel.accountTypes[0] ?? 'individual';
  const found = world.catalog.accountTypes.find((a) => a.name === name || a.id === name);
  if (!found) throw new ConfigurationError(`the scenario names account type "${name}", which catalog/data/account-types.yaml does not list (known: ${world.catalog.accountTypes.map((a) => a.name).join(', ')})`);
  if (!whiteLabel.accountTypes.includes(found.id)) throw new ConfigurationError(`${whiteLabel.brand} does not open "${name}" accounts (catalog/data/white-labels.yaml: ${whiteLabel.accountTypes.join(', ')}); fix the Examples table`);
  return found.id;
}

/** An offer the brand sells that V9 already sold, so the customer exists before and after the migration. */
export function offerOf(world: HarnessWorld, whiteLabel: WhiteLabel): Offer {
  const partner = world.catalog.partners.find((p) => p.id === whiteLabel.partner);
  const offers = world.catalog.offers.filter((o) => partner?.offers.includes(o.id));
  const offer = offers.find((o) => o.since === 'v9') ?? offers[0];
  if (!offer) throw new ConfigurationError(`${whiteLabel.brand} sells no offer: give partner "${whiteLabel.partner}" offers in catalog/data/partners.yaml`);
  return offer;
}

/** Signs a customer of the brand up through the API (account type as named, or the brand's first). */
export async function newSpaceCustomer(world: HarnessWorld, name: string, whiteLabel: WhiteLabel, accountTypeName?: string): Promise<Customer> {
  const accountType = accountTypeOf(world, whiteLabel, accountTypeName);
  const offer = offerOf(world, whiteLabel);
  const paymentMethod = whiteLabel.paymentMethods.find((p) => p !== 'free-trial') ?? whiteLabel.paymentMethods[0] ?? 'card';
  const email = `${name.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase()}.${randomBytes(4).toString('hex')}@qa.example`;
  const password = `Qa-${randomBytes(9).toString('base64url')}`;
  const phone = `+336${String(randomInt(10_000_000, 99_999_999))}`;
  const api = world.api();
  await api.signup({ email, password, name, phone, whiteLabel: whiteLabel.id, accountType, paymentMethod, offer: offer.id });
  await allure.label('partner', whiteLabel.partner);
  await allure.label('whiteLabel', whiteLabel.id);
  await allure.label('accountType', accountType);
  await allure.label('parentSuite', whiteLabel.partner);
  return { name, email, password, phone, whiteLabel, offer, api };
}

/** Logs the customer in through the login page of their brand: the space is then the scenario's current one. */
export async function logIn(world: HarnessWorld, customer: Customer): Promise<CustomerSpace> {
  world.openedSpaces.push(customer.whiteLabel);
  const space = await world.currentSpace();
  await space.open();
  await space.login(customer.email, customer.password);
  return space;
}

/**
 * Logins saved per worker and brand (their session cookies), reused by read-only scenarios: safe because sessions
 * live server-side, and a session the platform no longer knows (new databases, expiry) is replaced by a fresh login.
 */
const savedLogins = new Map<string, { customer: Customer; cookies: Cookie[] }>();

export async function reuseLogin(world: HarnessWorld, whiteLabel: WhiteLabel): Promise<CustomerSpace> {
  const context = await browserSession.context(world);
  world.openedSpaces.push(whiteLabel);
  const space = await world.currentSpace();
  const saved = savedLogins.get(whiteLabel.id);
  if (saved) {
    await context.addCookies(saved.cookies);
    if (await space.openDashboard()) return space;
  }
  let customer = saved?.customer ?? (await newSpaceCustomer(world, witnessName, whiteLabel));
  await space.open();
  if (!(await space.tryLogin(customer.email, customer.password)).loggedIn) {
    // The account is gone (the databases were made anew): a new one.
    customer = await newSpaceCustomer(world, witnessName, whiteLabel);
    await space.open();
    await space.login(customer.email, customer.password);
  }
  savedLogins.set(whiteLabel.id, { customer, cookies: await context.cookies() });
  return space;
}

/** A new customer of the brand, named like every witness, logged in through the page: for checks that change the account. */
export async function freshLogin(world: HarnessWorld, whiteLabel: WhiteLabel): Promise<CustomerSpace> {
  return logIn(world, await newSpaceCustomer(world, witnessName, whiteLabel));
}

/** Checks the current page shows the brand's name, logo, colours and phone, and nothing of another brand. */
export async function expectBrand(world: HarnessWorld, whiteLabel: WhiteLabel): Promise<void> {
  const space = await world.brandSpace(whiteLabel);
  const others = world.catalog.whiteLabels.filter((w) => w.id !== whiteLabel.id).map(brandExpectation);
  expectOwnBrand(await space.brandView(), brandExpectation(whiteLabel), others, space.page.url());
}

/** Compares the brand's dashboard with its approved baseline (or approves it, under `node tools/update-baselines.ts`). */
export async function compareDashboard(world: HarnessWorld, whiteLabel: WhiteLabel): Promise<void> {
  const space = await world.currentSpace();
  if (await space.migrationNotice()) await space.dismissNotice();
  const actual = await space.dashboardScreenshot();
  const name = `dashboard-${whiteLabel.id}`;
  const fingerprint = brandFingerprint(brandExpectation(whiteLabel));
  const store = new BaselineStore(baselinesDir);
  if (process.env['KW_UPDATE_BASELINES'] === '1') {
    store.approve(name, fingerprint, actual);
    world.attach(actual, { mediaType: 'image/png', fileName: `${name}-approved.png` });
    return;
  }
  world.attach(actual, { mediaType: 'image/png', fileName: `${name}-actual.png` });
  const comparison = store.compare(name, fingerprint, actual);
  if (comparison.diff) {
    world.attach(comparison.expected, { mediaType: 'image/png', fileName: `${name}-expected.png` });
    world.attach(comparison.diff, { mediaType: 'image/png', fileName: `${name}-diff.png` });
  }
  expectMatch(comparison);
}

const staffByWorker = { email: `support.${process.pid}.${randomBytes(3).toString('hex')}@qa.example`, name: 'Agent Support', password: `Bo-${randomBytes(12).toString('base64url')}` };
let staffSaved = false;

/** The back office, logged in as this worker's support agent (created once through the local ops endpoint). */
export async function supportAgent(world: HarnessWorld): Promise<BackOffice> {
  if (!staffSaved) await world.ops.saveStaff(staffByWorker);
  staffSaved = true;
  const backOffice = await world.backOffice();
  await backOffice.login(staffByWorker.email, staffByWorker.password);
  return backOffice;
}

/** The back office of every instance of the platform opens again (one instance stuck in maintenance is enough to fail). */
export async function expectBackOfficeOpenOnEachInstance(world: HarnessWorld): Promise<void> {
  const page = await browserSession.page(world);
  for (const instance of world.environment.platform.instances) await new BackOffice(page, instance.url).expectOpenAfterMaintenance();
}

/** The contract the customer signed, in the catalog's names: what the back office must show. */
export function contractOf(world: HarnessWorld, customer: Customer): ExpectedContract {
  const { catalog } = world;
  const partner = catalog.partners.find((p) => p.id === customer.whiteLabel.partner)?.name ?? customer.whiteLabel.partner;
  const modules = customer.offer.modules.map((m) => catalog.modules.find((x) => x.id === m)?.name ?? m);
  return { customer: customer.name, partner, brand: customer.whiteLabel.brand, offer: customer.offer.name, modules };
}

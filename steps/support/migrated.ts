// Migrated customers: the designated accounts the migration carries over (pre-production's test accounts file, or this run's generated V9 customers), their devices and what they saw before.

import { setTimeout as delay } from 'node:timers/promises';
import * as allure from 'allure-js-commons';
import type { CameraModel, Offer, Partner, WhiteLabel } from '../../catalog/index.ts';
import { migratedViewProblems, ModulesApi, readCustomerView } from '../../drivers/index.ts';
import type { TestAccount } from '../../environments/index.ts';
import { ConfigurationError, ProductAssertionError } from '../../lib/errors.ts';
import { generationTraits, type CameraEventType, type StartedCamera } from '../../simulators/index.ts';
import { connectCamera, usesDesignatedAccounts, labelCustomer, testAccountsFileVariable } from './designated.ts';
import { aboutAccount } from './reference-data.ts';
import { group, leaseOrder } from './lease-order.ts';
import { clockToleranceMs, markPlayed, markSpent, playedBy, releaseLease, spentBy, tryLease, type Player } from './leases.ts';
import type { Customer, HarnessWorld } from './world.ts';

/** What picks a migrated customer: their brand, and the offer or the payment method they had before the migration. */
export type MigratedCriterion = { offer: Offer; payment?: { id: string; name: string }; accentedName?: boolean } | { paymentMethod: { id: string; name: string } } | { camera: CameraModel } | { partner: Partner; module: string; reports: CameraEventType }
  | { paying: { id: string; name: string }; offerYears: [number, number] } | { accountType: { id: string; name: string } };

/** The designated accounts of the brand that had, before the migration, the offer or payment method asked for, in the file's order. */
function migratedAccountsOf(world: HarnessWorld, whiteLabel: WhiteLabel | undefined, criterion: MigratedCriterion): TestAccount[] {
  const had = (a: TestAccount): boolean => 'offer' in criterion
    ? a.reference?.offer === criterion.offer.id && (criterion.payment === undefined || a.reference?.account?.paymentMethod === criterion.payment.id) &&
      (criterion.accentedName !== true || hasAccent(a.reference?.account?.name ?? ''))
    : 'paymentMethod' in criterion ? a.reference?.account?.paymentMethod === criterion.paymentMethod.id
    : 'camera' in criterion ? (a.devices ?? []).some((d) => d.model === criterion.camera.id)
    : 'paying' in criterion ? a.reference?.account?.paymentMethod === criterion.paying.id && paysFor(offerOf(world, a), criterion.offerYears)
    : 'accountType' in criterion ? a.reference?.account?.accountType === criterion.accountType.id
    : criterion.partner.offers.includes(a.reference?.offer ?? '') && offerOf(world, a)?.modules.includes(criterion.module) === true &&
      a.whiteLabel !== undefined && world.catalog.whiteLabels.find((w) => w.id === a.whiteLabel)?.partner === criterion.partner.id &&
      cameraReporting(world, a, criterion.reports) !== undefined;
  return world.environment.testAccounts.filter((a) => a.reference !== undefined && (whiteLabel === undefined || a.whiteLabel === whiteLabel.id) && had(a));
}

/** No designated account matches: a ConfigurationError saying what to designate. */
function noMigratedAccount(world: HarnessWorld, whiteLabel: WhiteLabel | undefined, criterion: MigratedCriterion): ConfigurationError {
  const what = 'offer' in criterion ? `the offer ${criterion.offer.name}${criterion.payment ? ` paid by ${criterion.payment.name}` : ''}${criterion.accentedName ? ' and a name with an accented letter' : ''}` : 'paymentMethod' in criterion ? `the payment method ${criterion.paymentMethod.name}`
    : 'paying' in criterion ? `the payment method ${criterion.paying.name} for a paying offer launched ${criterion.offerYears.join(' to ')}`
    : 'accountType' in criterion ? `an account of type ${criterion.accountType.name}`
    : 'camera' in criterion ? `a camera ${criterion.camera.name}` : `an offer of ${criterion.partner.name} with the ${criterion.module} module and a camera that reports "${criterion.reports}"`;
  const key = 'offer' in criterion ? `"reference": {"offer": "${criterion.offer.id}"${criterion.accentedName ? ', "account": {"name": <a name with an accented letter>, ...}' : ''}, ...}` : 'paymentMethod' in criterion ? `"reference": {"account": {"paymentMethod": "${criterion.paymentMethod.id}", ...}, ...}`
    : 'paying' in criterion ? `"reference": {"offer": <a paying offer of ${criterion.offerYears.join(' to ')}>, "account": {"paymentMethod": "${criterion.paying.id}", ...}, ...}`
    : 'accountType' in criterion ? `"reference": {"account": {"accountType": "${criterion.accountType.id}", ...}, ...}`
    : 'camera' in criterion ? `"devices": [{"serial", "model": "${criterion.camera.id}"}] and a "reference"` : `a "reference" with an offer of ${criterion.partner.id} and "devices" holding a camera of generation https-json, mqtt3 or mqtt5`;
  const brand = whiteLabel ? ` of ${whiteLabel.brand}` : '';
  return new ConfigurationError(usesDesignatedAccounts(world)
    ? `${testAccountsFileVariable(world)} has no test account${brand} recorded with ${what}: add one${whiteLabel ? ` with "whiteLabel": "${whiteLabel.id}"` : ''} and ${key}, recorded before the migration (npm run record-reference)`
    : `this run designated no migrated customer${brand} with ${what}: scenarios on migrated customers run in a certification plan whose V9 data was generated (npm start), after its "generate-data" step`);
}

/** How long a scenario waits for another to give back the only accounts that fit (well within the step deadline, steps/support/timeouts.ts). */
const leaseWaitMs = 40_000;

/**
 * Leases (steps/support/leases.ts) a designated account that fits, for the scenario, and records that it played it. A
 * journey of features/clients-migres takes the first that fits among the journeys' accounts (`journeyAccounts`), passing
 * over the ones another family's scenarios played. Another family's scenario takes, outside the journeys' accounts when
 * one fits and last first, one no scenario of the run played yet (so its traces, quotas used and clock moved, reach no
 * other scenario), else the one played least; when no account holds the brand's exact offer (a pre-production file), the closest V9 offer of the brand
 * that includes the same modules, said in the scenario's log. Waits a while for a scenario to give one back.
 */
async function leaseMigratedAccount(world: HarnessWorld, whiteLabel: WhiteLabel | undefined, criterion: MigratedCriterion, player: Player): Promise<TestAccount> {
  let fits = migratedAccountsOf(world, whiteLabel, criterion);
  if (fits.length === 0 && player === 'family' && 'offer' in criterion && whiteLabel) {
    const closest = closestOffer(world, whiteLabel, criterion.offer, criterion.payment);
    if (closest) {
      world.log(`[migrated customer] no designated ${whiteLabel.brand} account had the offer ${criterion.offer.name}${criterion.payment ? ` paid by ${criterion.payment.name}` : ''} before the migration: ` +
        `the scenario plays one that had ${closest.name}, the closest V9 offer of the brand (its Examples values are those of ${criterion.offer.name})`);
      fits = migratedAccountsOf(world, whiteLabel, { ...criterion, offer: closest });
    }
  }
  if (fits.length === 0) throw noMigratedAccount(world, whiteLabel, criterion);
  const spends = world.pickleTags.includes('@horloge-de-test');
  const deadline = Date.now() + leaseWaitMs;
  const scenario = world.pickleName ?? 'scenario';
  for (;;) {
    // Read again on each try: while this scenario waited, others played or spent accounts that fit (when every one is
    // spent, leaseOrder says so, naming each account and the scenario that spent it).
    const { order, played } = leaseOrder({ fits, all: world.environment.testAccounts, reserved: journeyAccounts(world), player, spends, playedBy, spentBy });
    // Spent while this scenario waited (the spending scenario held the lease): passed over, the lease given back.
    const free = (a: TestAccount): boolean => spentBy(a.email) === undefined && tryLease(a.email, scenario) && (spentBy(a.email) === undefined || (releaseLease(a.email), false));
    const account = order.find(free);
    if (account) {
      world.leases.push(account.email);
      const before = played.get(account.email) ?? [];
      markPlayed(account.email, player);
      if (spends) markSpent(account.email, scenario);
      if (player === 'family' && before.length > 0) world.log(`[migrated customer] every designated account that fits was played already in this run: ${account.email} plays again (after ${before.length} scenario(s))`);
      return account;
    }
    if (Date.now() > deadline) {
      throw new ConfigurationError(`every designated migrated account that fits (${fits.map((a) => a.email).join(', ')}) stayed held by other scenarios for ${leaseWaitMs / 1000} s: designate more accounts, or run fewer workers`);
    }
    await delay(250);
  }
}

let reservedForJourneys: Set<string> | undefined;

/**
 * The accounts the journeys of features/clients-migres play, which compare everything the customer had (devices,
 * history) and must not carry another family's traces: the first account, in the file's order, of each brand × offer ×
 * payment method. Every journey's criterion (an offer, a payment method, a partner, an era) fits one of them first.
 */
function journeyAccounts(world: HarnessWorld): Set<string> {
  if (reservedForJourneys) return reservedForJourneys;
  const seen = new Set<string>();
  reservedForJourneys = new Set();
  for (const a of world.environment.testAccounts) {
    if (!seen.has(group(a))) reservedForJourneys.add(a.email);
    seen.add(group(a));
  }
  return reservedForJourneys;
}

/**
 * The brand's V9 offer held by a designated account that includes every module of `wanted` V9 knew (a V10 offer's alarm
 * panels and connected objects come after the migration: a migrated customer adds them), launched closest to it.
 */
function closestOffer(world: HarnessWorld, whiteLabel: WhiteLabel, wanted: Offer, payment?: { id: string; name: string }): Offer | undefined {
  const v9Modules = wanted.modules.filter((m) => world.catalog.modules.find((k) => k.id === m)?.since === 'v9');
  const held = world.catalog.offers.filter((o) => o.since === 'v9' && v9Modules.every((m) => o.modules.includes(m)) &&
    migratedAccountsOf(world, whiteLabel, { offer: o, ...(payment ? { payment } : {}) }).length > 0);
  return held.sort((a, b) => Math.abs(a.year - wanted.year) - Math.abs(b.year - wanted.year))[0];
}

/** A name with a letter outside ASCII (é, è, ï, ç...): the back office's search must find it as it is written. */
export const hasAccent = (name: string): boolean => /[^\u0000-\u007f]/.test(name);

/** The offer the account had before the migration, from the catalog. */
function offerOf(world: HarnessWorld, account: TestAccount): Offer | undefined {
  return world.catalog.offers.find((o) => o.id === account.reference?.offer);
}

/** A paying offer (a renewal charges something) launched within the years. */
function paysFor(offer: Offer | undefined, [from, to]: [number, number]): boolean {
  return offer !== undefined && offer.monthlyPriceCents > 0 && offer.year >= from && offer.year <= to;
}

/** The account's first camera whose generation can report the event type (HTTP push cameras report motion only). */
function cameraReporting(world: HarnessWorld, account: TestAccount, type: CameraEventType): { device: { serial: string; model: string }; model: CameraModel } | undefined {
  for (const device of account.devices ?? []) {
    const model = world.catalog.cameraModels.find((m) => m.id === device.model);
    if (model && generationTraits[model.generation].eventTypes.includes(type)) return { device, model };
  }
  return undefined;
}

/** Logs the migrated customer in and makes them the scenario's customer `name`, labelled as migrated. */
export async function playMigratedCustomer(world: HarnessWorld, name: string, brand: WhiteLabel | undefined, criterion: MigratedCriterion, player: Player = 'journey'): Promise<Customer> {
  const account = await leaseMigratedAccount(world, brand, criterion, player);
  world.migratedSince.set(name, Date.now() - clockToleranceMs);
  const offer = world.catalog.offers.find((o) => o.id === account.reference?.offer);
  const whiteLabel = world.catalog.whiteLabels.find((w) => w.id === account.whiteLabel);
  if (!offer || !whiteLabel) throw new ConfigurationError(`the migrated customer ${account.email} has no recorded offer or white label of the catalog (${account.reference?.offer ?? 'none'}, ${account.whiteLabel})`);
  const api = world.api();
  await api.login(account.email, account.password).catch((error: unknown) => {
    throw new ProductAssertionError(`[migrated customer] ${aboutAccount(world, account, offer)} could not log in after the migration with the password they had: ${(error as Error).message}`, { cause: error });
  });
  const details = await api.account();
  const customer: Customer = { name, email: account.email, password: account.password, phone: details.phone, whiteLabel, offer, api };
  world.customers.set(name, customer);
  world.migrated.set(name, account);
  await labelCustomer(whiteLabel, offer);
  await allure.label('accountType', details.accountType);
  await allure.label('paymentMethod', details.paymentMethod);
  await allure.label('migrated', 'true');
  return customer;
}

/** The customer finds their settings, devices, history and recordings as they were before, exactly (recordings past the offer's retention may be gone). */
export async function expectAsBeforeMigration(world: HarnessWorld, name: string): Promise<void> {
  const account = world.migrated.get(name);
  const customer = world.customer(name);
  if (!account?.reference) throw new ConfigurationError(`"${name}" is not a migrated customer with a recorded history; start the scenario with ""${name}", client migré de la marque ..."`);
  const accountNow = Date.parse((await new ModulesApi(customer.api, world.about(name)).state()).now);
  const keptSince = accountNow - customer.offer.retentionDays * 86_400_000;
  const before = { ...account.reference, ...(account.devices ? { devices: account.devices } : {}) };
  const problems = migratedViewProblems(before, await readCustomerView(customer.api), world.environment.platform.expectedVersion, { keptSince });
  if (problems.length > 0) {
    throw new ProductAssertionError(`[migrated customer] ${aboutAccount(world, account, customer.offer)} does not find what they had before the migration: ${problems.join('; ')}. ` +
      'Did the migration lose or change this customer\'s data?');
  }
}

/** The migrated customer's camera (of `model`, else the first their account held before the migration) comes back online as its generation does. */
export async function reconnectMigratedCamera(world: HarnessWorld, name: string, model?: CameraModel, reports?: CameraEventType): Promise<StartedCamera> {
  const account = world.migrated.get(name);
  const device = account && (reports ? cameraReporting(world, account, reports)
    : (account.devices ?? []).map((d) => ({ device: d, model: world.catalog.cameraModels.find((m) => m.id === d.model) })).find((d) => d.model !== undefined && (model === undefined || d.model.id === model.id)));
  if (!account || !device?.model) throw new ConfigurationError(`the migrated customer "${name}" has no camera${model ? ` ${model.name}` : ''}${reports ? ` that reports "${reports}"` : ''} among their devices: designate an account that holds one`);
  const lastSeenBefore = (await world.customer(name).api.devices()).find((d) => d.serial === device.device.serial)?.lastSeenAt ?? null;
  return connectCamera(world, { owner: name, serial: device.device.serial, model: device.model, lastSeenBefore });
}

/**
 * The subscription renews by the payment method the customer had before the migration. (Its due date is not compared:
 * reading the billing on V9 before the migration is not a pure read on every platform, and an overdue subscription may
 * rightly be renewed as soon as V10 runs.)
 */
export async function expectRenewalAsBefore(world: HarnessWorld, name: string): Promise<void> {
  const before = world.migrated.get(name)?.reference?.account;
  if (!before) throw new ConfigurationError(`"${name}" is not a migrated customer with recorded settings; start the scenario with ""${name}", client migré de la marque ..."`);
  const billing = await world.modules(name).billing();
  if (billing.paymentMethod !== before.paymentMethod) {
    throw new ProductAssertionError(`[migrated customer] the subscription of ${world.about(name)} renews by "${billing.paymentMethod}" instead of "${before.paymentMethod}", the payment method on file before the migration`);
  }
}

/** A payment method by its catalog name (or id), as the Gherkin names it. */
export function paymentMethodNamed(world: HarnessWorld, text: string): { id: string; name: string } {
  const found = world.catalog.paymentMethods.find((m) => m.name === text || m.id === text);
  if (!found) throw new ConfigurationError(`the scenario names payment method "${text}", which catalog/data/payment-methods.yaml does not list (known: ${world.catalog.paymentMethods.map((m) => m.name).join(', ')})`);
  return found;
}

/** Labels the scenario with a module a migrated customer exercised on V10: the coverage gate counts a module for the migration only so. */
export async function labelMigratedModule(world: HarnessWorld, name: string, module: string): Promise<void> {
  if (world.migrated.has(name)) await allure.label('module', module);
}

/**
 * The customer of a scenario of another family on an Examples table tagged @clients-migres: a designated migrated
 * account of the brand that had the offer (paid by `payment` when the scenario says) before the migration, leased for the
 * scenario. The modules the feature is about (its @module-* tags) count as exercised by a migrated customer.
 */
export async function playFamilyMigratedCustomer(world: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer, payment?: { id: string; name: string }, options: { accentedName?: boolean } = {}): Promise<Customer> {
  const customer = await playMigratedCustomer(world, name, whiteLabel, { offer, ...(payment ? { payment } : {}), ...options }, 'family');
  const account = world.migrated.get(name);
  world.log(`[migrated customer] "${name}" is the designated migrated account ${account?.email ?? '?'} (${customer.whiteLabel.brand}, ${customer.offer.name}, paying by ${account?.reference?.account?.paymentMethod ?? '?'})`);
  for (const tag of world.pickleTags) {
    const module = /^@module-(.+)$/.exec(tag)?.[1];
    if (module && customer.offer.modules.includes(module)) await allure.label('module', module);
  }
  return customer;
}

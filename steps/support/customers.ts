// Creating a scenario's customer on the platform: unique e-mail and phone, signed up and logged in, labelled for the reports.

import { randomBytes, randomInt } from 'node:crypto';
import * as allure from 'allure-js-commons';
import type { Offer, WhiteLabel } from '../../catalog/index.ts';
import { ModulesApi, testInstruments } from '../../drivers/index.ts';
import { assertWritable } from '../../environments/index.ts';
import { ConfigurationError, ProductAssertionError } from '../../lib/errors.ts';
import { describeCustomer } from './who.ts';
import type { Customer, HarnessWorld } from './world.ts';

export interface CustomerChoices {
  /** A payment method id the brand takes (catalog payment-methods.yaml); by default the brand's first but free trial. */
  paymentMethod?: string;
  /** An account type id the brand opens (catalog account-types.yaml); by default the first that fits the payment method. */
  accountType?: string;
}

export async function newCustomer(world: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer, choices: CustomerChoices = {}): Promise<Customer> {
  // Production: a scenario may write only to the designated test accounts, never create customers.
  assertWritable(world.environment, `create customer "${name}" (${whiteLabel.brand}, ${offer.name})`);
  const tag = randomBytes(4).toString('hex');
  const slug = name.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase();
  const email = `${slug}.${tag}@qa.example`;
  const password = `Qa-${randomBytes(9).toString('base64url')}`;
  // French mobile numbers, unique enough per run that the SMS journal correlates by phone.
  const phone = `+336${String(randomInt(10_000_000, 99_999_999))}`;
  const api = world.api();
  // Unless a scenario says otherwise, the first account type and payment method the brand accepts.
  const paymentMethod = choices.paymentMethod ?? whiteLabel.paymentMethods.find((p) => p !== 'free-trial') ?? whiteLabel.paymentMethods[0] ?? 'card';
  const accountType = choices.accountType ?? accountTypeFor(whiteLabel, paymentMethod);
  await api.signup({ email, password, name, phone, whiteLabel: whiteLabel.id, accountType, paymentMethod, offer: offer.id });
  await api.login(email, password);
  const modules = new ModulesApi(api, describeCustomer(world.catalog, { name, whiteLabel, offer }), { syntheticTraffic: world.environment.runId });
  // A customer paying by card or SEPA has one on file: the payment stub's test card or IBAN that is accepted.
  if (paymentMethod === 'card' || paymentMethod === 'sepa') await modules.registerInstrument(testInstruments[paymentMethod].accepted);
  await allure.label('partner', whiteLabel.partner);
  await allure.label('whiteLabel', whiteLabel.id);
  await allure.label('offer', offer.id);
  await allure.label('accountType', accountType);
  await allure.label('paymentMethod', paymentMethod);
  for (const module of offer.modules) await allure.label('module', module);
  await allure.label('parentSuite', whiteLabel.partner);
  return { name, email, password, phone, whiteLabel, offer, api };
}

/** The id of a payment method the scenario names ("Prélèvement SEPA" or "sepa"), which the brand must take. */
export function accountTypeId(world: HarnessWorld, whiteLabel: WhiteLabel, name: string): string {
  const found = world.catalog.accountTypes.find((a) => a.name === name || a.id === name);
  if (!found) throw new ConfigurationError(`the scenario names account type "${name}", which catalog/data/account-types.yaml does not list (known: ${world.catalog.accountTypes.map((a) => a.name).join(', ')})`);
  if (!whiteLabel.accountTypes.includes(found.id)) throw new ConfigurationError(`${whiteLabel.brand} does not open "${name}" accounts (catalog/data/white-labels.yaml: ${whiteLabel.accountTypes.join(', ')}); fix the Examples table`);
  return found.id;
}

export function paymentMethodId(world: HarnessWorld, whiteLabel: WhiteLabel, name: string): string {
  const found = world.catalog.paymentMethods.find((p) => p.name === name || p.id === name);
  if (!found) throw new ConfigurationError(`the scenario names payment method "${name}", which catalog/data/payment-methods.yaml does not list (known: ${world.catalog.paymentMethods.map((p) => p.name).join(', ')})`);
  if (!whiteLabel.paymentMethods.includes(found.id)) throw new ConfigurationError(`${whiteLabel.brand} does not take "${name}" (catalog/data/white-labels.yaml: ${whiteLabel.paymentMethods.join(', ')}); fix the Examples table`);
  return found.id;
}

/** Partner invoicing goes with partner-managed accounts only, a free trial with individuals (catalog business rules). */
function accountTypeFor(whiteLabel: WhiteLabel, paymentMethod: string): string {
  const fits = (type: string): boolean => paymentMethod === 'partner-invoice' ? type === 'partner-managed'
    : paymentMethod === 'free-trial' ? type === 'individual' : type !== 'partner-managed';
  return whiteLabel.accountTypes.find(fits) ?? whiteLabel.accountTypes[0] ?? 'individual';
}

/** An offer with the sms module alerts by SMS in the brand's name; an offer without it sends none. */
export async function expectSmsAsOffered(world: HarnessWorld, customer: Customer, serial: string): Promise<{ text: string } | undefined> {
  if (customer.offer.modules.includes('sms')) return (await world.stubs.waitForSms({ to: customer.phone, from: customer.whiteLabel.smsSender, contains: serial, since: world.journalMark, about: describeCustomer(world.catalog, customer) })).body;
  await world.stubs.expectNoSms({ to: customer.phone, since: world.journalMark });
  return undefined;
}

/** An offer with the email module alerts by one e-mail from the brand's sender (its name and address); an offer without it sends none. */
export async function expectMailAsOffered(world: HarnessWorld, customer: Customer): Promise<{ subject: string; text: string } | undefined> {
  if (!customer.offer.modules.includes('email')) return void (await world.thirdParties.expectNoMail(customer.email, world.journalMark));
  const mail = (await world.thirdParties.waitForMail(customer.email, world.journalMark)).body;
  const { from } = mail;
  if (from.name !== customer.whiteLabel.brand || from.address !== customer.whiteLabel.mailSender) {
    throw new ProductAssertionError(`the alert e-mail of ${describeCustomer(world.catalog, customer)} should come from "${customer.whiteLabel.brand}" <${customer.whiteLabel.mailSender}>; it comes from ${JSON.stringify(from)}`);
  }
  return mail;
}

// Creating a scenario's customer on the platform: unique e-mail and phone, signed up and logged in, labelled for the reports.

import { randomBytes, randomInt } from 'node:crypto';
import * as allure from 'allure-js-commons';
import type { Offer, WhiteLabel } from '../../catalog/index.ts';
import { assertWritable } from '../../environments/index.ts';
import type { Customer, HarnessWorld } from './world.ts';

export async function newCustomer(world: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer): Promise<Customer> {
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
  const accountType = whiteLabel.accountTypes[0] ?? 'individual';
  const paymentMethod = whiteLabel.paymentMethods.find((p) => p !== 'free-trial') ?? whiteLabel.paymentMethods[0] ?? 'card';
  await api.signup({ email, password, name, phone, whiteLabel: whiteLabel.id, accountType, paymentMethod, offer: offer.id });
  await api.login(email, password);
  await allure.label('partner', whiteLabel.partner);
  await allure.label('whiteLabel', whiteLabel.id);
  await allure.label('offer', offer.id);
  await allure.label('accountType', accountType);
  await allure.label('paymentMethod', paymentMethod);
  for (const module of offer.modules) await allure.label('module', module);
  await allure.label('parentSuite', whiteLabel.partner);
  return { name, email, password, phone, whiteLabel, offer, api };
}

/** An offer with the sms module alerts by SMS in the brand's name; an offer without it sends none. */
export async function expectSmsAsOffered(world: HarnessWorld, customer: Customer, serial: string): Promise<void> {
  if (customer.offer.modules.includes('sms')) await world.stubs.waitForSms({ to: customer.phone, from: customer.whiteLabel.smsSender, contains: serial, since: world.journalMark });
  else await world.stubs.expectNoSms({ to: customer.phone, since: world.journalMark });
}

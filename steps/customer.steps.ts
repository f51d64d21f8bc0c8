// Steps about customers: subscribing to an offer of a brand, and what they receive.

import { Given, Then } from '@cucumber/cucumber';
import type { Offer, WhiteLabel } from '../catalog/index.ts';
import type { HarnessWorld } from './support/world.ts';
import { alertTextProblems } from './support/modules.ts';
import { ProductAssertionError } from '../lib/errors.ts';
import { accountTypeId, expectSmsAsOffered, newCustomer, paymentMethodId } from './support/customers.ts';
import { labelMigratedModule, paymentMethodNamed, playFamilyMigratedCustomer } from './support/migrated.ts';

Given('un client {string} de la marque {marque} avec l\'offre {offre}', async function (this: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer) {
  if (this.onMigratedAccounts) await playFamilyMigratedCustomer(this, name, whiteLabel, offer);
  else this.customers.set(name, await newCustomer(this, name, whiteLabel, offer));
});

Then('{string} reçoit un SMS d\'alerte envoyé au nom de {string}', async function (this: HarnessWorld, name: string, sender: string) {
  const customer = this.customer(name);
  const sms = await this.stubs.waitForSms({ to: customer.phone, from: sender, contains: this.camera(name).serial, since: this.journalMark, about: this.about(name) });
  const problems = await alertTextProblems(this, name, sms.body.text);
  if (problems.length > 0) throw new ProductAssertionError(`the alert SMS to ${this.about(name)} from ${sender}: ${problems.join('; ')}`);
});

Then('{string} ne reçoit aucun SMS', async function (this: HarnessWorld, name: string) {
  await this.stubs.expectNoSms({ to: this.customer(name).phone, since: this.journalMark });
});

Then('{string} reçoit les alertes SMS que prévoit son offre', async function (this: HarnessWorld, name: string) {
  const sms = await expectSmsAsOffered(this, this.customer(name), this.camera(name).serial);
  const problems = sms === undefined ? [] : await alertTextProblems(this, name, sms.text);
  if (problems.length > 0) throw new ProductAssertionError(`the alert SMS to ${this.about(name)}: ${problems.join('; ')}`);
  if (this.customer(name).offer.modules.includes('sms')) await labelMigratedModule(this, name, 'sms');
});

Given('un client {string} de la marque {marque} avec l\'offre {offre}, payant par {string}', async function (this: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer, method: string) {
  if (this.onMigratedAccounts) await playFamilyMigratedCustomer(this, name, whiteLabel, offer, paymentMethodNamed(this, paymentMethodId(this, whiteLabel, method)));
  else this.customers.set(name, await newCustomer(this, name, whiteLabel, offer, { paymentMethod: paymentMethodId(this, whiteLabel, method) }));
});

Given('un client {string} de la marque {marque} avec un compte {string}, payant par {string}, avec l\'offre {offre}', async function (this: HarnessWorld, name: string, whiteLabel: WhiteLabel, accountType: string, method: string, offer: Offer) {
  if (this.onMigratedAccounts) await playFamilyMigratedCustomer(this, name, whiteLabel, offer, paymentMethodNamed(this, paymentMethodId(this, whiteLabel, method)));
  else this.customers.set(name, await newCustomer(this, name, whiteLabel, offer, { accountType: accountTypeId(this, whiteLabel, accountType), paymentMethod: paymentMethodId(this, whiteLabel, method) }));
});

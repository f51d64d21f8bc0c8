// Steps about the next renewal of migrated customers: due when V9 said, charged once at the offer's price on the instrument (and SEPA mandate) on file.

import { Given, Then, When } from '@cucumber/cucumber';
import type { BillingView, ChargeRequest } from '../drivers/index.ts';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { paymentMethodNamed, playMigratedCustomer } from './support/migrated.ts';
import type { HarnessWorld } from './support/world.ts';

const dayMs = 86_400_000;

/** The billing each customer showed just before their renewal came due, per scenario. */
const beforeRenewal = new WeakMap<HarnessWorld, Map<string, BillingView>>();

function billingBefore(world: HarnessWorld, name: string): BillingView {
  const billing = beforeRenewal.get(world)?.get(name);
  if (!billing) throw new ConfigurationError(`the renewal of "${name}" has not come due yet: add the step "l'échéance de l'abonnement de "${name}" arrive" before`);
  return billing;
}

/** The last four characters of an instrument, masked ("•••• 4242", "FR76 •••• 0189") or not. */
const lastFour = (instrument: string | null | undefined): string => (instrument ?? '').replace(/\s+/g, '').slice(-4);

Given('{string}, client migré qui payait par {string} une offre lancée entre {int} et {int}', async function (this: HarnessWorld, name: string, method: string, from: number, to: number) {
  await playMigratedCustomer(this, name, undefined, { paying: paymentMethodNamed(this, method), offerYears: [from, to] });
});

When('l\'échéance de l\'abonnement de {string} arrive', async function (this: HarnessWorld, name: string) {
  const billing = await this.modules(name).billing();
  if (billing.status !== 'active' || Date.parse(billing.paidUntil) <= Date.parse(billing.now) || billing.graceEndsAt !== null) {
    throw new ProductAssertionError(`[migrated customer] ${this.about(name)} was paid up before the migration; after it, their subscription should be active and paid until a later date, but billing says ${JSON.stringify(billing)}`);
  }
  const saved = beforeRenewal.get(this) ?? new Map<string, BillingView>();
  saved.set(name, billing);
  beforeRenewal.set(this, saved);
  await this.thirdParties.mark(`${name}:renewal`);
  await this.ops.setAccountClock(this.customer(name).email, new Date(Date.parse(billing.paidUntil) + 60_000));
});

Then('le prestataire de paiement reçoit exactement un prélèvement du prix de l\'offre de {string}, sur le moyen de paiement d\'avant la migration', async function (this: HarnessWorld, name: string) {
  const before = billingBefore(this, name);
  const customer = this.customer(name);
  const method = this.migrated.get(name)?.reference?.account?.paymentMethod;
  if (method === undefined) throw new ConfigurationError(`"${name}" is not a migrated customer with recorded settings; start the scenario with ""${name}", client migré qui payait par ..."`);
  const since = this.thirdParties.since(`${name}:renewal`, this.journalMark);
  const [charge] = await this.thirdParties.expectExactly('payment', customer.email, since, 1, { path: '/payment/charges', what: 'charge' });
  const body = (charge?.body ?? {}) as ChargeRequest;
  const problems = [
    body.amountCents === customer.offer.monthlyPriceCents ? undefined : `${body.amountCents} cents instead of the ${customer.offer.monthlyPriceCents} of the offer ${customer.offer.name}`,
    body.method === method ? undefined : `charged by ${body.method} instead of ${method}`,
    lastFour(body.instrument) === lastFour(before.instrument) ? undefined : `on the instrument ending ${lastFour(body.instrument)} instead of the one on file (${before.instrument ?? 'none'})`,
    method !== 'sepa' ? undefined
      : body.mandate === undefined ? 'without the SEPA mandate the customer signed before the migration'
      : Date.parse(body.mandate.signedAt) < this.startedAt ? undefined : `under a mandate signed ${body.mandate.signedAt}, during this scenario: the one signed before the migration was not kept`,
  ].filter((p) => p !== undefined);
  if (problems.length > 0) {
    throw new ProductAssertionError(`[migrated customer] the renewal of ${this.about(name)} should charge the offer's price by ${method}, on what they had on file before the migration; the payment provider was asked ${problems.join(', ')} (${JSON.stringify(body)})`);
  }
});

Then('l\'abonnement de {string} est payé jusqu\'à {int} jours après son ancienne échéance', async function (this: HarnessWorld, name: string, days: number) {
  const before = billingBefore(this, name);
  const expected = new Date(Date.parse(before.paidUntil) + days * dayMs).toISOString();
  const billing = await this.modules(name).waitForBilling((b) => b.payments.length > before.payments.length && b.payments.at(-1)?.status === 'succeeded', 'the renewal paid').catch((error: unknown) => {
    throw new ProductAssertionError(`[migrated customer] the renewal of ${this.about(name)} due ${before.paidUntil} is not paid: ${(error as Error).message}`, { cause: error });
  });
  if (billing.status !== 'active' || billing.paidUntil !== expected || billing.payments.length !== before.payments.length + 1) {
    throw new ProductAssertionError(`[migrated customer] after the renewal due ${before.paidUntil}, ${this.about(name)} should be paid until ${expected} (${days} days later) by one new payment; billing says ${JSON.stringify(billing)}`);
  }
});

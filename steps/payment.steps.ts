// Steps about payments: the monthly renewal by card, SEPA or partner invoice, a refused payment, grace and suspension.

import { Given, Then, When } from '@cucumber/cucumber';
import { expectPaymentFailure, healthCounters, testInstruments, waitForHealthCounters, type BillingView, type ChargeRequest, type CounterSection } from '../drivers/index.ts';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { cents } from './support/modules.ts';
import type { HarnessWorld } from './support/world.ts';

Given('le moyen de paiement de {string} est refusé par sa banque', async function (this: HarnessWorld, name: string) {
  const { paymentMethod } = await this.modules(name).billing();
  if (paymentMethod !== 'card' && paymentMethod !== 'sepa') throw new ConfigurationError(`${name} pays by ${paymentMethod}: only a card or a SEPA debit can be refused by a bank`);
  await this.modules(name).registerInstrument(testInstruments[paymentMethod].refused);
});

When('le renouvellement mensuel de {string} arrive', async function (this: HarnessWorld, name: string) {
  const billing = await this.modules(name).billing();
  await this.modules(name).advanceClock(Math.ceil((Date.parse(billing.paidUntil) - Date.parse(billing.now)) / 60_000) + 1);
});

Then('l\'abonnement de {string} est renouvelé par un paiement {string} de {word} €', async function (this: HarnessWorld, name: string, method: string, amount: string) {
  await expectRenewed(this, name, method, cents(amount));
});

Then('l\'abonnement de {string} est renouvelé par un seul paiement {string} de {word} €', async function (this: HarnessWorld, name: string, method: string, amount: string) {
  const billing = await expectRenewed(this, name, method, cents(amount));
  const keys = new Set((await this.thirdParties.requests('payment', this.customer(name).email, this.journalMark)).map((e) => (e.body as { idempotencyKey?: string }).idempotencyKey));
  if (keys.size !== 1 || billing.payments.length !== 1) {
    throw new ProductAssertionError(`${name}'s renewal must be one payment, retried under one idempotency key; the provider saw keys ${[...keys].join(', ')} and the platform lists ${JSON.stringify(billing.payments)}`);
  }
});

Then('l\'abonnement de {string} entre en période de grâce de {int} jours', async function (this: HarnessWorld, name: string, graceDays: number) {
  const billing = await this.modules(name).waitForBilling((b) => b.status === 'grace', 'the subscription in its grace period after the refused payment');
  const left = (Date.parse(billing.graceEndsAt ?? '') - Date.parse(billing.now)) / 86_400_000;
  // The clock read after the refusal may lag the instant the refusing instance stamped by a millisecond or so (each
  // instance derives the account's clock from its own): a second of slack, far below the 0.01 day the check allows before.
  if (!(left > graceDays - 0.01 && left <= graceDays + 1 / 86_400)) throw new ProductAssertionError(`${name}'s grace period should last ${graceDays} days from the refusal; it ends ${billing.graceEndsAt} (account clock ${billing.now})`);
});

Then('les modules de {string} sont suspendus', async function (this: HarnessWorld, name: string) {
  await this.modules(name).waitForBilling((b) => b.status === 'suspended', 'the modules suspended at the end of the grace period');
  await this.thirdParties.mark(`${name}:suspended`);
});

// Read as soon as the clock has moved (the move runs the account's renewal and grace first): suspended a day early fails.
Then('les modules de {string} sont toujours en service, son abonnement en période de grâce', async function (this: HarnessWorld, name: string) {
  const billing = await this.modules(name).billing();
  if (billing.status !== 'grace') {
    throw new ProductAssertionError(`${name}'s modules must stay on until the last minute of the grace period (ends ${billing.graceEndsAt}); at ${billing.now} the subscription is ${billing.status}`);
  }
});

Then('{string} ne reçoit plus aucune alerte', async function (this: HarnessWorld, name: string) {
  const since = this.thirdParties.since(`${name}:suspended`, this.journalMark);
  await Promise.all([this.stubs.expectNoSms({ to: this.customer(name).phone, since }), this.thirdParties.expectNoMail(this.customer(name).email, since)]);
});

Then('l\'abonnement de {string} reste actif, son paiement en attente d\'un nouvel essai', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectFaultApplied('payment', this.customer(name).email, this.journalMark);
  const billing = await this.modules(name).billing();
  const last = billing.payments.at(-1);
  if (billing.status !== 'pending' || last?.status !== 'unavailable' || billing.graceEndsAt !== null) {
    throw new ProductAssertionError(`with the payment provider unreachable, ${name} is not at fault: the subscription stays on, the payment waiting for a retry, no grace period; billing says ${JSON.stringify(billing)}`);
  }
});

Then('l\'abonnement de {string} est renouvelé sur la facture du partenaire {string} pour {word} €', async function (this: HarnessWorld, name: string, partnerName: string, amount: string) {
  const partner = this.catalog.partners.find((p) => p.name === partnerName || p.id === partnerName);
  if (!partner) throw new ConfigurationError(`the scenario names partner "${partnerName}", which catalog/data/partners.yaml does not list`);
  // Exactly one line for the period renewed: a second one (the renewal run twice, a line per instance) bills the partner twice.
  const billing = await this.modules(name).settledBilling((b) => b.invoices.length > 0, `an invoice line to partner ${partner.name}`);
  const [line, ...more] = billing.invoices;
  if (more.length > 0) {
    throw new ProductAssertionError(`${name}'s renewal should be exactly one line on ${partner.name}'s invoice; the platform shows ${billing.invoices.length}: ` +
      `${billing.invoices.map((l) => `${l.partner} ${l.periodStart} ${l.amountCents} cents`).join('; ')}`);
  }
  if (billing.status !== 'active' || line?.partner !== partner.id || line.amountCents !== cents(amount)) {
    throw new ProductAssertionError(`${name}'s renewal should be one line of ${amount} € on ${partner.name}'s invoice, the subscription active; billing says ${JSON.stringify(billing)}`);
  }
});

Then('la plateforme n\'a rien demandé au prestataire de paiement pour {string}', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectNoCharge(this.customer(name).email, this.journalMark);
});

/** The provider was asked the offer's price by the named method, and the platform shows the renewal paid. */
async function expectRenewed(world: HarnessWorld, name: string, method: string, amountCents: number): Promise<BillingView> {
  const methodId = world.catalog.paymentMethods.find((p) => p.name === method || p.id === method)?.id;
  const charge = await world.thirdParties.waitForCharge(world.customer(name).email, world.journalMark);
  if (charge.body.method !== methodId || charge.body.amountCents !== amountCents) {
    throw new ProductAssertionError(`${name}'s renewal should charge ${amountCents} cents by ${method}; the provider was asked ${charge.body.amountCents} cents by ${charge.body.method}`);
  }
  return world.modules(name).waitForBilling((b) => b.status === 'active' && b.payments.at(-1)?.status === 'succeeded', `the renewal paid by ${method}`);
}

Then('le paiement en attente de {string} indique la raison de l\'échec : {string}', async function (this: HarnessWorld, name: string, failure: string) {
  expectPaymentFailure(await this.modules(name).billing(), failure, name);
});

/** The last four characters of an instrument, masked ("•••• 4242", "FR76 •••• 0189") or not. */
const lastFour = (instrument: string | null | undefined): string => (instrument ?? '').replace(/\s+/g, '').slice(-4);

Then('le prestataire de paiement a prélevé {word} € une seule fois pour {string}, sous une seule clé, sur le moyen de paiement enregistré et, pour un client migré payant par SEPA, sous le mandat signé avant la migration', async function (this: HarnessWorld, amount: string, name: string) {
  const customer = this.customer(name);
  const billing = await this.modules(name).billing();
  // Every attempt (the faulted ones and the one that went through) under one idempotency key; exactly one carried out.
  const attempts = (await this.thirdParties.requests('payment', customer.email, this.journalMark)).filter((e) => e.path === '/payment/charges');
  const keys = [...new Set(attempts.map((e) => (e.body as Partial<ChargeRequest>).idempotencyKey))];
  const [charge] = await this.thirdParties.expectExactly('payment', customer.email, this.journalMark, 1, { path: '/payment/charges', what: 'charge' });
  const body = (charge?.body ?? {}) as ChargeRequest;
  // A migrated SEPA payer signed their mandate on V9, before the migration (a customer made during the run signed none).
  const mandateKept = this.migrated.has(name) && billing.paymentMethod === 'sepa';
  const problems = [
    keys.length === 1 ? undefined : `${attempts.length} attempt(s) under ${keys.length} idempotency keys (${keys.join(', ')})`,
    body.amountCents === cents(amount) ? undefined : `${body.amountCents} cents instead of ${cents(amount)}`,
    body.method === billing.paymentMethod ? undefined : `by ${body.method} instead of ${billing.paymentMethod}, the method on file`,
    lastFour(body.instrument) === lastFour(billing.instrument) ? undefined : `on the instrument ending ${lastFour(body.instrument)} instead of the one on file (${billing.instrument ?? 'none'})`,
    !mandateKept ? undefined
      : body.mandate === undefined ? 'without the SEPA mandate the customer signed before the migration'
      : Date.parse(body.mandate.signedAt) < this.startedAt ? undefined : `under a mandate signed ${body.mandate.signedAt}, during this scenario: the one signed before the migration was not kept`,
  ].filter((p) => p !== undefined);
  if (problems.length > 0) {
    throw new ProductAssertionError(`the renewal of ${this.about(name)} should be charged once, ${amount} € by the method and on the instrument on file${mandateKept ? ', under the SEPA mandate signed before the migration' : ''}; ` +
      `the payment provider saw ${problems.join(', ')} (${JSON.stringify(body)})`);
  }
});

// The bank that has not confirmed a SEPA debit yet: the payment provider holds its outcome until the scenario says it did.
Given('la banque de {string} tarde à confirmer ses prélèvements SEPA', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.paymentBehaviour(this.customer(name).email, { holdSepaConfirmations: true });
});

When('la banque de {string} confirme son prélèvement SEPA', async function (this: HarnessWorld, name: string) {
  const confirmed = await this.thirdParties.confirmSepa(this.customer(name).email);
  if (confirmed !== 1) throw new ProductAssertionError(`exactly one SEPA debit of ${this.about(name)} should have awaited the bank's confirmation; the payment provider held ${confirmed}`);
});

Then('l\'abonnement de {string} attend la confirmation de la banque pour son prélèvement SEPA de {word} €', async function (this: HarnessWorld, name: string, amount: string) {
  const billing = await this.modules(name).waitForBilling((b) => b.payments.at(-1)?.status === 'pending', 'the SEPA debit of the renewal awaiting the bank');
  const last = billing.payments.at(-1);
  if (billing.status !== 'pending' || last?.method !== 'sepa' || last.amountCents !== cents(amount) || billing.graceEndsAt !== null) {
    throw new ProductAssertionError(`while the bank has not confirmed the SEPA debit of ${amount} € of ${this.about(name)}, the subscription should read "pending" (no grace), ` +
      `its last payment that debit; billing says status ${JSON.stringify(billing.status)}, payments ${JSON.stringify(billing.payments)}`);
  }
});

Then('l\'abonnement de {string} est actif, ses {int} paiements réglés', async function (this: HarnessWorld, name: string, count: number) {
  const billing = await this.modules(name).settledBilling((b) => b.payments.length === count && b.payments.every((p) => p.status === 'succeeded'), `${count} payments settled`);
  if (billing.status !== 'active' || billing.payments.length !== count || Date.parse(billing.paidUntil) <= Date.parse(billing.now)) {
    throw new ProductAssertionError(`${this.about(name)} should be active, paid ahead, with exactly ${count} payments settled; billing says ${JSON.stringify(billing)}`);
  }
});

// At-least-once delivery: the provider sends each webhook of the customer's charges twice (as when it missed the acknowledgement).
Given('le prestataire de paiement envoie deux fois chacune de ses confirmations pour {string}', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.paymentBehaviour(this.customer(name).email, { deliveries: 2 });
});

// The operators' view of the renewals: each instance's /health counts the payments; summed over the instances, exactly these.
const paymentCounters: CounterSection = { section: 'modules.payments', keys: ['charged', 'refused', 'webhooks'] };

Given('les compteurs de paiement de la plateforme sont relevés', async function (this: HarnessWorld) {
  this.countersBefore.set('payments', await healthCounters(this.apiOfEachInstance(), paymentCounters));
});

Then('la plateforme compte exactement {int} paiement(s) encaissé(s) depuis le relevé, {int} refusé(s), sur {int} confirmation(s) reçue(s) du prestataire', async function (this: HarnessWorld, charged: number, refused: number, webhooks: number) {
  const before = this.countersBefore.get('payments');
  if (!before) throw new ConfigurationError('add the step "les compteurs de paiement de la plateforme sont relevés" before the renewal (scenario must be @exclusif: other scenarios renew too)');
  await waitForHealthCounters(this.apiOfEachInstance(), paymentCounters, before, { charged, refused, webhooks }, 'payments', 10_000, 2000);
});

Then('le paiement de {string} a été tenté exactement une fois', async function (this: HarnessWorld, name: string) {
  const billing = await this.modules(name).billing();
  const [payment, ...more] = billing.payments;
  if (payment?.attempts !== 1 || more.length > 0) {
    throw new ProductAssertionError(`the renewal of ${this.about(name)} should be one payment charged in one attempt; the platform lists ${JSON.stringify(billing.payments)}`);
  }
});

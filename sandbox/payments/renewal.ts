// Monthly renewal by the account's clock: card and SEPA through the provider, partner invoicing without it; grace, then suspension.

import type { ModuleContext } from '../modules/context.ts';
import { policy } from '../modules/policy.ts';
import type { Billing, ModuleAccount, Payment } from '../store/index.ts';
import { mandateChargedAsCard } from '../modules/legacy-faults.ts';
import { charge, type ChargeResult } from './provider.ts';

const dayMs = 86_400_000;

/** Settles every period that has come due by `now` (a clock that jumped months settles them in turn), then applies the grace rule. */
export async function renew(ctx: ModuleContext, account: ModuleAccount, now: Date): Promise<void> {
  let billing = await ctx.store.billing.billing(account.id, account.createdAt);
  for (let i = 0; i < 24 && billing.paidUntil <= now; i += 1) {
    if (!(await settlePeriod(ctx, account, billing, now))) break;
    billing = await ctx.store.billing.billing(account.id, account.createdAt);
  }
  await applyGrace(ctx, account, now);
}

/** True when the period starting at `billing.paidUntil` ends up paid. */
async function settlePeriod(ctx: ModuleContext, account: ModuleAccount, billing: Billing, now: Date): Promise<boolean> {
  const period = billing.paidUntil;
  const { billing: store } = ctx.store;
  if (account.monthlyPriceCents === 0 || account.paymentMethod === 'free-trial') return store.markPeriodPaid(account.id, period);
  if (account.paymentMethod === 'partner-invoice') {
    // The partner pays for its customers on its monthly invoice: the payment provider is never involved.
    await store.addInvoiceLine({ partner: account.partner, customerId: account.id, periodStart: period, amountCents: account.monthlyPriceCents }, now);
    ctx.stats.payments.invoiced += 1;
    return store.markPeriodPaid(account.id, period);
  }
  if (account.paymentMethod !== 'card' && account.paymentMethod !== 'sepa') {
    ctx.log.error(`account ${account.id}: no way to renew with payment method ${JSON.stringify(account.paymentMethod)}`);
    return false;
  }
  const idempotencyKey = `renewal-${account.id}-${period.toISOString()}`;
  const mandate = account.paymentMethod === 'sepa' ? await ctx.store.versioned.mandate(account.id) : undefined;
  const method = mandate !== undefined && mandateChargedAsCard(ctx.faults, ctx.version, mandate) ? 'card' : account.paymentMethod;
  if (method !== account.paymentMethod) ctx.log.warn(`fault legacy-mandate-charged-by-card: account ${account.id}'s mandate ${mandate?.reference ?? ''} charged as a card`);
  const payment = await store.openPayment({ customerId: account.id, periodStart: period, amountCents: account.monthlyPriceCents, method, idempotencyKey }, now);
  if (payment.status === 'succeeded') return store.markPeriodPaid(account.id, period);
  if (payment.status === 'failed' || payment.status === 'pending') return false;
  if (payment.nextAttemptAt !== null && payment.nextAttemptAt > now) return false;
  const result = await charge(ctx, account, billing.instrument, payment, mandate);
  await recordCharge(ctx, account.id, payment, result, now);
  return result.status === 'succeeded';
}

/** Applies what the provider answered (or a webhook told) to the payment and the renewal. */
export async function recordCharge(ctx: ModuleContext, customerId: number, payment: Payment, result: ChargeResult, now: Date): Promise<void> {
  const { billing: store } = ctx.store;
  const attempts = payment.attempts + 1;
  const key = payment.idempotencyKey;
  const later = new Date(now.getTime() + policy.payment.retryAfterMs);
  switch (result.status) {
    // The renewal first, then the payment: a reader in between sees the period paid, never a paid payment with the period due.
    case 'succeeded':
      await store.markPeriodPaid(customerId, payment.periodStart);
      await store.updatePayment(key, { status: 'succeeded', providerChargeId: result.chargeId, attempts, nextAttemptAt: null }, now);
      ctx.stats.payments.charged += 1;
      return;
    case 'failed':
      await store.markPastDue(customerId, now);
      await store.updatePayment(key, { status: 'failed', providerChargeId: result.chargeId || null, failure: result.failure, attempts, nextAttemptAt: null }, now);
      ctx.stats.payments.refused += 1;
      return ctx.log.warn(`account ${customerId}: payment ${key} refused (${result.failure ?? 'no reason'}); grace of ${policy.payment.graceDays} days starts`);
    case 'pending':
      return store.updatePayment(key, { status: 'pending', providerChargeId: result.chargeId, attempts, nextAttemptAt: null }, now);
    case 'unavailable':
    case 'unknown':
      await store.updatePayment(key, { status: result.status, failure: result.reason, attempts, nextAttemptAt: later }, now);
      ctx.stats.payments[result.status] += 1;
      return ctx.log.warn(`account ${customerId}: payment ${key} ${result.status} (${result.reason}); tried again after ${later.toISOString()} with the same key`);
  }
}

/** A payment refused for longer than the grace period suspends the account's modules until a payment succeeds. */
async function applyGrace(ctx: ModuleContext, account: ModuleAccount, now: Date): Promise<void> {
  const billing = await ctx.store.billing.billing(account.id, account.createdAt);
  if (billing.pastDueSince === null || billing.suspended) return;
  if (now.getTime() - billing.pastDueSince.getTime() < policy.payment.graceDays * dayMs) return;
  await ctx.store.billing.suspend(account.id);
  ctx.stats.payments.suspended += 1;
  ctx.log.warn(`account ${account.id}: unpaid since ${billing.pastDueSince.toISOString()}, beyond the grace period; modules suspended`);
}

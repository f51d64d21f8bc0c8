// Client of the payment provider (`--payment-url`): one charge per renewal period, idempotent on its key, answered or not.

import type { ModuleContext } from '../modules/context.ts';
import { describeOutcome } from '../modules/outbound.ts';
import { policy } from '../modules/policy.ts';
import type { Mandate, ModuleAccount, Payment } from '../store/index.ts';

export type ChargeResult =
  | { status: 'succeeded' | 'failed' | 'pending'; chargeId: string; failure: string | null }
  | { status: 'unavailable' | 'unknown'; reason: string };

/** Asks the provider to charge the period; a missing card or IBAN is a refused payment, not a provider failure. */
/** A SEPA debit names the customer's signed mandate, when they have one (every migrated SEPA payer does). */
export async function charge(ctx: ModuleContext, account: ModuleAccount, instrument: string | null, payment: Payment, mandate?: Mandate): Promise<ChargeResult> {
  if (instrument === null) return { status: 'failed', chargeId: '', failure: `no ${payment.method === 'card' ? 'card' : 'IBAN'} on file` };
  const self = ctx.selfUrl();
  const body = {
    idempotencyKey: payment.idempotencyKey,
    amountCents: payment.amountCents,
    currency: 'EUR',
    method: payment.method,
    instrument,
    ...(payment.method === 'sepa' && mandate !== undefined ? { mandate: { reference: mandate.reference, signedAt: mandate.signedAt.toISOString() } } : {}),
    customer: { id: account.id, email: account.email },
    ...(self === undefined ? {} : { webhookUrl: `${self}/api/webhooks/payment` }),
  };
  const url = ctx.providers.paymentUrl === undefined ? undefined : `${ctx.providers.paymentUrl}/charges`;
  const outcome = await ctx.outbound.post('payment', url, body, account.syntheticRun, policy.payment.timeoutMs);
  if (outcome.kind === 'timeout' || outcome.kind === 'garbled') return { status: 'unknown', reason: describeOutcome(outcome) };
  if (outcome.kind !== 'answered') return { status: 'unavailable', reason: describeOutcome(outcome) };
  const answer = (outcome.body ?? {}) as Record<string, unknown>;
  const status = answer['status'];
  if ((status === 'succeeded' || status === 'failed' || status === 'pending') && typeof answer['id'] === 'string') {
    return { status, chargeId: answer['id'], failure: typeof answer['failureCode'] === 'string' ? answer['failureCode'] : null };
  }
  return { status: 'unknown', reason: `unexpected answer ${JSON.stringify(answer).slice(0, 120)}` };
}

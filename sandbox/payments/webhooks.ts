// The payment provider's webhooks (POST /api/webhooks/payment): the outcome of a charge, applied once whatever the order of arrival.

import type { ModuleContext } from '../modules/context.ts';
import { recordCharge } from './renewal.ts';

export type WebhookAnswer = { status: 200 | 400 | 404; message: string };

export async function onPaymentWebhook(ctx: ModuleContext, body: Record<string, unknown>): Promise<WebhookAnswer> {
  const { type, idempotencyKey, chargeId, failureCode } = body;
  if ((type !== 'charge.succeeded' && type !== 'charge.failed') || typeof idempotencyKey !== 'string' || typeof chargeId !== 'string') {
    return { status: 400, message: 'a payment webhook is JSON {type: charge.succeeded|charge.failed, idempotencyKey, chargeId, failureCode?}' };
  }
  const known = await ctx.store.billing.paymentByKey(idempotencyKey);
  if (known === undefined) return { status: 404, message: `no payment with idempotency key ${JSON.stringify(idempotencyKey)}` };
  ctx.stats.payments.webhooks += 1;
  await ctx.store.withCustomerLock(known.customerId, async () => {
    const payment = await ctx.store.billing.paymentByKey(idempotencyKey);
    // Already settled (by the provider's answer, or an earlier copy of this webhook): nothing to do.
    if (payment === undefined || payment.status === 'succeeded' || payment.status === 'failed') return;
    const now = await ctx.clock.now(payment.customerId);
    const result = type === 'charge.succeeded'
      ? { status: 'succeeded' as const, chargeId, failure: null }
      : { status: 'failed' as const, chargeId, failure: typeof failureCode === 'string' ? failureCode : 'refused' };
    await recordCharge(ctx, payment.customerId, payment, result, now);
  });
  return { status: 200, message: 'applied' };
}

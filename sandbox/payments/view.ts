// The renewal state as the customer's API shows it: status, paid until, grace, payments and partner invoice lines.

import type { ModuleContext } from '../modules/context.ts';
import { policy } from '../modules/policy.ts';
import type { ModuleAccount } from '../store/index.ts';

export type BillingStatus = 'active' | 'due' | 'pending' | 'grace' | 'suspended';

const dayMs = 86_400_000;

/** "•••• 4242" / "FR76 •••• 0189": enough to recognise an instrument, never the whole of it. */
export function maskInstrument(instrument: string | null): string | null {
  if (instrument === null) return null;
  return /^\d+$/.test(instrument) ? `•••• ${instrument.slice(-4)}` : `${instrument.slice(0, 4)} •••• ${instrument.slice(-4)}`;
}

export async function billingView(ctx: ModuleContext, account: ModuleAccount): Promise<Record<string, unknown>> {
  const now = await ctx.clock.now(account.id);
  const billing = await ctx.store.billing.billing(account.id, account.createdAt);
  const payments = await ctx.store.billing.payments(account.id);
  const current = payments.find((p) => p.periodStart.getTime() === billing.paidUntil.getTime());
  const waiting = current !== undefined && ['due', 'pending', 'unavailable', 'unknown'].includes(current.status);
  const status: BillingStatus = billing.suspended ? 'suspended'
    : billing.pastDueSince !== null ? 'grace'
    : waiting ? 'pending'
    : billing.paidUntil > now ? 'active' : 'due';
  const graceEndsAt = billing.pastDueSince === null ? null : new Date(billing.pastDueSince.getTime() + policy.payment.graceDays * dayMs);
  return {
    paymentMethod: account.paymentMethod,
    status,
    now: now.toISOString(),
    paidUntil: billing.paidUntil.toISOString(),
    graceEndsAt: graceEndsAt?.toISOString() ?? null,
    instrument: maskInstrument(billing.instrument),
    payments: payments.map((p) => ({
      periodStart: p.periodStart.toISOString(), amountCents: p.amountCents, method: p.method, status: p.status, attempts: p.attempts, failure: p.failure,
    })),
    invoices: (await ctx.store.billing.invoices(account.id)).map((i) => ({ partner: i.partner, periodStart: i.periodStart.toISOString(), amountCents: i.amountCents })),
  };
}

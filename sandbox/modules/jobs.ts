// The time-driven work of one account, by its clock: renewal and grace, home-care inactivity, recordings' retention.

import { renew } from '../payments/renewal.ts';
import type { ModuleContext } from './context.ts';
import { checkInactivity } from './home-care.ts';
import { purgeExpired } from './recordings.ts';

export type JobsOutcome = 'done' | 'busy' | 'missing';

/** Runs the account's due work under its lock; `wait` false skips an account another instance is working on. */
export async function runAccountJobs(ctx: ModuleContext, accountId: number, wait = true): Promise<JobsOutcome> {
  return ctx.store.withCustomerLock(accountId, async (): Promise<JobsOutcome> => {
    const account = await ctx.store.versioned.account(accountId);
    if (account === undefined) return 'missing';
    const now = await ctx.clock.now(accountId);
    await renew(ctx, account, now);
    const billing = await ctx.store.billing.billing(account.id, account.createdAt);
    if (!billing.suspended) await checkInactivity(ctx, { ...account, modules: await ctx.switchedOn(account.id, account.modules) }, now);
    // Retention is an obligation on the data, suspended or not.
    if (account.modules.includes('recordings')) await purgeExpired(ctx, account, now);
    return 'done';
  }, wait);
}

// Renewal through the payment stub: card and SEPA (webhook), refused payment, grace and suspension, partner invoicing, provider down.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { retryUntil } from '../../lib/wait.ts';
import { backgroundJobsLock, setMaintenance } from '../../sandbox/migration/maintenance.ts';
import { call } from './support/api.ts';
import { startModulesPlatform, type ModuleCustomer, type ModulesPlatform } from './support/modules-platform.ts';

interface BillingView { status: string; now: string; paidUntil: string; graceEndsAt: string | null; payments: { status: string; amountCents: number; attempts: number }[]; invoices: { partner: string; amountCents: number }[] }

const day = 24 * 60;

async function health(url: string): Promise<{ modules: { suspendedEvents: number } }> {
  return (await call<{ modules: { suspendedEvents: number } }>(url, 'GET', '/health')).body;
}
const goodCard = '4242424242424242';

async function billing(c: ModuleCustomer): Promise<BillingView> {
  return (await c.api<BillingView>('GET', '/api/billing')).body;
}

async function advance(c: ModuleCustomer, minutes: number): Promise<void> {
  const answer = await c.api('POST', '/api/test/clock', { minutes });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

describe('renewals of a v10 instance through the payment stub', () => {
  let p: ModulesPlatform;
  before(async () => {
    p = await startModulesPlatform('v10');
  });
  after(() => p?.close());

  it('charges the card the offer’s monthly price when the period ends, once', async () => {
    const c = await p.customer('serenite-2011', { instrument: goodCard });
    assert.equal((await billing(c)).status, 'active');
    await advance(c, 30 * day + 1);
    const charge = await p.waitFor({ service: 'payment', contains: c.email });
    assert.deepEqual([(charge.body as { amountCents: number }).amountCents, (charge.body as { method: string }).method], [499, 'card']);
    const view = await billing(c);
    assert.deepEqual([view.status, view.payments.map((x) => x.status)], ['active', ['succeeded']]);
    assert.equal(p.stubs.journal.entries({ service: 'payment', contains: c.email }).length, 1);
  });

  it('debits SEPA and learns the outcome from the provider’s webhook', async () => {
    const c = await p.customer('serenite-2011', { paymentMethod: 'sepa', instrument: 'FR7630006000011234567890189' });
    await advance(c, 30 * day + 1);
    const view = await retryUntil(() => billing(c), (b) => b.payments[0]?.status === 'succeeded', { timeoutMs: 5000, message: (last) => `expected the webhook to settle the debit; got ${JSON.stringify(last)}` });
    assert.equal(view.status, 'active');
  });

  it('names the SEPA mandate the customer signed in the debit, and asks for no other', async () => {
    const c = await p.customer('serenite-2011', { paymentMethod: 'sepa', instrument: 'FR7630006000011234567890189' });
    await p.dbs.pool('accounts').query("INSERT INTO payment_mandates (customer_id, reference, signed_at) VALUES ($1, $2, '2013-04-05T09:10:00Z')", [c.id, `RUM-TEST-${c.id}`]);
    await advance(c, 30 * day + 1);
    const debit = await p.waitFor({ service: 'payment', contains: c.email });
    assert.deepEqual((debit.body as { method: string; mandate?: unknown }).mandate, { reference: `RUM-TEST-${c.id}`, signedAt: '2013-04-05T09:10:00.000Z' });
    assert.equal((debit.body as { method: string }).method, 'sepa');
  });

  it('starts a grace period when the card is declined, then suspends the modules when it ends', async () => {
    const c = await p.customer('serenite-2011', { instrument: '4000000000000002' });
    await advance(c, 30 * day + 1);
    const grace = await billing(c);
    assert.deepEqual([grace.status, grace.payments[0]?.status], ['grace', 'failed']);
    await c.camera.event('motion', new Date().toISOString());
    await p.waitFor({ service: 'sms', contains: c.phone });
    await advance(c, 7 * day);
    assert.equal((await billing(c)).status, 'suspended');
    const account = await c.api<{ suspended: boolean }>('GET', '/api/modules');
    assert.equal(account.body.suspended, true);
    const before = (await health(p.url)).modules.suspendedEvents;
    await c.camera.event('motion', new Date().toISOString());
    await retryUntil(async () => (await health(p.url)).modules.suspendedEvents, (n) => n > before, { timeoutMs: 5000, message: () => 'expected the event to be stored as suspended' });
    assert.equal(p.stubs.journal.entries({ service: 'sms', contains: c.phone }).length, 1, 'a suspended account gets no more SMS');
  });

  it('refuses to move an account\'s clock where the test clock is off', async () => {
    const c = await p.customer('serenite-2011', { instrument: goodCard, runId: null });
    const answer = await call(p.url, 'POST', '/__ops/account-clock', { body: { email: c.email, now: new Date().toISOString() } });
    assert.equal(answer.status, 403);
  });

  it('bills a partner-invoiced account to its partner without calling the payment provider', async () => {
    const c = await p.customer('habitat-assur-2013', { whiteLabel: 'habitat-serein', paymentMethod: 'partner-invoice', accountType: 'partner-managed' });
    await advance(c, 30 * day + 1);
    const view = await billing(c);
    assert.deepEqual([view.status, view.invoices.map((i) => [i.partner, i.amountCents])], ['active', [['assur-plus', 1290]]]);
    assert.deepEqual(p.stubs.journal.entries({ service: 'payment', contains: c.email }), []);
  });

  it('retries an hour later with the same key when the provider is down, without starting a grace period', async () => {
    const c = await p.customer('serenite-2011', { instrument: goodCard });
    p.stubs.setFault('payment', { mode: 'down', match: c.email });
    await advance(c, 30 * day + 1);
    const waiting = await billing(c);
    assert.deepEqual([waiting.status, waiting.payments[0]?.status], ['pending', 'unavailable']);
    p.stubs.setFault('payment', { mode: 'none', match: c.email });
    await advance(c, 61);
    const paid = await billing(c);
    assert.deepEqual([paid.status, paid.payments[0]?.status, paid.payments[0]?.attempts], ['active', 'succeeded', 2]);
    const keys = new Set(p.stubs.journal.entries({ service: 'payment', contains: c.email }).map((e) => (e.body as { idempotencyKey: string }).idempotencyKey));
    assert.equal(keys.size, 1);
  });

  it('waits for the webhook when the provider’s answer is garbled, and does not charge twice', async () => {
    const c = await p.customer('serenite-2011', { instrument: goodCard });
    p.stubs.setFault('payment', { mode: 'malformed', match: c.email });
    await advance(c, 30 * day + 1);
    const view = await retryUntil(() => billing(c), (b) => b.payments[0]?.status === 'succeeded', { timeoutMs: 5000, message: (last) => `expected the webhook to settle it; got ${JSON.stringify(last)}` });
    assert.equal(view.status, 'active');
    assert.equal(p.stubs.journal.entries({ service: 'payment', contains: c.email }).length, 1);
  });
});

describe('the scheduler of a v10 instance during a maintenance window', () => {
  let p: ModulesPlatform;
  before(async () => {
    p = await startModulesPlatform('v10', {}, ['--test-clock']);
  });
  after(() => p?.close());

  const ops = (path: string, body: unknown) => call(p.url, 'POST', path, { body });
  const scheduler = async () => (await call<{ modules: { scheduler: { ran: number; idleInMaintenance: number } } }>(p.url, 'GET', '/health')).body.modules.scheduler;

  it('renews nothing while maintenance is on (the migration and the rollback find the data as they left it), then catches up', async () => {
    const c = await p.customer('serenite-2011', { instrument: goodCard });
    assert.equal((await ops('/__ops/maintenance', { scope: 'all', active: true })).status, 200);
    const { now } = (await call<{ now: string }>(p.url, 'GET', '/__ops/clock')).body;
    // The platform's clock, not the account's: only the scheduler can see the renewal fall due.
    assert.equal((await ops('/__ops/clock', { now: new Date(Date.parse(now) + 31 * day * 60_000).toISOString() })).status, 200);
    const idleFrom = (await scheduler()).idleInMaintenance;
    await retryUntil(scheduler, (s) => s.idleInMaintenance >= idleFrom + 3, { timeoutMs: 10_000, message: (s) => `expected three idle ticks in maintenance; got ${JSON.stringify(s)}` });
    assert.deepEqual(p.stubs.journal.entries({ service: 'payment', contains: c.email }), []);
    assert.equal((await ops('/__ops/maintenance', { scope: 'all', active: false })).status, 200);
    await p.waitFor({ service: 'payment', contains: c.email });
    assert.equal(p.stubs.journal.entries({ service: 'payment', contains: c.email }).length, 1);
  });

  it('moves one account\'s clock, a real customer\'s too, where the test clock is on: its renewal runs at once, then the platform\'s clock again', async () => {
    const c = await p.customer('serenite-2011', { instrument: goodCard, runId: null });
    const before = await billing(c);
    const moved = await ops('/__ops/account-clock', { email: c.email, now: new Date(Date.parse(before.paidUntil) + 60_000).toISOString() });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    await p.waitFor({ service: 'payment', contains: c.email });
    const after = await billing(c);
    assert.deepEqual([after.status, after.paidUntil], ['active', new Date(Date.parse(before.paidUntil) + 30 * 86_400_000).toISOString()]);
    assert.equal((await ops('/__ops/account-clock', { email: c.email, now: null })).status, 200);
    const platform = (await call<{ now: string }>(p.url, 'GET', '/__ops/clock')).body.now;
    assert.ok(Math.abs(Date.parse((await billing(c)).now) - Date.parse(platform)) < 60_000, 'the account\'s clock is the platform\'s again');
    assert.equal((await ops('/__ops/account-clock', { email: 'nobody@qa.example', now: null })).status, 404);
  });

  it('turning maintenance on returns only once the jobs under way have finished writing', async () => {
    const job = new pg.Client({ connectionString: p.dbs.urls.accounts });
    const ops2 = new pg.Client({ connectionString: p.dbs.urls.accounts });
    await Promise.all([job.connect(), ops2.connect()]);
    try {
      const order: string[] = [];
      await job.query('SELECT pg_advisory_lock_shared($1)', [backgroundJobsLock]);
      const switching = setMaintenance(ops2, true, 'test').then(() => order.push('maintenance on'));
      await new Promise((r) => setTimeout(r, 300));
      order.push('job done');
      await job.query('SELECT pg_advisory_unlock_shared($1)', [backgroundJobsLock]);
      await switching;
      assert.deepEqual(order, ['job done', 'maintenance on']);
      await setMaintenance(ops2, false, 'test');
    } finally {
      await Promise.all([job.end(), ops2.end()]);
    }
  });
});

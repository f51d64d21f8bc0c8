// Synthetic traffic stays on this machine: the platform refuses to send a test account's calls to a provider elsewhere.

import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { retryUntil } from '../../lib/wait.ts';
import { startStubServer, type StartedStubServer } from '../../simulators/index.ts';
import { call } from './support/api.ts';
import { startModulesPlatform, type ModulesPlatform } from './support/modules-platform.ts';

interface Vitals { outbound: { refusedSynthetic: number }; sms: { sent: number } }

/** An address of this machine that is not loopback: to the platform, a provider there is "not local". */
function externalAddress(): string | undefined {
  return Object.values(networkInterfaces()).flat().find((i) => i?.family === 'IPv4' && !i.internal)?.address;
}

const address = externalAddress();

describe('synthetic traffic and a provider that is not on this machine', { skip: address === undefined ? 'this machine has no non-loopback IPv4 address' : false }, () => {
  let remote: StartedStubServer;
  let p: ModulesPlatform;
  before(async () => {
    remote = await startStubServer({ host: address });
    p = await startModulesPlatform('v10', { sms: remote.serviceUrl('sms'), mail: remote.serviceUrl('mail'), payment: remote.serviceUrl('payment'), ai: remote.serviceUrl('ai') });
  });
  after(async () => {
    await p?.close();
    await remote?.close();
  });

  const vitals = async (): Promise<Vitals> => (await call<Vitals>(p.url, 'GET', '/health')).body;

  it('sends none of a synthetic account’s SMS, e-mail, AI request or payment there, and counts each refusal', async () => {
    const c = await p.customer('intelligence-2019', { instrument: '4242424242424242' });
    const before = (await vitals()).outbound.refusedSynthetic;
    await c.camera.event('motion', new Date().toISOString());
    await retryUntil(vitals, (v) => v.outbound.refusedSynthetic >= before + 3, { timeoutMs: 5000, message: (last) => `expected AI, SMS and e-mail refused; vitals ${JSON.stringify(last)}` });
    await c.api('POST', '/api/test/clock', { minutes: 30 * 24 * 60 + 1 });
    const payments = (await c.api<{ payments: { status: string }[] }>('GET', '/api/billing')).body.payments;
    assert.deepEqual(payments.map((x) => x.status), ['unavailable'], 'a refused provider call is the provider unavailable, not the customer refused');
    assert.deepEqual(remote.journal.entries(), [], 'nothing of the synthetic account may reach a provider elsewhere');
  });

  it('still sends a real customer’s SMS there, unmarked, and keeps the test clock from them', async () => {
    const c = await p.customer('serenite-2011', { runId: null });
    await c.camera.event('motion', new Date().toISOString());
    const sms = await remote.journal.waitFor({ service: 'sms', contains: c.phone }, 5000);
    assert.equal(sms.headers['x-synthetic-traffic'], undefined);
    assert.equal((await c.api('POST', '/api/test/clock', { minutes: 60 })).status, 403);
  });
});

// The modules' drivers: ModulesApi against msw in-process, ThirdParties against a real stub server (faults, retries, marked traffic).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ModulesApi, PlatformApi, StubJournal, ThirdParties, type ThirdParty } from '../../drivers/index.ts';
import { EnvironmentError } from '../../lib/errors.ts';
import { startStubServer, type StartedStubServer } from '../../simulators/index.ts';

const base = 'http://platform.test';
const seen: Request[] = [];
let recordings: unknown[] = [];

const server = setupServer(
  http.post(`${base}/api/login`, () => HttpResponse.json({ token: 'tok-9' })),
  http.post(`${base}/api/test/clock`, async ({ request }) => HttpResponse.json({ now: new Date(Date.UTC(2026, 10, 26, 8) + ((await request.json()) as { minutes: number }).minutes * 60_000).toISOString() })),
  http.get(`${base}/api/recordings`, () => HttpResponse.json(recordings)),
  http.get(`${base}/api/settings/ai`, () => HttpResponse.json({ error: 'offer "serenite-2011" does not include the ai module' }, { status: 403 })),
  http.get(`${base}/api/events`, () => HttpResponse.json([{ id: 2, serial: 'CAM-1', type: 'motion', occurredAt: '2026-11-26T08:00:00Z', payload: { classification: { label: 'animal', confidence: 0.7 } } }])),
);

describe('the modules API driver', () => {
  let modules: ModulesApi;
  before(async () => {
    server.listen({ onUnhandledFrame: 'error' });
    server.events.on('request:start', ({ request }) => void seen.push(request.clone()));
    const api = new PlatformApi(base);
    await api.login('camille@qa.example', 'secret-password');
    modules = new ModulesApi(api, 'Camille (Veilis, Sérénité 2011)', { syntheticTraffic: 'run-5', timeoutMs: 2000 });
  });
  after(() => server.close());

  it('moves the account\'s clock with the bearer token and the synthetic-traffic mark', async () => {
    assert.equal(await modules.advanceClock(90), '2026-11-26T09:30:00.000Z');
    const call = seen.find((r) => r.url.endsWith('/api/test/clock'));
    assert.deepEqual([call?.headers.get('authorization'), call?.headers.get('x-synthetic-traffic')], ['Bearer tok-9', 'run-5']);
  });

  it('reads a module\'s settings status and the AI\'s label of an event', async () => {
    assert.equal(await modules.settingsStatus('ai'), 403);
    assert.deepEqual(await modules.waitForClassification('CAM-1', 1000), { label: 'animal', confidence: 0.7 });
  });

  it('accepts silence about recordings for the whole window, and names the customer when one appears', async () => {
    recordings = [];
    await modules.expectNoRecording('CAM-1', 300);
    recordings = [{ id: 1, serial: 'CAM-1', eventId: 'evt-1', kind: 'clip', startedAt: '2026-11-26T08:00:00.000Z', durationMs: 8000, storageKey: 'clips/CAM-1/evt-1.mp4', expiresAt: '2026-12-26T08:00:00.000Z' }];
    await assert.rejects(modules.expectNoRecording('CAM-1', 2000), /\[modules:Camille \(Veilis, Sérénité 2011\)\] the offer has no recordings module, yet a recording of CAM-1 was kept/);
  });
});

describe('the third parties driver', () => {
  let stubs: StartedStubServer;
  let parties: ThirdParties;
  before(async () => {
    stubs = await startStubServer();
    parties = new ThirdParties(new StubJournal(stubs.url, { timeoutMs: 2000 }));
  });
  after(() => stubs.close());

  const sms = (to: string) => fetch(`${stubs.serviceUrl('sms')}/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-synthetic-traffic': 'run-5' }, body: JSON.stringify({ from: 'VEILIS', to, text: 'alerte' }),
  });

  it('proves a retry: the call that went through after the faulted ones, counted', async () => {
    const mark = stubs.journal.lastId();
    await parties.fault('sms', '+33611110001', 'down', { times: 2 });
    for (let i = 0; i < 3; i += 1) await sms('+33611110001');
    const delivered = await parties.expectDeliveredAfter('sms', '+33611110001', mark, 3, 2000);
    assert.equal(delivered.status, 202);
    await assert.rejects(parties.expectDeliveredAfter('sms', '+33611110001', mark, 2, 2000), /called 3 time\(s\) for \+33611110001 until it accepted; expected 2/);
  });

  it('calls a fault the stub never applied a broken environment, not a product defect', async () => {
    const mark = stubs.journal.lastId();
    await sms('+33611110002');
    await assert.rejects(parties.expectFaultApplied('sms', '+33611110002', mark, 500), (error: Error) => error instanceof EnvironmentError && /applied no fault/.test(error.message));
  });

  it('lifts the faults it set, leaving the others', async () => {
    stubs.setFault('mail', { mode: 'down', match: 'other@qa.example' });
    await parties.fault('mail', 'mine@qa.example', 'error');
    await parties.liftAll();
    const faults = (await (await fetch(`${stubs.url}/__faults`)).json()) as Record<string, { matched?: { match: string }[] }>;
    assert.deepEqual(faults['mail']?.matched?.map((f) => f.match), ['other@qa.example']);
  });

  it('counts exactly the calls for a correlation: passes the exact count, names each call of a duplicate, and waits for a late one', async () => {
    const mark = stubs.journal.lastId();
    await sms('+33611110004');
    await sms('+33611110009');
    assert.equal((await parties.expectExactly('sms', '+33611110004', mark, 1, { settleMs: 300 })).length, 1, 'another customer\'s SMS is not counted');
    await sms('+33611110004');
    await assert.rejects(parties.expectExactly('sms', '+33611110004', mark, 1, { what: 'SMS', settleMs: 300 }), /expected exactly 1 SMS\(s\) for \+33611110004 to go through the SMS gateway; 2 did \(counted 300 ms after the first\): #\d+ POST \/sms\/messages .*; #\d+ POST/);
    await assert.rejects(parties.expectExactly('sms', '+33611110004', mark, 3, { timeoutMs: 300, settleMs: 0 }), /expected exactly 3 request\(s\) .* 2 did within 300 ms/);
    const late = stubs.journal.lastId();
    setTimeout(() => void sms('+33611110005'), 100);
    setTimeout(() => void sms('+33611110005'), 400);
    await assert.rejects(parties.expectExactly('sms', '+33611110005', late, 1, { settleMs: 1000 }), /2 did/, 'a duplicate that comes after the first is counted');
    await parties.expectExactly('sms', '+33611110006', late, 0, { settleMs: 200 });
  });

  it('opens the settle window when the expected ones arrived: a check that comes later waits only for the rest, and still counts a duplicate within it', async () => {
    const mark = stubs.journal.lastId();
    await sms('+33611110007');
    await new Promise((resolve) => setTimeout(resolve, 700));
    let started = performance.now();
    await parties.expectExactly('sms', '+33611110007', mark, 1, { settleMs: 600 });
    assert.ok(performance.now() - started < 400, `the window had passed since the SMS arrived; the check still waited ${Math.round(performance.now() - started)} ms`);
    const again = stubs.journal.lastId();
    await sms('+33611110008');
    setTimeout(() => void sms('+33611110008'), 700);
    await new Promise((resolve) => setTimeout(resolve, 400));
    started = performance.now();
    await assert.rejects(parties.expectExactly('sms', '+33611110008', again, 1, { settleMs: 1000 }), /2 did \(counted 1000 ms after the first\)/, 'a duplicate within the window after the first arrived is counted, however late the check began');
    assert.ok(performance.now() - started < 900, 'the check waited only for the rest of the window');
  });

  it('finds a customer\'s third-party call that lacks the run\'s synthetic-traffic mark', async () => {
    const mark = stubs.journal.lastId();
    await sms('+33611110003');
    await parties.expectMarkedTraffic([{ name: 'Camille', keys: ['+33611110003'] }], mark, 'run-5');
    await assert.rejects(parties.expectMarkedTraffic([{ name: 'Camille', keys: ['+33611110003'] }], mark, 'run-6'), /must carry X-Synthetic-Traffic: run-6; 1 did not: Camille: POST \/sms\/messages/);
  });
});

describe('exactly N for the customer, none about them to anyone else, on every channel', () => {
  let stubs: StartedStubServer;
  let parties: ThirdParties;
  before(async () => {
    stubs = await startStubServer();
    parties = new ThirdParties(new StubJournal(stubs.url, { timeoutMs: 2000 }));
  });
  after(() => stubs.close());

  let sent = 0;
  const post = (service: ThirdParty, path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${stubs.serviceUrl(service)}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
  });
  // Each channel: what one message for (recipient, subject) is, which key the scenario counts by, and its customer's other keys.
  const channels: { service: ThirdParty; send: (recipient: string, subject: string) => Promise<Response>; by: 'recipient' | 'subject' }[] = [
    { service: 'sms', by: 'recipient', send: (to, serial) => post('sms', '/messages', { from: 'VEILIS', to, text: `Veilis : Mouvement détecté par votre caméra ${serial}.` }) },
    { service: 'mail', by: 'recipient', send: (to, serial) => post('mail', '/messages', { from: { name: 'Veilis', address: 'alertes@veilis.example' }, to, subject: 'Veilis : Mouvement', text: `caméra ${serial}` }) },
    { service: 'monitoring', by: 'subject', send: (account, serial) => post('monitoring', '/alarms', { account, serial, type: 'intrusion', occurredAt: '2026-11-26T08:00:00Z' }) },
    { service: 'payment', by: 'recipient', send: (email, instrument) => post('payment', '/charges', { idempotencyKey: `key-${(sent += 1)}`, amountCents: 499, currency: 'EUR', method: 'card', instrument, customer: { id: 1, email } }) },
    { service: 'ai', by: 'recipient', send: (device, eventId) => post('ai', '/classify', { device, eventId }) },
  ];

  for (const { service, send, by } of channels) {
    // One customer per test: a recipient and a subject no other test uses.
    let n = 0;
    const party = (): { recipient: string; subject: string; key: string } => {
      n += 1;
      const recipient = service === 'mail' || service === 'payment' ? `c${n}-${service}@qa.example` : service === 'sms' ? `+3361111${String(n).padStart(4, '0')}` : `ACC-${service}-${n}`;
      const subject = service === 'payment' ? `FR76300060000112345678${String(n).padStart(4, '0')}` : `CAM-${service}-${n}`;
      return { recipient, subject, key: by === 'recipient' ? recipient : subject };
    };
    const exactly = (key: string, since: number, count: number, related: string[], options: { timeoutMs?: number; settleMs?: number } = {}) =>
      parties.expectExactly(service, key, since, count, { settleMs: 300, timeoutMs: 1000, related, ...options });

    it(`${service}: passes the exact count, and fails one too few or one too many`, async () => {
      const mark = stubs.journal.lastId();
      const me = party();
      const other = party();
      await send(me.recipient, me.subject);
      await send(other.recipient, other.subject);
      assert.equal((await exactly(me.key, mark, 1, [me.subject])).length, 1, 'another customer\'s message is not counted, nor a stray');
      await assert.rejects(exactly(me.key, mark, 2, [me.subject], { timeoutMs: 300 }), /expected exactly 2 .* 1 did within 300 ms/);
      await send(me.recipient, me.subject);
      await assert.rejects(exactly(me.key, mark, 1, [me.subject]), /expected exactly 1 .* 2 did \(counted 300 ms after the first\)/);
    });

    it(`${service}: fails a duplicate that comes late, after the first`, async () => {
      const mark = stubs.journal.lastId();
      const me = party();
      setTimeout(() => void send(me.recipient, me.subject), 100);
      setTimeout(() => void send(me.recipient, me.subject), 500);
      await assert.rejects(exactly(me.key, mark, 1, [me.subject], { settleMs: 1000 }), /2 did/);
    });

    it(`${service}: fails the same message sent to another recipient as well`, async () => {
      const mark = stubs.journal.lastId();
      const me = party();
      const someoneElse = party();
      await send(me.recipient, me.subject);
      await send(someoneElse.recipient, me.subject);
      await assert.rejects(exactly(me.key, mark, 1, [me.subject]), by === 'subject'
        ? /2 did to 2 different recipients/
        : new RegExp(`expected no request about ${me.key.replace(/[+.]/g, '\\$&')} to anyone else .*1 went elsewhere.* to ${someoneElse.recipient.replace(/[+.]/g, '\\$&')}`));
    });
  }

  it('does not count the attempts the stub faulted on purpose, nor a replay of an idempotent retry', async () => {
    const mark = stubs.journal.lastId();
    await parties.fault('sms', '+33622220001', 'down', { times: 1 });
    const sms = () => post('sms', '/messages', { from: 'VEILIS', to: '+33622220001', text: 'alerte' }, { 'idempotency-key': 'alert-1' });
    assert.equal((await sms()).status, 503);
    assert.equal((await sms()).status, 202);
    assert.equal((await sms()).headers.get('idempotent-replayed'), 'true');
    const [one] = await parties.expectExactly('sms', '+33622220001', mark, 1, { settleMs: 300 });
    assert.equal(one?.status, 202);
  });

  it('does not take another customer charged on the same test card for a stray', async () => {
    const mark = stubs.journal.lastId();
    const charge = (email: string, key: string) => post('payment', '/charges', { idempotencyKey: key, amountCents: 499, currency: 'EUR', method: 'card', instrument: '4242424242424242', customer: { id: 1, email } });
    await charge('shared-a@qa.example', 'shared-a');
    await charge('shared-b@qa.example', 'shared-b');
    await parties.expectExactly('payment', 'shared-a@qa.example', mark, 1, { settleMs: 300, related: ['+33622220009'] });
  });

  it('does not take a serial for another one it is the start of', async () => {
    const mark = stubs.journal.lastId();
    await post('sms', '/messages', { from: 'VEILIS', to: '+33622220002', text: 'caméra CAM-7' });
    await post('sms', '/messages', { from: 'VEILIS', to: '+33622220003', text: 'caméra CAM-70' });
    await parties.expectExactly('sms', '+33622220002', mark, 1, { settleMs: 300, related: ['CAM-7'] });
  });
});

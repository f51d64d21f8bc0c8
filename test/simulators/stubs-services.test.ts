// The mail, payment and AI stubs over real HTTP, faults narrowed to one correlation or a number of requests, and service controls.

import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { retryUntil } from '../../lib/wait.ts';
import { classify, startStubServer, type SentWebhook, type StartedStubServer } from '../../simulators/index.ts';

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(3000) });
}

const mail = { from: { name: 'Veilis', address: 'alertes@veilis.example' }, to: 'camille@qa.example', subject: 'Veilis : Mouvement détecté', text: 'Veilis : Mouvement détecté par votre caméra VG-1.' };
const charge = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: 'renewal-1-2026', amountCents: 499, currency: 'EUR', method: 'card', instrument: '4242424242424242', customer: { id: 1, email: 'camille@qa.example' }, ...over,
});

describe('the mail, payment and AI stubs', () => {
  let stubs: StartedStubServer;
  let hooks: { body: unknown; headers: IncomingHttpHeaders }[];
  let hookUrl: string;
  const receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      hooks.push({ body: JSON.parse(text) as unknown, headers: req.headers });
      res.writeHead(200).end('{}');
    });
  });
  before(async () => {
    stubs = await startStubServer();
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/payment`;
  });
  after(async () => {
    await stubs.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
  beforeEach(() => {
    hooks = [];
    stubs.resetFaults();
  });

  it('accepts a mail with 202 and refuses one without a valid sender, naming the fields', async () => {
    assert.equal((await post(`${stubs.serviceUrl('mail')}/messages`, mail)).status, 202);
    const bad = await post(`${stubs.serviceUrl('mail')}/messages`, { ...mail, from: { name: 'Veilis' }, to: 'nobody' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /missing or invalid: from\.address, to$/);
  });

  it('charges a card at once and tells the platform by webhook, marked as the request was', async () => {
    const answer = await post(`${stubs.serviceUrl('payment')}/charges`, charge({ webhookUrl: hookUrl, idempotencyKey: 'k-card' }), { 'x-synthetic-traffic': 'run-7' });
    assert.equal(answer.status, 200);
    const { id, status } = (await answer.json()) as { id: string; status: string };
    assert.equal(status, 'succeeded');
    await retryUntil(async () => hooks.length, (n) => n === 1, { timeoutMs: 3000, message: () => 'expected one webhook' });
    assert.deepEqual(hooks[0]?.body, { type: 'charge.succeeded', chargeId: id, idempotencyKey: 'k-card', failureCode: null });
    assert.equal(hooks[0]?.headers['x-synthetic-traffic'], 'run-7');
  });

  it('declines a card ending in 0002, and leaves a SEPA debit pending until the webhook says it failed', async () => {
    const declined = await post(`${stubs.serviceUrl('payment')}/charges`, charge({ idempotencyKey: 'k-declined', instrument: '4000000000000002' }));
    const { id: _id, ...refusal } = (await declined.json()) as { id: string };
    assert.deepEqual(refusal, { status: 'failed', failureCode: 'card_declined' });
    const sepa = await post(`${stubs.serviceUrl('payment')}/charges`, charge({ idempotencyKey: 'k-sepa', method: 'sepa', instrument: 'FR7630006000011234560002', webhookUrl: hookUrl }));
    const pending = (await sepa.json()) as { id: string; status: string };
    assert.deepEqual([sepa.status, pending.status], [202, 'pending']);
    await retryUntil(async () => hooks.length, (n) => n === 1, { timeoutMs: 3000, message: () => 'expected the SEPA webhook' });
    assert.deepEqual(hooks[0]?.body, { type: 'charge.failed', chargeId: pending.id, idempotencyKey: 'k-sepa', failureCode: 'insufficient_funds' });
    const sent = (await (await fetch(`${stubs.url}/__services/payment/webhooks`)).json()) as SentWebhook[];
    assert.deepEqual(sent.filter((w) => w.chargeId === pending.id).map((w) => [w.type, w.status]), [['charge.failed', 200]]);
  });

  it('holds a customer\'s SEPA outcome until their bank confirms, and delivers each webhook twice when told to', async () => {
    const customer = `${stubs.url}/__services/payment/customers/${encodeURIComponent('paule@qa.example')}`;
    const put = await fetch(customer, { method: 'PUT', body: JSON.stringify({ holdSepaConfirmations: true, deliveries: 2 }) });
    assert.equal(put.status, 200);
    assert.equal((await fetch(customer, { method: 'PUT', body: JSON.stringify({ deliveries: 9 }) })).status, 400);
    await fetch(customer, { method: 'PUT', body: JSON.stringify({ holdSepaConfirmations: true, deliveries: 2 }) });
    const who = { customer: { id: 2, email: 'paule@qa.example' }, webhookUrl: hookUrl };
    const sepa = await post(`${stubs.serviceUrl('payment')}/charges`, charge({ ...who, idempotencyKey: 'k-held', method: 'sepa', instrument: 'FR7630006000011234567890189' }));
    assert.equal(sepa.status, 202);
    const card = (await (await post(`${stubs.serviceUrl('payment')}/charges`, charge({ ...who, idempotencyKey: 'k-card-twice' }))).json()) as { id: string };
    await retryUntil(async () => hooks.length, (n) => n === 2, { timeoutMs: 3000, message: () => 'expected the card webhook twice' });
    assert.deepEqual(hooks.map((h) => (h.body as { idempotencyKey: string }).idempotencyKey), ['k-card-twice', 'k-card-twice'], 'the SEPA outcome is held');
    assert.equal((hooks[0]?.body as { chargeId: string }).chargeId, card.id);
    assert.deepEqual(await (await post(`${customer}/confirm`, {})).json(), { confirmed: 1 });
    assert.deepEqual(hooks.slice(2).map((h) => h.body), Array(2).fill({ type: 'charge.succeeded', chargeId: ((await sepa.json()) as { id: string }).id, idempotencyKey: 'k-held', failureCode: null }));
    assert.deepEqual(await (await post(`${customer}/confirm`, {})).json(), { confirmed: 0 });
    assert.equal((await fetch(customer, { method: 'DELETE' })).status, 204);
  });

  it('never charges twice for one idempotency key, and says the answer is a replay', async () => {
    const first = await post(`${stubs.serviceUrl('payment')}/charges`, charge({ idempotencyKey: 'k-twice' }));
    const again = await post(`${stubs.serviceUrl('payment')}/charges`, charge({ idempotencyKey: 'k-twice' }));
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });

  it('refuses a charge without an amount or instrument, naming them', async () => {
    const bad = await post(`${stubs.serviceUrl('payment')}/charges`, charge({ amountCents: 0, instrument: 'x' }));
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /missing or invalid: amountCents, instrument$/);
  });

  it('classifies the scene scripted for a device, else a marker in the image, else the same label for the same input', async () => {
    const url = `${stubs.serviceUrl('ai')}/classify`;
    const put = await fetch(`${stubs.url}/__services/ai/scenes/CAM-1`, { method: 'PUT', body: JSON.stringify({ label: 'animal', confidence: 0.61 }) });
    assert.equal(put.status, 200);
    assert.deepEqual(await (await post(url, { device: 'CAM-1', eventId: 'e1' })).json(), { label: 'animal', confidence: 0.61 });
    assert.deepEqual(await (await post(url, { device: 'CAM-2', eventId: 'e1', image: 'jpeg… scene:vehicle …' })).json(), { label: 'vehicle', confidence: 0.9 });
    const drawn = (await (await post(url, { device: 'CAM-3', eventId: 'e9' })).json()) as { label: string };
    assert.deepEqual(drawn, classify(new Map(), 'CAM-3', 'e9', null));
    assert.equal((await fetch(`${stubs.url}/__services/ai/scenes/CAM-1`, { method: 'DELETE' })).status, 204);
    assert.equal(stubs.journal.entries({ path: '/__services/ai/scenes/CAM-1' }).length, 0, 'control routes are not journaled');
    assert.equal((await post(url, { device: '' })).status, 400);
  });

  it('journals whom each request is for and what it is about, as each service identifies them, and filters on the recipient', async () => {
    const mark = stubs.journal.lastId();
    await post(`${stubs.serviceUrl('sms')}/messages`, { from: 'VEILIS', to: '+33611112222', text: 'alerte' });
    await post(`${stubs.serviceUrl('mail')}/messages`, mail);
    await post(`${stubs.serviceUrl('monitoring')}/alarms`, { account: '77', serial: 'VG-1', type: 'intrusion', occurredAt: '2026-11-26T08:00:00Z' });
    await post(`${stubs.serviceUrl('payment')}/charges`, charge({ idempotencyKey: 'identify-1' }));
    await post(`${stubs.serviceUrl('ai')}/classify`, { device: 'VG-1', eventId: 'ev-9' });
    await post(`${stubs.serviceUrl('sms')}/messages`, { from: 'VEILIS', to: 42, text: 'garbled' });
    const seen = stubs.journal.entries({ since: mark }).map((e) => [e.service, e.recipient, e.subject]);
    assert.deepEqual(seen, [
      ['sms', '+33611112222', undefined], ['mail', 'camille@qa.example', undefined], ['monitoring', '77', 'VG-1'],
      ['payment', 'camille@qa.example', '4242424242424242'], ['ai', 'VG-1', 'ev-9'], ['sms', undefined, undefined],
    ]);
    const filtered = (await (await fetch(`${stubs.url}/__journal?since=${mark}&recipient=camille%40qa.example`)).json()) as { service: string }[];
    assert.deepEqual(filtered.map((e) => e.service), ['mail', 'payment']);
  });

  it('faults only the requests whose body holds the match, leaving parallel traffic alone', async () => {
    stubs.setFault('mail', { mode: 'down', match: 'dominique@qa.example' });
    assert.equal((await post(`${stubs.serviceUrl('mail')}/messages`, { ...mail, to: 'dominique@qa.example' })).status, 503);
    assert.equal((await post(`${stubs.serviceUrl('mail')}/messages`, mail)).status, 202);
    const faults = (await (await fetch(`${stubs.url}/__faults`)).json()) as Record<string, { mode: string; matched?: unknown[] }>;
    assert.deepEqual(faults['mail'], { mode: 'none', matched: [{ mode: 'down', match: 'dominique@qa.example' }] });
    stubs.setFault('mail', { mode: 'none', match: 'dominique@qa.example' });
    assert.equal((await post(`${stubs.serviceUrl('mail')}/messages`, { ...mail, to: 'dominique@qa.example' })).status, 202);
  });

  it('lifts a fault with times after that many matching requests', async () => {
    const set = await post(`${stubs.url}/__faults`, { service: 'ai', mode: 'error', match: 'CAM-9', times: 2 });
    assert.deepEqual(await set.json(), { service: 'ai', fault: { mode: 'error', match: 'CAM-9', times: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post(`${stubs.serviceUrl('ai')}/classify`, { device: 'CAM-9', eventId: `e${i}` })).status);
    assert.deepEqual(statuses, [500, 500, 200]);
    const invalid = await post(`${stubs.url}/__faults`, { service: 'ai', mode: 'down', times: 0 });
    assert.match(((await invalid.json()) as { error: string }).error, /"times" must be an integer ≥ 1/);
  });
});

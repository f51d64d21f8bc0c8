// The stub server over real HTTP: SMS gateway, request journal, unhandled requests, fault switches, control API.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startStubServer, type JournalEntry, type StartedStubServer } from '../../simulators/index.ts';

const sms = { from: 'ASSURPLUS', to: '+33612345678', text: 'Assur Plus: mouvement détecté par la caméra VIG-1' };

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref())]);
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(3000) });
}

describe('the stub server', () => {
  let stubs: StartedStubServer;
  before(async () => {
    stubs = await startStubServer();
  });
  after(() => stubs.close());
  beforeEach(() => {
    stubs.journal.clear();
    stubs.resetFaults();
  });

  it('accepts an SMS with 202 and an id, and journals the request', async () => {
    const response = await post(`${stubs.serviceUrl('sms')}/messages`, sms, { 'X-Synthetic-Traffic': 'run-1' });
    assert.equal(response.status, 202);
    assert.deepEqual(await response.json(), { id: 'sms-1' });
    const [entry] = stubs.journal.entries();
    assert.ok(entry);
    assert.deepEqual(
      [entry.service, entry.method, entry.path, entry.body, entry.handled, entry.status, entry.fault, entry.headers['x-synthetic-traffic']],
      ['sms', 'POST', '/sms/messages', sms, true, 202, 'none', 'run-1'],
    );
    assert.ok(Date.parse(entry.at) <= Date.now());
  });

  it('sends an SMS once per idempotency key: a retry answers the first id, is journaled as a replay, and is not delivered again', async () => {
    const first = await post(`${stubs.url}/sms/messages`, sms, { 'idempotency-key': 'k-1' });
    const retry = await post(`${stubs.url}/sms/messages`, sms, { 'idempotency-key': 'k-1' });
    const other = await post(`${stubs.url}/sms/messages`, sms, { 'idempotency-key': 'k-2' });
    const ids = [await first.json(), await retry.json(), await other.json()].map((b) => (b as { id: string }).id);
    assert.equal(ids[1], ids[0]);
    assert.notEqual(ids[2], ids[0]);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.deepEqual(stubs.journal.entries({ service: 'sms' }).map((e) => e.replayed === true), [false, true, false]);
  });

  it('answers 400 naming the missing fields when an SMS lacks them', async () => {
    const response = await post(`${stubs.url}/sms/messages`, { from: 'X' });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error: string }).error, /missing or invalid: to, text/);
  });

  it('answers a request no handler knows with 501 and lists it as unhandled', async () => {
    const unknownPath = await post(`${stubs.url}/sms/v2/send`, sms);
    const unknownService = await fetch(`${stubs.url}/fax/send`, { signal: AbortSignal.timeout(3000) });
    assert.deepEqual([unknownPath.status, unknownService.status], [501, 501]);
    assert.match(((await unknownPath.json()) as { error: string }).error, /no handler for POST \/sms\/v2\/send in service "sms"/);
    const unhandled = (await (await fetch(`${stubs.url}/__unhandled`)).json()) as JournalEntry[];
    assert.deepEqual(unhandled.map((e) => [e.service, e.path, e.status]), [['sms', '/sms/v2/send', 501], ['unknown', '/fax/send', 501]]);
  });

  it('filters the journal by service and body text over the control API', async () => {
    await post(`${stubs.url}/sms/messages`, sms);
    await post(`${stubs.url}/sms/messages`, { ...sms, text: 'Home Veille: caméra ORI-2' });
    const found = (await (await fetch(`${stubs.url}/__journal?service=sms&contains=ORI-2`)).json()) as JournalEntry[];
    assert.deepEqual(found.map((e) => (e.body as { text: string }).text), ['Home Veille: caméra ORI-2']);
    const bad = await fetch(`${stubs.url}/__journal?since=yesterday`);
    assert.equal(bad.status, 400);
  });

  it('empties the journal on DELETE /__journal and keeps numbering after it', async () => {
    await post(`${stubs.url}/sms/messages`, sms);
    const before = stubs.journal.entries()[0]!.id;
    assert.equal((await fetch(`${stubs.url}/__journal`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(stubs.journal.entries(), []);
    await post(`${stubs.url}/sms/messages`, sms);
    assert.equal(stubs.journal.entries()[0]!.id, before + 1);
  });

  it('answers 503 while the service is down', async () => {
    stubs.setFault('sms', { mode: 'down' });
    const response = await post(`${stubs.url}/sms/messages`, sms);
    assert.equal(response.status, 503);
    assert.deepEqual(stubs.journal.entries().map((e) => [e.fault, e.status]), [['down', 503]]);
  });

  it('resets the connection while the service is down with reset', async () => {
    stubs.setFault('sms', { mode: 'down', reset: true });
    await assert.rejects(post(`${stubs.url}/sms/messages`, sms), TypeError);
    assert.deepEqual(stubs.journal.entries().map((e) => [e.fault, e.status]), [['down', null]]);
  });

  it('holds each request for the delay while the service is slow', async () => {
    stubs.setFault('sms', { mode: 'slow', delayMs: 150 });
    const started = performance.now();
    const response = await post(`${stubs.url}/sms/messages`, sms);
    assert.equal(response.status, 202);
    assert.ok(performance.now() - started >= 140, 'the answer came before the delay');
  });

  it('answers 500 while the service is in error', async () => {
    stubs.setFault('sms', { mode: 'error' });
    assert.equal((await post(`${stubs.url}/sms/messages`, sms)).status, 500);
  });

  it('answers invalid JSON with the usual status while the service is malformed', async () => {
    stubs.setFault('sms', { mode: 'malformed' });
    const response = await post(`${stubs.url}/sms/messages`, sms);
    assert.equal(response.status, 202);
    assert.equal(response.headers.get('content-type'), 'application/json');
    await assert.rejects(response.json(), SyntaxError);
  });

  it('answers normally again once the fault is none', async () => {
    stubs.setFault('sms', { mode: 'error' });
    stubs.setFault('sms', { mode: 'none' });
    assert.equal((await post(`${stubs.url}/sms/messages`, sms)).status, 202);
  });

  it('switches faults over the control API and refuses an invalid one naming the key', async () => {
    const set = await post(`${stubs.url}/__faults`, { service: 'sms', mode: 'slow', delayMs: 20 });
    assert.deepEqual(await set.json(), { service: 'sms', fault: { mode: 'slow', delayMs: 20 } });
    const invalid = await post(`${stubs.url}/__faults`, { service: 'sms', mode: 'slow' });
    assert.equal(invalid.status, 400);
    assert.match(((await invalid.json()) as { error: string }).error, /"delayMs" must be an integer/);
    const unknown = await post(`${stubs.url}/__faults`, { service: 'fax', mode: 'down' });
    assert.match(((await unknown.json()) as { error: string }).error, /no service "fax".*the services are: sms/);
    assert.equal((await fetch(`${stubs.url}/__faults`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(((await (await fetch(`${stubs.url}/__faults`)).json()) as Record<string, unknown>)['sms'], { mode: 'none' });
  });

  it('waits in-process for a journaled request, and says what it holds when none comes', async () => {
    const waiting = stubs.journal.waitFor({ service: 'sms', contains: 'VIG-1' }, 2000);
    await post(`${stubs.url}/sms/messages`, sms);
    assert.equal((await waiting).path, '/sms/messages');
    await assert.rejects(stubs.journal.waitFor({ contains: 'NOPE' }, 50), /expected a request matching \{"contains":"NOPE"\} within 50 ms; the journal holds 1 request/);
  });
});

describe('the stub server lifecycle', () => {
  it('closes promptly while a slow request is pending', async () => {
    const stubs = await startStubServer();
    stubs.setFault('sms', { mode: 'slow', delayMs: 30_000 });
    const pending = post(`${stubs.url}/sms/messages`, sms).catch((error: unknown) => error);
    await stubs.journal.waitFor({ service: 'sms' }, 2000);
    const started = performance.now();
    await stubs.close();
    assert.ok(performance.now() - started < 5000, 'close does not wait for the 30 s slow answer');
    assert.ok((await pending) instanceof TypeError);
  });

  it('runs as its own process, announcing its URL, and stops when its stdin closes', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../simulators/stubs/main.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = once(child, 'exit') as Promise<[number | null]>;
    try {
      const [line] = await within(once(createInterface({ input: child.stdout }), 'line'), 5000, 'expected STUBS_READY');
      assert.match(String(line), /^STUBS_READY \{/);
      const ready = JSON.parse(String(line).slice('STUBS_READY '.length)) as { url: string; services: { sms: string } };
      assert.equal(ready.services.sms, `${ready.url}/sms`);
      assert.equal((await fetch(`${ready.url}/__health`)).status, 200);
      child.stdin.end();
      const [code] = await within(exited, 3000, 'expected the stub process to exit once its stdin closed');
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });
});

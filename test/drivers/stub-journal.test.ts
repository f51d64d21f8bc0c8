// The stub journal driver against a real stub server: waits with deadlines, bounded "nothing arrives", faults, unhandled.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpAssertionError, StubJournal } from '../../drivers/index.ts';
import { delivered } from '../../drivers/stub-journal.ts';
import { EnvironmentError } from '../../lib/errors.ts';
import { startStubServer, type StartedStubServer } from '../../simulators/index.ts';

function sendSms(stubs: StartedStubServer, to: string, text: string, path = '/messages'): Promise<Response> {
  return fetch(`${stubs.serviceUrl('sms')}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(3000),
    body: JSON.stringify({ from: 'ASSURPLUS', to, text }),
  });
}

describe('the stub journal driver', () => {
  let stubs: StartedStubServer;
  let journal: StubJournal;
  before(async () => {
    stubs = await startStubServer();
    journal = new StubJournal(`${stubs.url}/`);
  });
  after(() => stubs.close());

  it('waits for an SMS to a phone number sent after the scenario\'s mark', async () => {
    await sendSms(stubs, '+33611111111', 'old alert VIG-1');
    const mark = await journal.lastId();
    const waiting = journal.waitForSms({ to: '+33611111111', from: 'ASSURPLUS', contains: 'VIG-1', since: mark }, 3000);
    await sendSms(stubs, '+33622222222', 'someone else VIG-1');
    await sendSms(stubs, '+33611111111', 'new alert VIG-1');
    const sms = await waiting;
    assert.equal(sms.body.text, 'new alert VIG-1');
    assert.ok(sms.id > mark);
  });

  it('watches for a second SMS for a second after the first arrived, not after the check began', async () => {
    const mark = await journal.lastId();
    await sendSms(stubs, '+33677777777', 'alert VIG-4');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const started = performance.now();
    assert.equal((await journal.waitForSms({ to: '+33677777777', since: mark }, 3000)).body.text, 'alert VIG-4');
    assert.ok(performance.now() - started < 700, `the window had passed; the check still waited ${Math.round(performance.now() - started)} ms`);
    const again = await journal.lastId();
    await sendSms(stubs, '+33677777777', 'alert VIG-5');
    setTimeout(() => void sendSms(stubs, '+33677777777', 'alert VIG-5 again'), 600);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await assert.rejects(journal.waitForSms({ to: '+33677777777', contains: 'VIG-5', since: again }, 3000), /expected exactly one SMS .*; 2 were delivered/);
  });

  it('fails when the same alert SMS is delivered twice, naming both copies', async () => {
    const mark = await journal.lastId();
    const waiting = journal.waitForSms({ to: '+33655555555', from: 'ASSURPLUS', contains: 'VIG-2', since: mark }, 3000);
    await sendSms(stubs, '+33655555555', 'alert VIG-2');
    await sendSms(stubs, '+33655555555', 'alert VIG-2 again');
    await assert.rejects(waiting, (error: Error) => {
      assert.match(error.message, /expected exactly one SMS \{"to":"\+33655555555","from":"ASSURPLUS","contains":"VIG-2","since":\d+\}; 2 were delivered: .*alert VIG-2.*alert VIG-2 again/);
      return true;
    });
  });

  it('counts only deliveries: an attempt the gateway refused, then the one that went through, is one SMS', async () => {
    await journal.setFault('sms', { mode: 'error', times: 1, match: 'VIG-3' });
    try {
      const mark = await journal.lastId();
      const waiting = journal.waitForSms({ to: '+33666666666', contains: 'VIG-3', since: mark }, 3000);
      await sendSms(stubs, '+33666666666', 'alert VIG-3');
      await sendSms(stubs, '+33666666666', 'alert VIG-3');
      assert.equal((await waiting).body.text, 'alert VIG-3');
    } finally {
      await journal.resetFaults();
    }
  });

  it('waits for a slow exchange to settle, and does not count a replayed retry as a delivery', async () => {
    const mark = await journal.lastId();
    stubs.setFault('sms', { mode: 'slow', delayMs: 600, match: '+33677777777' });
    const send = (key: string) => fetch(`${stubs.serviceUrl('sms')}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, signal: AbortSignal.timeout(3000),
      body: JSON.stringify({ from: 'ASSURPLUS', to: '+33677777777', text: 'alert VIG-7' }),
    });
    const first = send('k-7');
    const settling = journal.settled({ service: 'sms', contains: '+33677777777', since: mark }, 400, 5000);
    await first;
    await send('k-7');
    const settled = await settling;
    stubs.setFault('sms', { mode: 'none', match: '+33677777777' });
    assert.deepEqual(settled.map((e) => [e.status, e.replayed === true, delivered(e)]), [[202, false, true], [202, true, false]]);
  });

  it('fails with what the journal holds when the SMS never comes', async () => {
    const mark = await journal.lastId();
    await sendSms(stubs, '+33633333333', 'Assur Plus: VIG-9');
    await assert.rejects(journal.waitForSms({ to: '+33600000000', since: mark }, 200), (error: Error) => {
      assert.match(error.message, /expected a request matching \{"service":"sms","method":"POST","since":\d+\} within 200 ms; the stubs received 1 request\(s\) of that kind, the last: #\d+ POST \/sms\/messages -> 202 .*VIG-9/);
      assert.match(error.message, /Does the customer's offer include the sms module/);
      return true;
    });
  });

  it('accepts silence for the whole window, and fails as soon as a forbidden SMS arrives', async () => {
    const mark = await journal.lastId();
    await journal.expectNoSms({ to: '+33644444444', since: mark }, 150);
    const started = performance.now();
    const checking = journal.expectNoSms({ to: '+33644444444', since: mark }, 5000);
    await sendSms(stubs, '+33644444444', 'should not be sent');
    await assert.rejects(checking, /expected no request matching .* within 5000 ms; got 1/);
    assert.ok(performance.now() - started < 2000, 'the check should fail at once, not at the end of its window');
  });

  it('lists the unhandled requests since the mark, and asserts there are none', async () => {
    const mark = await journal.lastId();
    await journal.assertNoUnhandled(mark);
    await sendSms(stubs, '+33655555555', 'x', '/v2/messages');
    const unhandled = await journal.unhandled(mark);
    assert.deepEqual(unhandled.map((e) => [e.path, e.status, e.handled]), [['/sms/v2/messages', 501, false]]);
    await assert.rejects(journal.assertNoUnhandled(mark), /1 did: POST \/sms\/v2\/messages \(sms\)/);
  });

  it('switches faults, resets them and clears the journal over the control API', async () => {
    await journal.setFault('sms', { mode: 'error' });
    assert.equal((await sendSms(stubs, '+33666666666', 'x')).status, 500);
    await journal.resetFaults();
    assert.equal((await sendSms(stubs, '+33666666666', 'x')).status, 202);
    await assert.rejects(journal.setFault('sms', { mode: 'slow' }), (error: unknown) => error instanceof HttpAssertionError && error.status === 400 && /delayMs/.test(error.message));
    await journal.clear();
    assert.deepEqual(await journal.entries(), []);
  });

  it('raises an environment error at once when the stub server is gone, instead of waiting out the deadline', async () => {
    const gone = await startStubServer();
    await gone.close();
    const started = performance.now();
    await assert.rejects(new StubJournal(gone.url).waitForSms({ to: '+33600000000' }, 5000), (error: unknown) => {
      assert.ok(error instanceof EnvironmentError);
      assert.match(error.message, new RegExp(`GET ${gone.url}/__journal.* could not reach the stub server at ${gone.url}: .*ECONNREFUSED`));
      return true;
    });
    assert.ok(performance.now() - started < 2500, 'the refused connection ends the wait, not the 5 s deadline');
  });
});

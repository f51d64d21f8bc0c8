// Several instances on the same databases: any instance serves any session, and each event is texted exactly once.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { retryUntil } from '../../lib/wait.ts';
import { call, health, newCustomer } from './support/api.ts';
import { connectCamera, newSerial } from './support/camera.ts';
import type { TestCamera } from './support/camera.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { initPlatform, startPlatform } from './support/processes.ts';
import type { Platform } from './support/processes.ts';
import { startSmsReceiver } from './support/sms-receiver.ts';
import type { SmsReceiver } from './support/sms-receiver.ts';
import { getPage, postLogin } from './support/space.ts';

describe('two v10 instances on the same databases', () => {
  let dbs: TestDatabases;
  let sms: SmsReceiver;
  let instances: Platform[] = [];
  let camera: TestCamera | undefined;

  before(async () => {
    [dbs, sms] = await Promise.all([createTestDatabases(), startSmsReceiver()]);
    await initPlatform('v10', dbs.urls);
    instances = await Promise.all(['i01', 'i02'].map((instance) => startPlatform({ version: 'v10', instance, urls: dbs.urls, smsUrl: sms.url })));
  });
  after(async () => {
    await camera?.close();
    await Promise.allSettled(instances.map((i) => i.stop()));
    await Promise.allSettled([sms?.close(), dbs?.drop()]);
  });

  it('accept on one instance the token and the cookie issued by the other', async () => {
    const [a, b] = instances as [Platform, Platform];
    const customer = await newCustomer(a.url);
    assert.equal((await call(b.url, 'GET', '/api/account', { token: customer.token })).status, 200);
    const login = await postLogin(a.url, 'veilis', customer.fields.email, customer.fields.password);
    assert.equal((await getPage(b.url, '/space/veilis/', login.cookie ?? '')).status, 200);
  });

  it('store each event once and send exactly one SMS per event', async () => {
    const [a, b] = instances as [Platform, Platform];
    const customer = await newCustomer(a.url, { offer: 'serenite-2011', phone: '+33611223344' });
    camera = await connectCamera(newSerial());
    assert.equal((await call(b.url, 'POST', '/api/devices', { token: customer.token, body: { serial: camera.serial, model: 'vigie-360-2019' } })).status, 201);
    const count = 5;
    for (let i = 0; i < count; i += 1) await camera.event('motion', `2026-11-26T10:3${i}:00+01:00`);
    // Both instances have handled every event: one stored it, the other found it already stored.
    const vitals = await retryUntil(
      () => Promise.all(instances.map((i) => health(i.url))),
      (hs) => hs.reduce((n, h) => n + h.ingest.stored, 0) === count && hs.reduce((n, h) => n + h.ingest.duplicates, 0) === count,
      { timeoutMs: 5000, intervalMs: 50, message: (hs) => `expected ${count} events stored once and seen twice; health: ${JSON.stringify(hs)}` },
    );
    assert.equal(vitals.reduce((n, h) => n + h.sms.queued, 0), count);
    await retryUntil(async () => sms.received.length, (n) => n >= count, { timeoutMs: 5000, message: (n) => `expected ${count} SMS, got ${String(n)}` });
    assert.equal(sms.received.length, count);
    const events = await call<unknown[]>(a.url, 'GET', '/api/events', { token: customer.token });
    assert.equal(events.body.length, count);
  });
});

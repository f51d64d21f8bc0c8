// One instance of each version end to end: accounts, devices, MQTT ingest, SMS fan-out and the customer space.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { retryUntil } from '../../lib/wait.ts';
import { call, health, newCustomer, signupFields } from './support/api.ts';
import { connectCamera, newSerial } from './support/camera.ts';
import type { TestCamera } from './support/camera.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { initPlatform, startPlatform } from './support/processes.ts';
import type { Platform } from './support/processes.ts';
import { startSmsReceiver } from './support/sms-receiver.ts';
import type { SmsReceiver } from './support/sms-receiver.ts';
import { getPage, postLogin, testIds } from './support/space.ts';

const mqttModel = 'vigie-360-2019';

interface ApiEvent {
  id: number;
  serial: string;
  type: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

function phone(): string {
  return `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

for (const version of ['v9', 'v10'] as const) {
  describe(`a ${version} platform instance`, () => {
    let dbs: TestDatabases;
    let sms: SmsReceiver;
    let platform: Platform;
    const cameras: TestCamera[] = [];

    before(async () => {
      [dbs, sms] = await Promise.all([createTestDatabases(), startSmsReceiver()]);
      await initPlatform(version, dbs.urls);
      platform = await startPlatform({ version, instance: `p-${version}`, urls: dbs.urls, smsUrl: sms.url });
    });
    after(async () => {
      await Promise.allSettled(cameras.map((c) => c.close()));
      await platform?.stop();
      await Promise.allSettled([sms?.close(), dbs?.drop()]);
    });

    async function customerWithCamera(offer: string, runId: string | null = 'run-42') {
      const customer = await newCustomer(platform.url, { offer, phone: phone() }, runId);
      const camera = await connectCamera(newSerial());
      cameras.push(camera);
      const claim = await call(platform.url, 'POST', '/api/devices', { token: customer.token, body: { serial: camera.serial, model: mqttModel } });
      assert.equal(claim.status, 201, JSON.stringify(claim.body));
      return { customer, camera };
    }

    function eventsOf(token: string, accept: (events: ApiEvent[]) => boolean, what: string): Promise<ApiEvent[]> {
      return retryUntil(async () => (await call<ApiEvent[]>(platform.url, 'GET', '/api/events?limit=50', { token })).body, accept, {
        timeoutMs: 5000,
        intervalMs: 50,
        message: (last) => `expected ${what} in /api/events within 5000 ms; last answer: ${JSON.stringify(last)}`,
      });
    }

    it('signs a customer up, logs them in and describes the account with its offer’s modules', async () => {
      const customer = await newCustomer(platform.url, { offer: 'serenite-2011' });
      const account = await call<Record<string, unknown>>(platform.url, 'GET', '/api/account', { token: customer.token });
      assert.equal(account.status, 200);
      assert.deepEqual(account.body, {
        id: customer.id, email: customer.fields.email, name: 'Camille Martin', phone: customer.fields.phone, whiteLabel: 'veilis', partner: 'veilis',
        offer: 'serenite-2011', modules: ['recordings', 'sms'], accountType: 'individual', paymentMethod: 'card',
      });
      const wrong = await call(platform.url, 'POST', '/api/login', { body: { email: customer.fields.email, password: 'pas-le-bon' } });
      assert.equal(wrong.status, 401);
      assert.equal((await call(platform.url, 'GET', '/api/account', { token: 'forged' })).status, 401);
    });

    it('refuses a taken e-mail, an unknown offer and what the white label does not sell, naming the id', async () => {
      const taken = signupFields();
      assert.equal((await call(platform.url, 'POST', '/api/signup', { body: taken })).status, 201);
      assert.equal((await call(platform.url, 'POST', '/api/signup', { body: { ...taken, email: taken.email.toUpperCase() } })).status, 409);
      const unknown = await call<{ error: string }>(platform.url, 'POST', '/api/signup', { body: signupFields({ offer: 'offre-inconnue' }) });
      assert.deepEqual(unknown, { status: 400, body: { error: 'unknown offer "offre-inconnue"' } });
      const notSold = await call<{ error: string }>(platform.url, 'POST', '/api/signup', { body: signupFields({ whiteLabel: 'assur-plus-protect', offer: 'serenite-2011' }) });
      assert.deepEqual(notSold, { status: 400, body: { error: 'white label "assur-plus-protect" does not sell offer "serenite-2011"' } });
      const v10Offer = await call(platform.url, 'POST', '/api/signup', { body: signupFields({ offer: 'maison-2025' }) });
      assert.equal(v10Offer.status, version === 'v10' ? 201 : 400, 'a since-v10 offer exists only on V10');
    });

    it('lets a camera be claimed once and refuses an unknown model', async () => {
      const first = await newCustomer(platform.url);
      const second = await newCustomer(platform.url);
      const serial = newSerial();
      const claim = await call(platform.url, 'POST', '/api/devices', { token: first.token, body: { serial, model: mqttModel } });
      assert.deepEqual(claim, { status: 201, body: { serial, model: mqttModel, kind: 'camera' } });
      assert.equal((await call(platform.url, 'POST', '/api/devices', { token: second.token, body: { serial, model: mqttModel } })).status, 409);
      const unknown = await call(platform.url, 'POST', '/api/devices', { token: first.token, body: { serial: newSerial(), model: 'no-such-model' } });
      assert.deepEqual(unknown, { status: 400, body: { error: 'unknown model "no-such-model"' } });
      const devices = await call(platform.url, 'GET', '/api/devices', { token: first.token });
      assert.deepEqual(devices.body, [{ serial, model: mqttModel, kind: 'camera', online: false, lastSeenAt: null }]);
    });

    it('marks a camera online and records its last heartbeat and firmware', async () => {
      const { customer, camera } = await customerWithCamera('essentiel-2019');
      await camera.online();
      await camera.heartbeat('3.2.4');
      const devices = await retryUntil(
        async () => (await call<{ online: boolean; lastSeenAt: string | null }[]>(platform.url, 'GET', '/api/devices', { token: customer.token })).body,
        (list) => list[0]?.online === true && list[0].lastSeenAt !== null,
        { timeoutMs: 5000, intervalMs: 50, message: (last) => `expected the camera online with a heartbeat within 5000 ms; saw ${JSON.stringify(last)}` },
      );
      assert.ok(Math.abs(Date.parse(devices[0]!.lastSeenAt!) - Date.now()) < 60_000);
      const table = version === 'v9' ? 'cameras' : 'devices';
      const firmware = await dbs.pool('accounts').query(`SELECT firmware FROM ${table} WHERE serial = $1`, [camera.serial]);
      assert.deepEqual(firmware.rows, [{ firmware: '3.2.4' }]);
    });

    it('stores a camera event once, in UTC, and texts the customer in French naming the brand and the camera', async () => {
      const { customer, camera } = await customerWithCamera('serenite-2011');
      const eventId = await camera.event('motion', '2026-11-26T10:31:02+01:00', undefined, { zone: 'entrée' });
      await camera.event('motion', '2026-11-26T10:31:02+01:00', eventId);
      const events = await eventsOf(customer.token, (list) => list.length > 0, 'the motion event');
      const message = await sms.waitFor((s) => s.body.to === customer.fields.phone, `to ${customer.fields.phone}`);
      // V10 also shows the device's own id of the event (a replay after the cut-over is recognised by it).
      const deviceId = version === 'v10' ? { eventId } : {};
      assert.deepEqual(events.map(({ id: _, ...e }) => e), [{ serial: camera.serial, type: 'motion', occurredAt: '2026-11-26T09:31:02.000Z', payload: { zone: 'entrée' }, ...deviceId }]);
      assert.equal(message.path, '/sms/messages');
      assert.equal(message.body.from, 'VEILIS');
      assert.equal(message.body.text, `Veilis : Mouvement détecté par votre caméra ${camera.serial} le 26/11/2026 à 10:31:02.`);
      assert.equal(message.headers['x-synthetic-traffic'], 'run-42');
      await retryUntil(() => health(platform.url), (h) => h.ingest.duplicates >= 1, { timeoutMs: 5000, message: (h) => `expected the repeated event counted as a duplicate; health: ${JSON.stringify(h)}` });
      assert.equal(sms.received.filter((s) => s.body.to === customer.fields.phone).length, 1, 'one SMS for an event published twice');
    });

    it('sends no SMS when the offer lacks the sms module, nor the synthetic header for real customers', async () => {
      const before = await health(platform.url);
      const silent = await customerWithCamera('essentiel-2019');
      const real = await customerWithCamera('serenite-2011', null);
      await silent.camera.event('person', '2026-07-14T12:00:00Z');
      await real.camera.event('motion', '2026-07-14T12:00:00Z');
      const message = await sms.waitFor((s) => s.body.to === real.customer.fields.phone, 'to the real customer');
      assert.equal(message.headers['x-synthetic-traffic'], undefined);
      assert.match(message.body.text ?? '', /le 14\/07\/2026 à 14:00:00\.$/);
      const after = await retryUntil(() => health(platform.url), (h) => h.ingest.stored >= before.ingest.stored + 2, {
        timeoutMs: 5000,
        message: (h) => `expected both events stored and fanned out; health: ${JSON.stringify(h)}`,
      });
      assert.equal(after.sms.queued, before.sms.queued + 1, 'only the sms offer was texted');
      assert.equal(sms.received.filter((s) => s.body.to === silent.customer.fields.phone).length, 0);
    });

    it('ignores malformed payloads and unknown cameras, and keeps ingesting', async () => {
      const before = await health(platform.url);
      const { customer, camera } = await customerWithCamera('essentiel-2019');
      const stranger = await connectCamera(newSerial('UNKNOWN'));
      cameras.push(stranger);
      await stranger.event('motion', '2026-11-26T10:00:00+01:00');
      await camera.raw('events', 'pas du json');
      await camera.raw('events', JSON.stringify({ eventId: 'e1', type: 'motion', at: '2026-11-26T10:00:00' }));
      await camera.raw('events', JSON.stringify({ eventId: 'e2', type: 'explosion', at: '2026-11-26T10:00:00Z' }));
      await camera.raw('status', 'peut-être');
      const good = await camera.event('sound', '2026-11-26T11:00:00+01:00');
      const events = await eventsOf(customer.token, (list) => list.length > 0, 'the well-formed event');
      assert.deepEqual(events.map((e) => e.type), ['sound']);
      const after = await health(platform.url);
      assert.equal(after.status, 'ok');
      assert.ok(after.ingest.ignored >= before.ingest.ignored + 5, `ignored: ${before.ingest.ignored} -> ${after.ingest.ignored}`);
      assert.ok(good);
    });

    it('shows the devices and the event timeline, in Paris time, on the brand’s dashboard', async () => {
      const { customer, camera } = await customerWithCamera('essentiel-2019');
      await camera.event('motion', '2026-11-26T09:31:02Z');
      await eventsOf(customer.token, (list) => list.length > 0, 'the motion event');
      const login = await postLogin(platform.url, 'veilis', customer.fields.email, customer.fields.password);
      assert.equal(login.status, 303);
      assert.equal(login.location, '/space/veilis/');
      assert.ok(login.cookie, 'a session cookie');
      const page = await getPage(platform.url, '/space/veilis/', login.cookie);
      assert.equal(page.status, 200);
      assert.deepEqual(testIds(page.html, 'device').map((d) => d.attrs['data-serial']), [camera.serial]);
      const timeline = testIds(page.html, 'timeline-event');
      assert.equal(timeline.length, 1);
      assert.equal(timeline[0]?.attrs['data-serial'], camera.serial);
      assert.equal(timeline[0]?.attrs['data-event-type'], 'motion');
      assert.match(timeline[0]?.text ?? '', /^26\/11\/2026 10:31:02 – Mouvement détecté/);
    });
  });
}

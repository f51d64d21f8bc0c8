// Device ingest end to end: every camera generation's simulator against a real V10 instance (HTTP push, HTTPS/JSON, MQTT 3.1.1, MQTT 5), and live view.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultCatalogDir, loadCatalog, type CameraModel } from '../../catalog/index.ts';
import { readLiveFrames } from '../../drivers/index.ts';
import { EnvironmentError, ProductAssertionError } from '../../lib/errors.ts';
import { retryUntil } from '../../lib/wait.ts';
import { basicAuth, clearRetainedStatus, createCamera, parseFrameComment, type StartedCamera } from '../../simulators/index.ts';
import { call, newCustomer } from './support/api.ts';
import { newSerial } from './support/camera.ts';
import { createTestDatabases, type TestDatabases } from './support/databases.ts';
import { initPlatform, mqttUrl, startPlatform, type Platform } from './support/processes.ts';
import { startSmsReceiver, type SmsReceiver } from './support/sms-receiver.ts';

const catalog = loadCatalog(defaultCatalogDir);
const modelOf = (id: string): CameraModel => catalog.cameraModels.find((m) => m.id === id) ?? assert.fail(`no model ${id}`);
const byGeneration = { 'http-push': 'orion-hd-2011', 'https-json': 'lynx-2014', mqtt3: 'vigie-2018', mqtt5: 'vigie-4k-2022' } as const;

interface ApiEvent { serial: string; type: string; occurredAt: string; payload: Record<string, unknown> }

describe('device ingest of a v10 instance', () => {
  let dbs: TestDatabases;
  let sms: SmsReceiver;
  let platform: Platform;
  let mqtt5Url = '';
  let customer: { token: string };
  const cameras: StartedCamera[] = [];

  before(async () => {
    [dbs, sms] = await Promise.all([createTestDatabases(), startSmsReceiver()]);
    await initPlatform('v10', dbs.urls, defaultCatalogDir);
    platform = await startPlatform({ version: 'v10', instance: 'dev-1', urls: dbs.urls, smsUrl: sms.url });
    mqtt5Url = String((platform as unknown as Record<string, unknown>)['mqtt5Url']);
    customer = await newCustomer(platform.url, { offer: 'essentiel-2019' });
  });
  after(async () => {
    await Promise.allSettled(cameras.map((c) => c.stop()));
    // [MQTT-3.3.1-10] an empty retained message clears the status the mqtt3 cameras left on the shared broker.
    const topics = cameras.filter((c) => c.generation === 'mqtt3').map((c) => `kw/cameras/${c.serial}/status`);
    if (topics.length > 0) await clearRetainedStatus(mqttUrl, topics);
    await platform?.stop();
    await Promise.allSettled([sms?.close(), dbs?.drop()]);
  });

  async function claimedCamera(modelId: string, claim = true): Promise<StartedCamera> {
    const model = modelOf(modelId);
    const serial = newSerial('ING');
    if (claim) assert.equal((await call(platform.url, 'POST', '/api/devices', { token: customer.token, body: { serial, model: model.id } })).status, 201);
    const camera = await createCamera(model, { serial, endpoints: { httpUrl: platform.url, brokerUrl: mqttUrl, mqtt5Url }, heartbeatEveryMs: 0 }).start();
    cameras.push(camera);
    return camera;
  }

  function eventsOf(serial: string, count: number): Promise<ApiEvent[]> {
    return retryUntil(async () => (await call<ApiEvent[]>(platform.url, 'GET', '/api/events?limit=100', { token: customer.token })).body.filter((e) => e.serial === serial),
      (events) => events.length >= count, { timeoutMs: 8000, intervalMs: 50, message: (last) => `expected ${count} events of ${serial}; got ${JSON.stringify(last)}` });
  }

  for (const [generation, modelId] of Object.entries(byGeneration)) {
    it(`stores a ${generation} camera's event once, and marks the camera online`, async () => {
      const camera = await claimedCamera(modelId);
      const event = await camera.detectMotion();
      await camera.resend(event); // at-least-once: the platform keeps one copy
      const [stored] = await eventsOf(camera.serial, 1);
      assert.equal(stored?.type, 'motion');
      assert.ok(Math.abs(Date.parse(stored?.occurredAt ?? '') - Date.now()) < 10_000);
      const devices = await call<{ serial: string; online: boolean }[]>(platform.url, 'GET', '/api/devices', { token: customer.token });
      assert.equal(devices.body.find((d) => d.serial === camera.serial)?.online, true);
      assert.equal((await eventsOf(camera.serial, 1)).length, 1);
    });

    it(`delivers every event a ${generation} camera detected while offline, once it is back`, async () => {
      const camera = await claimedCamera(modelId);
      await camera.goOffline();
      const missed = [await camera.detectMotion(), await camera.detectMotion(), await camera.detectMotion()];
      assert.deepEqual(missed.map((e) => e.delivered), [false, false, false]);
      assert.deepEqual((await camera.comeBack()).map((e) => e.eventId), missed.map((e) => e.eventId));
      assert.equal((await eventsOf(camera.serial, 3)).length, 3);
    });

    it(`places a ${generation} camera's event at the real time when its clock is two hours late`, async () => {
      const camera = await claimedCamera(modelId);
      camera.skewClock(-7200);
      const event = await camera.detectMotion();
      assert.ok(Date.now() - Date.parse(event.at) > 7_000_000, 'the camera itself believes it is two hours earlier');
      const [stored] = await eventsOf(camera.serial, 1);
      assert.ok(Math.abs(Date.parse(stored?.occurredAt ?? '') - Date.now()) < 10_000, `placed at ${stored?.occurredAt}`);
      // http-push clocks read whole seconds: the skew is known to a second or two.
      assert.ok(Math.abs(Number(stored?.payload['clockSkewS']) + 7200) <= 2, `clockSkewS ${String(stored?.payload['clockSkewS'])}`);
    });

    it(`relays the live view of a ${generation} camera: whole JPEG frames naming the camera`, async () => {
      const camera = await claimedCamera(modelId);
      const frames = await readLiveFrames(`${platform.url}/api/devices/${camera.serial}/live?frames=2`, { token: customer.token, frames: 2 });
      const identities = frames.map((f) => parseFrameComment(f.comment ?? ''));
      assert.deepEqual(identities.map((i) => i?.serial), [camera.serial, camera.serial]);
      assert.notEqual(identities[0]?.index, identities[1]?.index);
    });
  }

  it('keeps the snapshot size of an http-push motion upload and refuses a wrong password with a Basic challenge', async () => {
    const camera = await claimedCamera(byGeneration['http-push']);
    await camera.detectMotion();
    const [stored] = await eventsOf(camera.serial, 1);
    assert.ok(Number((stored?.payload['snapshot'] as { bytes: number }).bytes) > 1000);
    const refused = await fetch(`${platform.url}/ingest/http-push/keepalive?fw=1.2.0`, { headers: { authorization: basicAuth(camera.serial, 'not-the-label') } });
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('www-authenticate') ?? '', /^Basic realm=/);
  });

  it('refuses an unclaimed camera with a product error that asks whether it is claimed', async () => {
    await assert.rejects(claimedCamera(byGeneration['https-json'], false), (error: Error) => error instanceof ProductAssertionError && /403.*claimed/s.test(error.message));
  });

  it('refuses a forged https-json token, and tells a retransmitted event from a new one', async () => {
    const forged = await fetch(`${platform.url}/ingest/https-json/v1/heartbeat`, { method: 'POST', headers: { authorization: 'Bearer x.1.y' }, body: '{}' });
    assert.equal(forged.status, 401);
    const camera = await claimedCamera(byGeneration['https-json']);
    const event = await camera.detectMotion();
    await camera.resend(event);
    const answers = camera.received.filter((m) => m.topic.endsWith('/v1/events')).map((m) => m.topic.split(' ')[0]);
    assert.deepEqual(answers, ['201', '200']);
    assert.ok(camera.received.some((m) => m.topic.startsWith('201 PUT /ingest/https-json/v1/clips/')), 'the clip was uploaded');
  });

  it('keeps the on-camera detections of an mqtt5 camera with the event', async () => {
    const camera = await claimedCamera(byGeneration.mqtt5);
    await camera.detect('person');
    const [stored] = await eventsOf(camera.serial, 1);
    const detections = stored?.payload['detections'] as { label: string; confidence: number }[];
    assert.equal(detections[0]?.label, 'person');
    assert.ok((detections[0]?.confidence ?? 0) >= 0.7);
    assert.equal(stored?.payload['firmware'], camera.firmware);
  });

  it('marks an mqtt5 camera offline through its will, and resumes its session when it comes back', async () => {
    const camera = await claimedCamera(byGeneration.mqtt5);
    await camera.goOffline();
    await retryUntil(async () => (await call<{ serial: string; online: boolean }[]>(platform.url, 'GET', '/api/devices', { token: customer.token })).body,
      (devices) => devices.find((d) => d.serial === camera.serial)?.online === false, { timeoutMs: 5000, message: (last) => `expected the will to mark it offline; ${JSON.stringify(last)}` });
    await camera.comeBack();
    assert.ok(camera.received.length === 0 || camera.received.every((m) => m.topic.endsWith('/commands')));
    assert.equal(camera.online, true);
  });

  it('refuses an mqtt5 camera with a wrong password, saying it is an authentication problem', async () => {
    const model = modelOf(byGeneration.mqtt5);
    const { connectOnce } = await import('../../simulators/cameras/mqtt-connect.ts');
    await assert.rejects(connectOnce(mqtt5Url, { protocolVersion: 5, clientId: 'ING-X', username: 'ING-X', password: 'wrong' }, 3000, `camera ING-X (${model.name})`),
      (error: Error) => error instanceof EnvironmentError && /authentication refused/.test(error.message) && error.message.includes(mqtt5Url));
  });
});

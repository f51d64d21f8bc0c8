// The mqtt3 camera simulator against an in-process aedes broker and, when it runs, the local Mosquitto.

import { connectAsync } from 'mqtt';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { CameraModel } from '../../catalog/index.ts';
import { EnvironmentError } from '../../lib/errors.ts';
import { createCamera, Mqtt3Camera } from '../../simulators/index.ts';
import { observe, reachable, startAedes } from './mqtt-observer.ts';

const model: CameraModel = { id: 'vigie-360-2019', name: 'Vigie 360', year: 2019, generation: 'mqtt3', firmware: ['3.1.0', '3.2.4'], capabilities: ['motion'] };
const mosquittoUrl = process.env['MOSQUITTO_URL'] ?? 'mqtt://127.0.0.1:1883';
const newSerial = (): string => `TEST-${randomUUID().slice(0, 8)}`;

function cameraBehaviour(brokerName: string, brokerUrl: () => string): void {
  const serials: string[] = [];
  const start = (serial = newSerial()) => {
    serials.push(serial);
    return new Mqtt3Camera({ serial, model, brokerUrl: brokerUrl() }).start();
  };
  // [MQTT-3.3.1-10] an empty retained message clears the retained status, so test cameras leave no trace.
  after(async () => {
    const client = await connectAsync(brokerUrl(), { reconnectPeriod: 0, connectTimeout: 3000 });
    await Promise.all(serials.map((serial) => client.publishAsync(`kw/cameras/${serial}/status`, '', { qos: 1, retain: true })));
    await client.endAsync();
  });

  it(`publishes "online" retained on its status topic when it starts (${brokerName})`, async () => {
    await using camera = await start();
    await using observer = await observe(brokerUrl(), `kw/cameras/${camera.serial}/status`);
    const status = await observer.waitFor((m) => m.payload === 'online', 'the retained "online"');
    assert.equal(status.retain, true); // [MQTT-3.3.1-8] a new subscriber gets the retained message with RETAIN set
    assert.deepEqual(camera.sent.map((m) => [m.topic, m.qos, m.retain]), [[`kw/cameras/${camera.serial}/status`, 1, true], [`kw/cameras/${camera.serial}/heartbeat`, 0, false]]);
    assert.equal(camera.sent[0]?.payload, 'online');
  });

  it(`lets the broker publish its last will "offline" when it goes offline (${brokerName})`, async () => {
    await using camera = await start();
    await using observer = await observe(brokerUrl(), `kw/cameras/${camera.serial}/status`);
    await observer.waitFor((m) => m.payload === 'online', 'the retained "online"');
    await camera.goOffline();
    await observer.waitFor((m) => m.payload === 'offline', 'the last will "offline"');
    assert.equal(camera.online, false);
    await using late = await observe(brokerUrl(), `kw/cameras/${camera.serial}/status`);
    const retained = await late.waitFor(() => true, 'a retained status');
    assert.deepEqual([retained.payload, retained.retain], ['offline', true]);
  });

  it(`delivers the events detected while offline, in order, when it comes back (${brokerName})`, async () => {
    await using camera = await start();
    await using observer = await observe(brokerUrl(), `kw/cameras/${camera.serial}/events`);
    await camera.goOffline();
    const first = await camera.detectMotion();
    const second = await camera.detectMotion();
    assert.deepEqual([first.delivered, second.delivered, camera.buffered.length], [false, false, 2]);
    const delivered = await camera.comeBack();
    assert.deepEqual(delivered.map((e) => e.eventId), [first.eventId, second.eventId]);
    await observer.waitFor((m) => m.payload.includes(second.eventId), 'the second buffered event');
    assert.deepEqual(observer.messages.map((m) => (JSON.parse(m.payload) as { eventId: string }).eventId), [first.eventId, second.eventId]);
    assert.equal(camera.buffered.length, 0);
    assert.equal(camera.online, true);
  });

  it(`gives every motion event a unique id and a local time with its UTC offset (${brokerName})`, async () => {
    await using camera = await start();
    await using observer = await observe(brokerUrl(), `kw/cameras/${camera.serial}/events`);
    const events = [await camera.detectMotion(), await camera.detectMotion(), await camera.detectMotion()];
    assert.equal(new Set(events.map((e) => e.eventId)).size, 3);
    for (const event of events) {
      assert.match(event.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
      assert.ok(Math.abs(Date.parse(event.at) - Date.now()) < 5000, `${event.at} should be about now`);
    }
    await observer.waitFor((m) => m.payload.includes(events[2]!.eventId), 'the third event');
    const received = JSON.parse(observer.messages[0]!.payload) as Record<string, unknown>;
    assert.deepEqual({ ...received, clock: undefined }, { eventId: events[0]!.eventId, type: 'motion', at: events[0]!.at, clock: undefined });
    assert.ok(Math.abs(Date.parse(String(received.clock)) - Date.parse(events[0]!.at)) < 5000, 'the camera says when it sent the event');
    assert.equal(observer.messages[0]!.qos, 1);
  });
}

describe('the mqtt3 camera on an in-process aedes broker', () => {
  let url = '';
  let dispose: () => Promise<void> = async () => {};
  before(async () => {
    const broker = await startAedes();
    url = broker.url;
    dispose = async () => {
      await broker[Symbol.asyncDispose]();
    };
  });
  cameraBehaviour('aedes', () => url);
  after(() => dispose()); // after the behaviour's own cleanup, which still needs the broker

  it('connects with its serial as client id, in MQTT 3.1.1', async () => {
    await using broker = await startAedes();
    const connected = new Promise<{ id: string; version: number }>((resolve) => {
      broker.broker.once('client', (client) => resolve({ id: client.id, version: client.version ?? 0 }));
    });
    await using camera = await new Mqtt3Camera({ serial: newSerial(), model, brokerUrl: broker.url }).start();
    assert.deepEqual(await connected, { id: camera.serial, version: 4 });
  });

  it('sends heartbeats with its firmware and uptime at QoS 0', async () => {
    await using camera = await new Mqtt3Camera({ serial: newSerial(), model, firmware: '3.1.0', brokerUrl: url }).start();
    await using observer = await observe(url, `kw/cameras/${camera.serial}/heartbeat`);
    await camera.heartbeat();
    const beat = await observer.waitFor(() => true, 'a heartbeat');
    const { firmware, uptimeS, liveUrl } = JSON.parse(beat.payload) as Record<string, unknown>;
    assert.deepEqual({ firmware, uptimeS, liveUrl }, { firmware: '3.1.0', uptimeS: 0, liveUrl: camera.liveUrl });
    assert.equal(camera.sent.at(-1)?.qos, 0);
  });

  it('shifts the time of its events by the skew of its clock', async () => {
    await using camera = await new Mqtt3Camera({ serial: newSerial(), model, brokerUrl: url }).start();
    camera.skewClock(-3600);
    const event = await camera.detectMotion();
    const skew = Date.parse(event.at) - Date.now();
    assert.ok(Math.abs(skew + 3_600_000) < 5000, `expected about one hour behind, got ${skew} ms`);
  });

  it('resends an event with its original id', async () => {
    await using camera = await new Mqtt3Camera({ serial: newSerial(), model, brokerUrl: url }).start();
    const event = await camera.detectMotion();
    await camera.resend(event);
    const ids = camera.sent.filter((m) => m.topic.endsWith('/events')).map((m) => (JSON.parse(m.payload) as { eventId: string }).eventId);
    assert.deepEqual(ids, [event.eventId, event.eventId]);
  });

  it('leaves "offline" retained when it stops gracefully', async () => {
    const camera = await new Mqtt3Camera({ serial: newSerial(), model, brokerUrl: url }).start();
    await camera.stop();
    await using observer = await observe(url, `kw/cameras/${camera.serial}/status`);
    const retained = await observer.waitFor(() => true, 'a retained status');
    assert.equal(retained.payload, 'offline');
  });
});

describe('the mqtt3 camera on the local Mosquitto', async () => {
  const up = await reachable(mosquittoUrl);
  if (!up) {
    it(`is skipped: no broker answers at ${mosquittoUrl} (set MOSQUITTO_URL)`, { skip: true }, () => {});
    return;
  }
  cameraBehaviour('mosquitto', () => mosquittoUrl);
});

describe('starting a camera', () => {
  it('raises an environment error naming the URL when the broker refuses the connection', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const url = `mqtt://127.0.0.1:${closedPort}`;
    const started = Date.now();
    await assert.rejects(new Mqtt3Camera({ serial: newSerial(), model, brokerUrl: url }).start(), (error: Error) => {
      assert.ok(error instanceof EnvironmentError);
      assert.match(error.message, new RegExp(`${url}: .*ECONNREFUSED`));
      return true;
    });
    assert.ok(Date.now() - started < 2000);
  });

  it('raises an environment error when the broker never answers CONNACK within the deadline', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer((socket) => void sockets.add(socket.on('data', () => {})));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const url = `mqtt://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      await assert.rejects(
        new Mqtt3Camera({ serial: newSerial(), model, brokerUrl: url, connectTimeoutMs: 200 }).start(),
        (error: Error) => error instanceof EnvironmentError && error.message.includes('no CONNACK within 200 ms') && error.message.includes(url),
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('creates a camera of the model\'s generation, and names the endpoint that generation needs when it is missing', () => {
    assert.equal(createCamera(model, { serial: 'S1', brokerUrl: 'mqtt://127.0.0.1:1883' }).serial, 'S1');
    assert.throws(() => createCamera({ ...model, generation: 'http-push' }, { serial: 'S1' }), /generation http-push\) needs endpoints.httpUrl/);
    assert.throws(() => createCamera({ ...model, generation: 'mqtt5' }, { serial: 'S1', brokerUrl: 'mqtt://x' }), /needs endpoints.mqtt5Url/);
  });

  it('refuses a generation no simulator speaks, naming the catalog files', () => {
    const unknown = { ...model, generation: 'lte' } as unknown as CameraModel;
    assert.throws(() => createCamera(unknown, { serial: 'S1' }), /generation "lte", which no simulator speaks .*catalog\/data\/camera-models.yaml/);
  });

  it('refuses a firmware the catalog does not list for the model', () => {
    assert.throws(() => createCamera(model, { serial: 'S1', firmware: '9.9.9', brokerUrl: 'mqtt://x' }), /firmware "9.9.9" is not one of model "Vigie 360" \(3.1.0, 3.2.4\)/);
  });
});

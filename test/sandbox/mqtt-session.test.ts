// The instance's persistent MQTT session across a maintenance window: away while it is on, the backlog taken once after.
// Runs on the embedded broker (aedes); MQTT_URL=mqtt://127.0.0.1:1883 runs it on a real Mosquitto too.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import mqtt from 'mqtt';
import { startEmbeddedBroker, discardSessions, type StartedBroker } from '../../environments/mqtt.ts';
import { startMqttIngest } from '../../sandbox/ingest/mqtt.ts';
import { createMessageHandler, wasReplayed } from '../../sandbox/ingest/handler.ts';
import type { DeviceIngest } from '../../sandbox/ingest/device-ingest.ts';
import { createLogger } from '../../sandbox/log.ts';
import { retryUntil } from '../../lib/wait.ts';

let broker: StartedBroker;
let url: string;
before(async () => {
  broker = await startEmbeddedBroker();
  url = process.env['MQTT_URL'] || broker.url;
});
after(async () => broker[Symbol.asyncDispose]());

interface Received { topic: string; payload: string; replayed: boolean }

async function publisher(clientId: string): Promise<mqtt.MqttClient> {
  return mqtt.connectAsync(url, { clientId, protocolVersion: 4, clean: true, reconnectPeriod: 0 }, false);
}

async function scenario(persistent: boolean): Promise<{ received: Received[]; states: string[] }> {
  const clientId = `kw-test-${process.pid}-${persistent ? 'kept' : 'clean'}-${Date.now()}`;
  let maintenance = false;
  const received: Received[] = [];
  const states: string[] = [];
  const serial = `SESS${process.pid}${persistent ? 'K' : 'C'}`;
  const session = { clientId, persistent, maintenance: async () => maintenance, pollMs: 50 };
  const log = createLogger('test');
  const handle = async (topic: string, payload: Buffer, delivery?: { replayed: boolean }) => {
    if (topic.includes(serial)) received.push({ topic, payload: payload.toString(), replayed: delivery?.replayed ?? false });
  };
  const device = await publisher(`${serial}-device`);
  let ingest = await startMqttIngest(url, session, handle, log);
  try {
    await device.publishAsync(`kw/cameras/${serial}/events`, 'live', { qos: 1 });
    await retryUntil(async () => received.length, (n) => n === 1, { timeoutMs: 5000, intervalMs: 20, message: () => 'the live message never arrived' });
    maintenance = true;
    await retryUntil(async () => ingest.state(), (s) => s === 'paused', { timeoutMs: 5000, intervalMs: 20, message: () => `the ingest never paused (${ingest.state()})` });
    states.push(ingest.state());
    await device.publishAsync(`kw/cameras/${serial}/events`, 'window-1', { qos: 1 });
    await device.publishAsync(`kw/cameras/${serial}/events`, 'window-2', { qos: 1 });
    // The redeployment: the instance stops and its successor starts, still in maintenance, then maintenance ends.
    await ingest.close();
    ingest = await startMqttIngest(url, session, handle, log);
    states.push(ingest.state());
    await device.publishAsync(`kw/cameras/${serial}/events`, 'window-3', { qos: 1 });
    maintenance = false;
    await retryUntil(async () => ingest.state(), (s) => s === 'connected', { timeoutMs: 5000, intervalMs: 20, message: () => `the ingest never resumed (${ingest.state()})` });
    states.push(ingest.state());
    await device.publishAsync(`kw/cameras/${serial}/events`, 'after', { qos: 1 });
    await retryUntil(async () => received.at(-1)?.payload, (p) => p === 'after', { timeoutMs: 5000, intervalMs: 20, message: () => `"after" never arrived: ${JSON.stringify(received)}` });
    return { received, states };
  } finally {
    await ingest.close();
    await device.endAsync();
    await discardSessions(url, [clientId]);
  }
}

test('a persistent session takes the maintenance window\'s messages once, in order, marked as replayed', async () => {
  const { received, states } = await scenario(true);
  assert.deepEqual(states, ['paused', 'paused', 'connected']);
  assert.deepEqual(received.map((r) => [r.payload, r.replayed]), [['live', false], ['window-1', true], ['window-2', true], ['window-3', true], ['after', false]]);
});

test('a clean session (fault cutover-events-lost) loses what was published while it was away', async () => {
  const { received, states } = await scenario(false);
  assert.deepEqual(states, ['paused', 'paused', 'connected']);
  assert.deepEqual(received.map((r) => [r.payload, r.replayed]), [['live', false], ['after', false]]);
});

test('an event replayed from the session keeps the camera\'s time; one sent live is placed by the camera\'s clock', async () => {
  const seen: { eventId: string; clock: string | undefined; replayed: boolean | undefined }[] = [];
  const ingest: DeviceIngest = {
    status: async () => 'ok',
    heartbeat: async () => 'ok',
    event: async (_serial, input) => {
      seen.push({ eventId: input.eventId, clock: input.clock, replayed: input.replayed });
      return 'stored';
    },
  };
  const stats = { processed: 0, stored: 0, duplicates: 0, ignored: 0, failed: 0 };
  const handle = createMessageHandler(undefined as never, undefined as never, createLogger('test'), stats, ingest);
  const body = (eventId: string) => Buffer.from(JSON.stringify({ eventId, type: 'motion', at: '2026-11-26T09:31:02.120+01:00', clock: '2026-11-26T09:31:02.125+01:00' }));
  await handle('kw/cameras/CAM1/events', body('live'), { replayed: false });
  await handle('kw/cameras/CAM1/events', body('kept'), { replayed: true });
  assert.deepEqual(seen, [
    { eventId: 'live', clock: '2026-11-26T09:31:02.125+01:00', replayed: false },
    { eventId: 'kept', clock: undefined, replayed: true },
  ]);
});

test('an event the broker delivers after the marker, but sent before the session was resumed, counts as replayed', () => {
  const resumedAt = Date.parse('2026-11-26T09:40:00.000Z');
  const now = resumedAt + 5000;
  assert.equal(wasReplayed({ replayed: false, resumedAt }, '2026-11-26T10:31:02.125+01:00', now), true);
  assert.equal(wasReplayed({ replayed: false, resumedAt }, '2026-11-26T10:39:59.000+01:00', now), false, 'within the tolerance: live');
  assert.equal(wasReplayed({ replayed: false, resumedAt }, '2026-11-26T10:31:02.125+01:00', resumedAt + 120_000), false, 'long after the resumption: live');
  // A camera whose clock is 2 hours slow, just after the resumption: a wrong clock, not a message the broker kept.
  assert.equal(wasReplayed({ replayed: false, resumedAt }, new Date(resumedAt - 2 * 3600_000).toISOString(), now), false, 'a clock 2 h back: live');
  assert.equal(wasReplayed({ replayed: true, resumedAt }, new Date(resumedAt - 2 * 3600_000).toISOString(), now), false, 'even in the backlog');
  assert.equal(wasReplayed({ replayed: false }, '2026-11-26T10:31:02.125+01:00', now), false, 'no resumed session');
  assert.equal(wasReplayed({ replayed: true }, undefined, now), true);
});

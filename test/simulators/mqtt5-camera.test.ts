// The MQTT 5 camera's message properties (Content-Type, Payload Format Indicator) seen by a subscriber on the local Mosquitto, and the sessions it leaves on the platform's MQTT 5 endpoint, alone and in a fleet.

import { connect, connectAsync, type IPublishPacket } from 'mqtt';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CameraModel } from '../../catalog/index.ts';
import { startMqtt5Gateway, type Mqtt5Gateway } from '../../sandbox/ingest/mqtt5-gateway.ts';
import { createCamera, factoryPassword, planFleet, readFleetSpec, runFleet } from '../../simulators/index.ts';
import { defaultCatalogDir, loadCatalog } from '../../catalog/index.ts';
import { retryUntil } from '../../lib/wait.ts';
import { reachable } from './mqtt-observer.ts';

const model: CameraModel = { id: 'vigie-4k-2022', name: 'Vigie 4K', year: 2022, generation: 'mqtt5', firmware: ['5.0.1'], capabilities: ['motion'] };
const mosquittoUrl = process.env['MOSQUITTO_URL'] ?? 'mqtt://127.0.0.1:1883';
const serial = (): string => `V5-${randomUUID().slice(0, 8).toUpperCase()}`;

describe('what an MQTT 5 camera says each message is (on the local Mosquitto)', async () => {
  if (!(await reachable(mosquittoUrl))) {
    it(`is skipped: no broker answers at ${mosquittoUrl} (set MOSQUITTO_URL)`, { skip: true }, () => {});
    return;
  }
  const packets: IPublishPacket[] = [];
  const id = serial();
  const watcher = await connectAsync(mosquittoUrl, { protocolVersion: 5, clientId: `watch-${randomUUID()}`, reconnectPeriod: 0, connectTimeout: 3000 });
  watcher.on('message', (_topic, _payload, packet) => packets.push(packet));
  await watcher.subscribeAsync(`kw/v5/cameras/${id}/#`, { qos: 1 });
  after(async () => {
    // [MQTT-3.3.1-10] clears the retained status; Clean Start with no expiry ends the camera's session on Mosquitto.
    await watcher.publishAsync(`kw/v5/cameras/${id}/status`, '', { qos: 1, retain: true });
    await watcher.endAsync();
    const cleaner = await connectAsync(mosquittoUrl, { protocolVersion: 5, clientId: id, clean: true, reconnectPeriod: 0 });
    await cleaner.endAsync();
  });
  const seen = async (topic: string, payload: string): Promise<IPublishPacket> => (await retryUntil(
    async () => packets.find((p) => p.topic === topic && p.payload.toString() === payload), (found) => found !== undefined,
    { timeoutMs: 3000, intervalMs: 10, message: () => `no ${payload} on ${topic} within 3000 ms; saw ${packets.map((p) => `${p.topic}=${p.payload.toString()}`).join(', ')}` },
  ))!;

  it('marks the bare-word status text/plain and JSON payloads application/json, both as UTF-8 (MQTT 5 3.3.2.3.2, 3.3.2.3.9)', async () => {
    const camera = await createCamera(model, { serial: id, endpoints: { mqtt5Url: mosquittoUrl }, liveView: false, heartbeatEveryMs: 0 }).start();
    await camera.heartbeat();
    const status = await seen(`kw/v5/cameras/${id}/status`, 'online');
    // The heartbeat is published after the (retained) status: it may still be on its way when the status is seen.
    const beat = (await retryUntil(async () => packets.find((p) => p.topic.endsWith('/heartbeat')), (found) => found !== undefined, {
      timeoutMs: 3000, intervalMs: 10, message: () => `no heartbeat within 3000 ms; saw ${packets.map((p) => p.topic).join(', ')}`,
    }))!;
    assert.deepEqual([status.properties?.contentType, status.properties?.payloadFormatIndicator], ['text/plain', true]);
    assert.deepEqual([beat.properties?.contentType, beat.properties?.payloadFormatIndicator], ['application/json', true]);
    await camera.goOffline();
    const will = await seen(`kw/v5/cameras/${id}/status`, 'offline');
    assert.deepEqual([will.properties?.contentType, will.properties?.payloadFormatIndicator], ['text/plain', true], 'the last will too');
    await camera.stop();
  });
});

describe('the sessions MQTT 5 cameras leave on the platform', () => {
  let gateway: Mqtt5Gateway;
  const log = { info() {}, warn() {}, error() {} };
  before(async () => {
    const ingest = { status: async () => 'ok' as const, heartbeat: async () => 'ok' as const, event: async () => 'stored' as const };
    gateway = await startMqtt5Gateway('127.0.0.1', ingest, { processed: 0, stored: 0, duplicates: 0, ignored: 0, failed: 0 }, log);
  });
  after(() => gateway.close());

  /** Whether the platform still holds the session of `id`: a Clean Start 0 connection says so in its CONNACK [MQTT-3.2.2-2]. */
  const sessionPresent = (id: string): Promise<boolean> => new Promise((resolve, reject) => {
    const client = connect(gateway.url, { protocolVersion: 5, clientId: id, username: id, password: factoryPassword(id), clean: false, reconnectPeriod: 0, connectTimeout: 3000, properties: { sessionExpiryInterval: 0 } });
    client.once('connect', (connack) => void client.endAsync().then(() => resolve(connack.sessionPresent)));
    client.once('error', reject);
  });

  it('a single camera keeps its session after it stops, for its queued commands', async () => {
    const id = serial();
    const camera = await createCamera(model, { serial: id, endpoints: { mqtt5Url: gateway.url }, liveView: false, heartbeatEveryMs: 0 }).start();
    await camera.stop();
    assert.equal(await sessionPresent(id), true);
  });

  it('a fleet leaves no session behind, and reports its sustained message rate', async () => {
    const catalog = loadCatalog(defaultCatalogDir);
    const devices = planFleet(readFleetSpec('mqtt5=3', catalog), 5);
    const summary = await runFleet({ devices, endpoints: { mqtt5Url: gateway.url }, rampMs: 100, durationMs: 800, heartbeatEveryMs: 100, eventsPerMinute: 0, connectConcurrency: 3 });
    assert.deepEqual([summary.connected, summary.failed, summary.errors], [3, 0, 0], JSON.stringify(summary.problems));
    assert.ok(summary.messagesPerS > 0, `messagesPerS ${summary.messagesPerS} with ${summary.messages} messages`);
    for (const device of devices) assert.equal(await sessionPresent(device.serial), false, `session of ${device.serial}`);
  });
});

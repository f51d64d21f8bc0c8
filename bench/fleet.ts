// Fleet benchmark: N simulated cameras against the broker of MQTT_URL, and a bare mqtt.js loop as the floor; one JSON line.
//   node bench/fleet.ts --devices 10000 [--rounds 10] [--concurrency 500]
// Each phase runs in its own process (so each has its own peak RSS), one after the other (so they do not share the CPU).

import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { createCamera, type StartedCamera } from '../simulators/index.ts';
import { clearRetainedStatus, planFleet } from '../simulators/fleet/index.ts';
import { inTurns } from '../lib/in-turns.ts';
import { defaultCatalogDir, loadCatalog } from '../catalog/index.ts';

interface PhaseResult {
  phase: 'fleet' | 'floor';
  devices: number;
  connected: number;
  connectSeconds: number;
  messages: number;
  sendSeconds: number;
  messagesPerS: number;
  peakRssMiB: number;
}

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '500' },
    phase: { type: 'string' },
  },
});
const devices = Number(values.devices);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);
const brokerUrl = process.env['MQTT_URL'] || 'mqtt://127.0.0.1:1883';

const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

// Every round a device sends a heartbeat (QoS 0); every fifth round an event (QoS 1) instead.
const isEventRound = (round: number): boolean => round % 5 === 4;

async function fleetPhase(): Promise<PhaseResult> {
  const catalog = loadCatalog(defaultCatalogDir);
  const plan = planFleet([{ name: 'mqtt3', count: devices, models: catalog.cameraModels.filter((m) => m.generation === 'mqtt3') }], 424242);
  const cameras: StartedCamera[] = [];
  const began = Date.now();
  await inTurns(plan, concurrency, async (device) => {
    const camera = await createCamera(device.model, {
      serial: device.serial, brokerUrl, seed: device.seed, record: 'counts', liveView: false, heartbeatEveryMs: 0, connectTimeoutMs: 30_000, ackTimeoutMs: 30_000,
    }).start();
    cameras.push(camera);
  });
  const connectSeconds = (Date.now() - began) / 1000;
  const sentBefore = cameras.reduce((sum, c) => sum + c.counters.sent, 0);
  const sending = Date.now();
  await Promise.all(cameras.map(async (camera) => {
    for (let round = 0; round < rounds; round++) await (isEventRound(round) ? camera.detectMotion() : camera.heartbeat());
  }));
  const sendSeconds = (Date.now() - sending) / 1000;
  const messages = cameras.reduce((sum, c) => sum + c.counters.sent, 0) - sentBefore;
  const rss = peakRssMiB();
  await inTurns(cameras, concurrency, (camera) => camera.stop());
  await clearRetainedStatus(brokerUrl, plan.map((d) => `kw/cameras/${d.serial}/status`));
  return { phase: 'fleet', devices, connected: cameras.length, connectSeconds, messages, sendSeconds, messagesPerS: Math.round(messages / sendSeconds), peakRssMiB: rss };
}

/** The floor: the same connections and the same messages with mqtt.js alone. */
async function floorPhase(): Promise<PhaseResult> {
  const serials = Array.from({ length: devices }, (_, i) => `FLOOR-${i.toString(36).toUpperCase().padStart(5, '0')}`);
  const clients: { serial: string; client: mqtt.MqttClient }[] = [];
  const began = Date.now();
  await inTurns(serials, concurrency, async (serial) => {
    const status = `kw/cameras/${serial}/status`;
    const client = await mqtt.connectAsync(brokerUrl, {
      clientId: serial, protocolVersion: 4, clean: true, reconnectPeriod: 0, connectTimeout: 30_000,
      will: { topic: status, payload: Buffer.from('offline'), qos: 1, retain: true },
    }, false);
    await client.publishAsync(status, 'online', { qos: 1, retain: true });
    await client.publishAsync(`kw/cameras/${serial}/heartbeat`, JSON.stringify({ firmware: '3.2.4', uptimeS: 0, clock: new Date().toISOString(), liveUrl: '' }), { qos: 0 });
    clients.push({ serial, client });
  });
  const connectSeconds = (Date.now() - began) / 1000;
  const sending = Date.now();
  let messages = 0;
  await Promise.all(clients.map(async ({ serial, client }) => {
    for (let round = 0; round < rounds; round++) {
      const now = new Date().toISOString();
      if (isEventRound(round)) await client.publishAsync(`kw/cameras/${serial}/events`, JSON.stringify({ eventId: `${serial}-${round}`, type: 'motion', at: now, clock: now }), { qos: 1 });
      else await client.publishAsync(`kw/cameras/${serial}/heartbeat`, JSON.stringify({ firmware: '3.2.4', uptimeS: round, clock: now, liveUrl: '' }), { qos: 0 });
      messages += 1;
    }
  }));
  const sendSeconds = (Date.now() - sending) / 1000;
  const rss = peakRssMiB();
  await inTurns(clients, concurrency, async ({ client }) => void (await client.endAsync()));
  await clearRetainedStatus(brokerUrl, serials.map((s) => `kw/cameras/${s}/status`));
  return { phase: 'floor', devices, connected: clients.length, connectSeconds, messages, sendSeconds, messagesPerS: Math.round(messages / sendSeconds), peakRssMiB: rss };
}

function runPhase(phase: 'fleet' | 'floor'): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [import.meta.filename, '--phase', phase, '--devices', String(devices), '--rounds', String(rounds), '--concurrency', String(concurrency)],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as PhaseResult) : reject(new Error(`${phase} phase exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  if (values.phase === 'fleet' || values.phase === 'floor') {
    const result = values.phase === 'fleet' ? await fleetPhase() : await floorPhase();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const floor = await runPhase('floor');
  const fleet = await runPhase('fleet');
  const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
  process.stdout.write(`${JSON.stringify({
    broker: brokerUrl, devices, rounds,
    connectSeconds: fleet.connectSeconds, sustainedMessagesPerS: fleet.messagesPerS, peakRssMiB: fleet.peakRssMiB,
    floor: { connectSeconds: floor.connectSeconds, messagesPerS: floor.messagesPerS, peakRssMiB: floor.peakRssMiB },
    // Above 1: the simulators are slower (or bigger) than the bare loop.
    ratioToFloor: { connect: ratio(fleet.connectSeconds, floor.connectSeconds), throughput: ratio(floor.messagesPerS, fleet.messagesPerS), rss: ratio(fleet.peakRssMiB, floor.peakRssMiB) },
    targets: { connectedIn15s: fleet.connectSeconds <= 15 && fleet.connected === devices, atLeast20kPerS: fleet.messagesPerS >= 20_000, under1GiB: fleet.peakRssMiB <= 1024,
      within1_5xFloor: fleet.connectSeconds <= 1.5 * floor.connectSeconds && fleet.messagesPerS * 1.5 >= floor.messagesPerS },
  })}\n`);
}

await main();

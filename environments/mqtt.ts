// The MQTT broker for a run: an in-process aedes by default, or the broker named by MQTT_URL.

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { EnvironmentError } from '../lib/errors.ts';
import { takeFileHold } from '../lib/process-holds.ts';
import { redactUrl } from '../lib/url.ts';

export interface StartedBroker extends AsyncDisposable {
  url: string;
}

/** Where the runs of this machine say which named broker each one holds. */
export const heldBrokersDir = join(tmpdir(), 'kw-harness', 'brokers');

/**
 * Holds the named broker at `url` for the run `runId`, machine-wide, until disposed. Two runs on one broker would each
 * see the other's devices: the generated data gives both the same serials, a device's topics and client id are its
 * serial, so each run's exactly-once checks would count the other's events. A second run is refused as a broken
 * environment, naming the run that holds the broker; a hold whose process is gone is taken over.
 */
export function holdBroker(url: string, runId: string, dir = heldBrokersDir): Disposable {
  const { hostname, port } = new URL(url);
  const key = createHash('sha256').update(`${hostname.toLowerCase()}:${port || '1883'}`).digest('hex').slice(0, 16);
  const file = join(dir, `${key}.json`);
  mkdirSync(dir, { recursive: true });
  const hold = takeFileHold(file, { runId, pid: process.pid, since: new Date().toISOString(), broker: redactUrl(url) }, 0o644);
  if (!hold.taken) {
    const { runId: holder = '?', pid = '?', since = '?' } = hold.holder;
    if (pid === '?') throw new EnvironmentError(`MQTT broker at ${redactUrl(url)}: ${file} keeps coming back while this run takes it over; is another run starting? Try again`);
    throw new EnvironmentError(`MQTT broker at ${redactUrl(url)} is held by the run ${String(holder)} (process ${String(pid)}) since ${String(since)}: ` +
      'two runs on one broker see each other\'s devices. Wait for that run to end, or unset MQTT_URL to give this run an embedded broker.');
  }
  return { [Symbol.dispose]: () => hold.release() };
}

/**
 * The environment of runs started side by side on this machine: without `MQTT_URL`, each gets an embedded broker (a
 * named one is held by one run at a time, see holdBroker). `DATABASE_URL` stays: each run makes databases of its own there.
 */
export function forRunsSideBySide(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { MQTT_URL: _named, ...rest } = env;
  return rest;
}

/** Checks that the broker at `url` accepts a connection, within a deadline. */
export async function probeBroker(url: string, timeoutMs = 5000): Promise<StartedBroker> {
  const client = mqtt.connect(url, { connectTimeout: timeoutMs, reconnectPeriod: 0, clientId: `harness-probe-${process.pid}` });
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', (error) => reject(error));
      client.once('close', () => reject(new Error('connection closed')));
    });
  } catch (error) {
    throw new EnvironmentError(`MQTT broker at ${redactUrl(url)} is unreachable (${(error as Error).message}). Start it, or unset MQTT_URL to use the embedded broker.`, { cause: error });
  } finally {
    client.end(true);
  }
  return { url, async [Symbol.asyncDispose]() {} };
}

/** Ends the persistent sessions of these client ids (a clean connection discards a session), within a deadline each; never throws. */
export async function discardSessions(url: string, clientIds: string[], timeoutMs = 3000): Promise<void> {
  await Promise.all(clientIds.map(async (clientId) => {
    const client = mqtt.connect(url, { clientId, clean: true, protocolVersion: 4, connectTimeout: timeoutMs, reconnectPeriod: 0 });
    client.on('error', () => {});
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      client.once('connect', () => { clearTimeout(timer); resolve(); });
      client.once('close', () => { clearTimeout(timer); resolve(); });
    });
    await client.endAsync(true).catch(() => undefined);
  }));
}

/** Starts an aedes broker on a port chosen by the OS. */
export async function startEmbeddedBroker(): Promise<StartedBroker> {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    async [Symbol.asyncDispose]() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

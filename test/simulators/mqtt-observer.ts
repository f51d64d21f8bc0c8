// Test helper: an MQTT client that records what arrives on a topic and waits for a message with a deadline.

import { connectAsync, type MqttClient } from 'mqtt';
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { retryUntil } from '../../lib/wait.ts';

export interface Received {
  topic: string;
  payload: string;
  retain: boolean;
  qos: number;
}

export interface Observer extends AsyncDisposable {
  readonly messages: Received[];
  client: MqttClient;
  waitFor(accept: (m: Received) => boolean, what: string, timeoutMs?: number): Promise<Received>;
}

export async function observe(url: string, topic: string): Promise<Observer> {
  const client = await connectAsync(url, { clientId: `observer-${randomUUID()}`, reconnectPeriod: 0, connectTimeout: 3000 });
  const messages: Received[] = [];
  client.on('message', (t, payload, packet) => messages.push({ topic: t, payload: payload.toString(), retain: packet.retain, qos: packet.qos }));
  await client.subscribeAsync(topic, { qos: 1 });
  return {
    messages,
    client,
    async waitFor(accept, what, timeoutMs = 3000) {
      const found = await retryUntil(async () => messages.find(accept), (m) => m !== undefined, {
        timeoutMs,
        intervalMs: 10,
        message: () => `expected ${what} on ${topic} within ${timeoutMs} ms; received: ${JSON.stringify(messages)}`,
      });
      return found!;
    },
    async [Symbol.asyncDispose]() {
      await client.endAsync(true);
    },
  };
}

export interface StartedAedes extends AsyncDisposable {
  url: string;
  broker: Aedes;
}

/** An in-process aedes broker on a port the OS chooses. */
export async function startAedes(): Promise<StartedAedes> {
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    broker,
    async [Symbol.asyncDispose]() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** True when something accepts TCP connections at the MQTT URL within the deadline. */
export function reachable(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 1883), timeout: timeoutMs });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true)).once('error', () => done(false)).once('timeout', () => done(false));
  });
}

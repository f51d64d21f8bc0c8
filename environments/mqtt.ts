// The MQTT broker for a run: an in-process aedes by default, or the broker named by MQTT_URL.

import { createServer, type AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { EnvironmentError } from '../lib/errors.ts';
import { redactUrl } from '../lib/url.ts';

export interface StartedBroker extends AsyncDisposable {
  url: string;
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

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

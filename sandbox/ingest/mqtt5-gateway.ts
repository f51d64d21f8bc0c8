// The platform's MQTT 5 device endpoint: mqtt5 cameras connect here directly (the embedded broker speaks only MQTT 3.1.1).

import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.ts';
import { StartupError } from '../startup-error.ts';
import type { DeviceIngest } from './device-ingest.ts';
import type { IngestStats } from './stats.ts';
import { Mqtt5Connection } from './mqtt5-connection.ts';
import { SessionStore } from './mqtt5-sessions.ts';

export interface Mqtt5Gateway {
  url: string;
  port: number;
  connections(): number;
  /** Sends a command to a camera (queued while it is away, for `expiryS` seconds); false when it has no session or no subscription. */
  sendCommand(serial: string, command: Record<string, unknown>, expiryS?: number): boolean;
  close(): Promise<void>;
}

export async function startMqtt5Gateway(host: string, ingest: DeviceIngest, stats: IngestStats, log: Logger): Promise<Mqtt5Gateway> {
  const sessions = new SessionStore();
  const byClient = new Map<string, Mqtt5Connection>();
  const sockets = new Set<Socket>();
  const deps = {
    ingest, sessions, stats, log,
    claim(clientId: string, connection: Mqtt5Connection) {
      byClient.get(clientId)?.disconnect(0x8e); // MQTT 5 3.1.4-3: session taken over
      byClient.set(clientId, connection);
    },
    release(clientId: string, connection: Mqtt5Connection) {
      if (byClient.get(clientId) === connection) byClient.delete(clientId);
    },
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setNoDelay(true);
    new Mqtt5Connection(socket, deps);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error) => reject(new StartupError(`cannot listen for MQTT 5 devices on ${host}: ${error.message}`)));
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    url: `mqtt://${hostPart}:${port}`,
    port,
    connections: () => byClient.size,
    sendCommand(serial, command, expiryS) {
      const expiresAt = expiryS === undefined ? undefined : Date.now() + expiryS * 1000;
      return sessions.send(serial, { topic: `kw/v5/cameras/${serial}/commands`, payload: Buffer.from(JSON.stringify(command)), expiresAt });
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

// A minimal mqtt3 camera for sandbox tests: client id = serial, retained status with an "offline" last will.

import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { mqttUrl } from './processes.ts';

export interface TestCamera {
  serial: string;
  online(): Promise<void>;
  heartbeat(firmware: string): Promise<void>;
  /** Publishes an event; returns its id. */
  event(type: string, at: string, eventId?: string, extra?: Record<string, unknown>): Promise<string>;
  /** Publishes any payload on one of the camera's topics (for malformed-input tests). */
  raw(channel: 'status' | 'heartbeat' | 'events', payload: string): Promise<void>;
  /** Clears the retained status (so the broker keeps nothing of the test) and disconnects. */
  close(): Promise<void>;
}

export function newSerial(prefix = 'TST'): string {
  return `${prefix}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

export async function connectCamera(serial: string): Promise<TestCamera> {
  const topic = (channel: string) => `kw/cameras/${serial}/${channel}`;
  const client = await mqtt.connectAsync(
    mqttUrl,
    { clientId: serial, protocolVersion: 4, connectTimeout: 4000, reconnectPeriod: 0, will: { topic: topic('status'), payload: Buffer.from('offline'), qos: 1, retain: true } },
    false,
  );
  return {
    serial,
    online: async () => void (await client.publishAsync(topic('status'), 'online', { qos: 1, retain: true })),
    heartbeat: async (firmware) => void (await client.publishAsync(topic('heartbeat'), JSON.stringify({ firmware, uptimeS: 12 }), { qos: 0 })),
    async event(type, at, eventId = randomBytes(6).toString('hex'), extra = {}) {
      await client.publishAsync(topic('events'), JSON.stringify({ eventId, type, at, ...extra }), { qos: 1 });
      return eventId;
    },
    raw: async (channel, payload) => void (await client.publishAsync(topic(channel), payload, { qos: 1 })),
    async close() {
      await client.publishAsync(topic('status'), '', { qos: 1, retain: true });
      await client.endAsync();
    },
  };
}

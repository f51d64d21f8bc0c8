// An MQTT 3.1.1 device that is not a camera (alarm panel, connected object): status with a will, heartbeats, QoS 1 events, buffering and faults.

import type { IClientOptions, MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { EnvironmentError } from '../../lib/errors.ts';
import { CameraClock } from '../cameras/clock.ts';
import { connectOnce, withDeadline } from '../cameras/mqtt-connect.ts';
import { redactUrl } from '../../lib/url.ts';
import { LossyNetwork, type Packet } from '../cameras/network.ts';
import { SeededRandom, seedOf } from '../cameras/random.ts';
import { DeviceRecord } from '../cameras/record.ts';

export interface MqttDeviceOptions {
  serial: string;
  // Topic family: kw/<family>/<serial>/{status,heartbeat,events}.
  family: 'panels' | 'objects';
  brokerUrl: string;
  // How messages name the device, e.g. "object DC1-1A2B (Contact de porte DC1)".
  who: string;
  firmware: string;
  connectTimeoutMs?: number;
  ackTimeoutMs?: number;
  seed?: number;
  record?: 'full' | 'counts';
}

export interface DeviceEvent {
  eventId: string;
  type: string;
  at: string;
  [field: string]: unknown;
}

interface Pending {
  event: DeviceEvent;
}

export class MqttDevice {
  readonly record: DeviceRecord;
  readonly #o: Required<Omit<MqttDeviceOptions, 'seed' | 'record'>>;
  readonly #network: LossyNetwork;
  readonly #clock = new CameraClock('Europe/Paris');
  readonly #nonce = randomBytes(3).toString('hex');
  readonly #buffer: Pending[] = [];
  #client: MqttClient | undefined;
  #seq = 0;
  #bootedAt = Date.now();
  firmware: string;

  constructor(options: MqttDeviceOptions) {
    this.#o = { connectTimeoutMs: 5000, ackTimeoutMs: 5000, ...options };
    this.firmware = options.firmware;
    this.record = new DeviceRecord(options.record ?? 'full');
    this.#network = new LossyNetwork(new SeededRandom(options.seed ?? seedOf(options.serial)), this.record);
  }

  get serial(): string { return this.#o.serial; }
  get address(): string { return redactUrl(this.#o.brokerUrl); }
  get online(): boolean { return this.#client?.connected ?? false; }
  get buffered(): readonly DeviceEvent[] { return this.#buffer.map((p) => p.event); }
  get network(): LossyNetwork { return this.#network; }
  get clock(): CameraClock { return this.#clock; }

  #topic(leaf: 'status' | 'heartbeat' | 'events'): string {
    return `kw/${this.#o.family}/${this.#o.serial}/${leaf}`;
  }

  async connect(): Promise<void> {
    const options: IClientOptions = {
      clientId: this.#o.serial, protocolVersion: 4, clean: true,
      // [MQTT-3.1.2-8] the broker publishes the will when the device drops without DISCONNECT.
      will: { topic: this.#topic('status'), payload: Buffer.from('offline'), qos: 1, retain: true },
    };
    const client = await connectOnce(this.#o.brokerUrl, options, this.#o.connectTimeoutMs, this.#o.who);
    client.on('error', () => {});
    this.#client = client;
    await this.#publish({ topic: this.#topic('status'), payload: 'online', qos: 1, retain: true });
    await this.heartbeat({});
  }

  async heartbeat(fields: Record<string, unknown>): Promise<void> {
    if (!this.online) return;
    const beat = { firmware: this.firmware, uptimeS: Math.floor((Date.now() - this.#bootedAt) / 1000), clock: this.#clock.now(), ...fields };
    await this.#publish({ topic: this.#topic('heartbeat'), payload: JSON.stringify(beat), qos: 0, retain: false });
  }

  /** An event now; kept for later when offline. Returns it with `delivered`. */
  async event(type: string, fields: Record<string, unknown> = {}): Promise<DeviceEvent & { delivered: boolean }> {
    this.#seq += 1;
    this.record.counters.events += 1;
    const event: DeviceEvent = { eventId: `${this.#o.serial}-${this.#nonce}-${this.#seq}`, type, at: this.#clock.now(), ...fields };
    if (!this.online) {
      this.#buffer.push({ event });
      return { ...event, delivered: false };
    }
    await this.#send(event);
    return { ...event, delivered: true };
  }

  async goOffline(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.endAsync(true); // no DISCONNECT: the will fires
  }

  async comeBack(): Promise<DeviceEvent[]> {
    await this.connect();
    const delivered: DeviceEvent[] = [];
    while (this.#buffer.length > 0) {
      const next = this.#buffer[0]!;
      await this.#send(next.event);
      delivered.push(next.event);
      this.#buffer.shift();
    }
    return delivered;
  }

  async reboot(): Promise<void> {
    await this.goOffline();
    this.#bootedAt = Date.now();
    await this.comeBack();
  }

  async stop(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (!client) return;
    await client.publishAsync(this.#topic('status'), 'offline', { qos: 1, retain: true }).catch(() => {});
    await client.endAsync(false).catch(() => {});
  }

  async #send(event: DeviceEvent): Promise<void> {
    await this.#publish({ topic: this.#topic('events'), payload: JSON.stringify({ ...event, clock: this.#clock.now() }), qos: 1, retain: false });
  }

  async #publish(packet: Packet): Promise<void> {
    const client = this.#client;
    if (!client?.connected) throw new EnvironmentError(`${this.#o.who} cannot publish on ${packet.topic}: its connection to ${this.address} is down. Was the broker restarted?`);
    const { ackTimeoutMs } = this.#o;
    await this.#network.transmit(packet, () => withDeadline(client.publishAsync(packet.topic, packet.payload, { qos: packet.qos, retain: packet.retain }).then(() => undefined), ackTimeoutMs,
      () => new EnvironmentError(`${this.#o.who}: the broker at ${this.address} did not acknowledge ${packet.topic} within ${ackTimeoutMs} ms`)));
  }
}

// A started mqtt3 camera: publishes status, heartbeats and motion events; goes offline and comes back on demand.

import type { IClientOptions, MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import type { CameraModel } from '../../catalog/index.ts';
import { EnvironmentError } from '../../lib/errors.ts';
import { CameraClock } from './clock.ts';
import { connectOnce, redactUrl, withDeadline } from './mqtt-connect.ts';
import type { DetectedEvent, MotionEvent, SentMessage, StartedCamera } from './types.ts';

export interface Mqtt3Settings {
  serial: string;
  model: CameraModel;
  firmware: string;
  brokerUrl: string;
  timeZone: string;
  connectTimeoutMs: number;
  ackTimeoutMs: number;
}

type Link = { state: 'online'; client: MqttClient } | { state: 'offline' } | { state: 'lost'; why: string } | { state: 'stopped' };

export class StartedMqtt3Camera implements StartedCamera {
  readonly #s: Mqtt3Settings;
  readonly #clock: CameraClock;
  // A boot id keeps event ids unique across simulator restarts with the same serial, since the
  // platform stores events idempotently on (serial, eventId).
  readonly #boot = randomBytes(3).toString('hex');
  readonly #startedAt = Date.now();
  readonly #sent: SentMessage[] = [];
  readonly #buffered: MotionEvent[] = [];
  #seq = 0;
  #link: Link = { state: 'offline' };

  constructor(settings: Mqtt3Settings) {
    this.#s = settings;
    this.#clock = new CameraClock(settings.timeZone);
  }

  get serial(): string { return this.#s.serial; }
  get model(): CameraModel { return this.#s.model; }
  get firmware(): string { return this.#s.firmware; }
  get address(): string { return redactUrl(this.#s.brokerUrl); }
  get sent(): readonly SentMessage[] { return this.#sent; }
  get buffered(): readonly MotionEvent[] { return this.#buffered; }
  get online(): boolean { return this.#link.state === 'online'; }

  #topic(leaf: 'status' | 'heartbeat' | 'events'): string {
    return `kw/cameras/${this.#s.serial}/${leaf}`;
  }

  // Used by start() and comeBack().
  async connect(): Promise<void> {
    const options: IClientOptions = {
      clientId: this.#s.serial, // the contract: the client id is the serial
      protocolVersion: 4, // MQTT 3.1.1
      clean: true,
      // [MQTT-3.1.2-8] the broker publishes the will when the connection drops without DISCONNECT.
      will: { topic: this.#topic('status'), payload: Buffer.from('offline'), qos: 1, retain: true },
    };
    const client = await connectOnce(this.#s.brokerUrl, options, this.#s.connectTimeoutMs, `camera ${this.#s.serial}`);
    client.on('error', () => {}); // surfaced through 'close' and the link state
    client.on('close', () => {
      if (this.#link.state === 'online' && this.#link.client === client) {
        this.#link = { state: 'lost', why: 'the broker closed the connection' };
      }
    });
    this.#link = { state: 'online', client };
    await this.#publish(this.#topic('status'), 'online', 1, true);
  }

  async heartbeat(): Promise<void> {
    const payload = { firmware: this.#s.firmware, uptimeS: Math.floor((Date.now() - this.#startedAt) / 1000) };
    await this.#publish(this.#topic('heartbeat'), JSON.stringify(payload), 0, false);
  }

  async detectMotion(): Promise<DetectedEvent> {
    this.#seq += 1;
    const event: MotionEvent = { eventId: `${this.#s.serial}-${this.#boot}-${this.#seq}`, type: 'motion', at: this.#clock.now() };
    if (this.#link.state === 'offline') {
      this.#buffered.push(event);
      return { ...event, delivered: false };
    }
    await this.#publish(this.#topic('events'), JSON.stringify(event), 1, false);
    return { ...event, delivered: true };
  }

  async resend(event: MotionEvent): Promise<void> {
    await this.#publish(this.#topic('events'), JSON.stringify(event), 1, false);
  }

  async goOffline(): Promise<void> {
    const link = this.#link;
    if (link.state !== 'online') throw new Error(`camera ${this.#s.serial}: goOffline() needs an online camera; it is ${link.state}`);
    this.#link = { state: 'offline' };
    await link.client.endAsync(true); // drop the socket without DISCONNECT so the will fires
  }

  async comeBack(): Promise<MotionEvent[]> {
    if (this.#link.state !== 'offline') {
      throw new Error(`camera ${this.#s.serial}: comeBack() needs goOffline() first; the camera is ${this.#link.state}`);
    }
    await this.connect();
    const delivered: MotionEvent[] = [];
    while (this.#buffered.length > 0) {
      const event = this.#buffered[0]!;
      await this.#publish(this.#topic('events'), JSON.stringify(event), 1, false);
      delivered.push(this.#buffered.shift()!);
    }
    return delivered;
  }

  skewClock(seconds: number): void {
    this.#clock.skew(seconds);
  }

  async stop(): Promise<void> {
    const link = this.#link;
    this.#link = { state: 'stopped' };
    if (link.state !== 'online') return;
    // A graceful stop leaves "offline" retained, so the next scenario does not see a ghost camera online.
    await link.client.publishAsync(this.#topic('status'), 'offline', { qos: 1, retain: true }).catch(() => {});
    await link.client.endAsync(false).catch(() => {});
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  async #publish(topic: string, payload: string, qos: 0 | 1, retain: boolean): Promise<void> {
    const link = this.#link;
    if (link.state !== 'online') {
      const why = link.state === 'lost' ? `${link.why}; ` : '';
      throw new EnvironmentError(
        `camera ${this.#s.serial} cannot publish on ${topic}: it is ${link.state} (${why}broker ${this.address}). ` +
          (link.state === 'offline' ? 'Call comeBack() first.' : 'Was the broker restarted during the scenario?'),
      );
    }
    const ackTimeoutMs = this.#s.ackTimeoutMs;
    await withDeadline(link.client.publishAsync(topic, payload, { qos, retain }), ackTimeoutMs, () => new EnvironmentError(
      `camera ${this.#s.serial}: the broker at ${this.address} did not acknowledge ${topic} (QoS ${qos}) within ${ackTimeoutMs} ms. Is it overloaded or gone?`,
    ));
    this.#sent.push({ topic, payload, qos, retain, at: new Date().toISOString() });
  }
}

// A started camera of any generation: identity, clock, buffered events, live view and fault switches over a transport.

import { randomBytes } from 'node:crypto';
import type { CameraModel, GenerationId } from '../../catalog/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { CameraClock } from './clock.ts';
import { detectionsFor } from './detections.ts';
import { generationTraits } from './generation.ts';
import { LiveServer } from './live-server.ts';
import { LossyNetwork } from './network.ts';
import { SeededRandom, seedOf } from './random.ts';
import { DeviceRecord } from './record.ts';
import type { Beat, CameraTransport, TransportContext } from './transport.ts';
import type { CameraCounters, CameraEvent, CameraEventType, DetectedEvent, ReceivedMessage, SentMessage, StartedCamera } from './types.ts';

export interface CameraSettings {
  serial: string;
  model: CameraModel;
  firmware: string;
  timeZone: string;
  connectTimeoutMs: number;
  ackTimeoutMs: number;
  heartbeatEveryMs: number;
  record: 'full' | 'counts';
  seed: number | undefined;
  liveView: boolean;
}

const noPicture = Buffer.alloc(0);

type LinkState = 'offline' | 'online' | 'stopped';

interface Pending {
  event: CameraEvent;
  detectedAt: number;
  jpeg: Buffer;
}

export class SimulatedCamera implements StartedCamera {
  readonly #s: CameraSettings;
  readonly #clock: CameraClock;
  readonly #random: SeededRandom;
  readonly #record: DeviceRecord;
  readonly #network: LossyNetwork;
  readonly #transport: CameraTransport;
  readonly #live: LiveServer;
  // A boot nonce keeps event ids unique across simulator runs with the same serial: the platform
  // stores events idempotently on (serial, eventId).
  readonly #nonce = randomBytes(3).toString('hex');
  readonly #buffer: Pending[] = [];
  #firmware: string;
  #bootedAt = Date.now();
  #seq = 0;
  #state: LinkState = 'offline';
  #timer: NodeJS.Timeout | undefined;
  // Fleets ('counts' mode) reuse one picture per camera: encoding a JPEG for each event of thousands of cameras costs too much.
  #cachedPicture: Buffer | undefined;

  constructor(settings: CameraSettings, makeTransport: (context: TransportContext) => CameraTransport) {
    this.#s = settings;
    this.#firmware = settings.firmware;
    this.#clock = new CameraClock(settings.timeZone, generationTraits[settings.model.generation].driftPpm);
    this.#random = new SeededRandom(settings.seed ?? seedOf(settings.serial));
    this.#record = new DeviceRecord(settings.record);
    this.#network = new LossyNetwork(this.#random, this.#record);
    this.#live = new LiveServer({ serial: settings.serial, model: settings.model.id, now: () => this.#clock.now() });
    this.#transport = makeTransport({
      serial: settings.serial, model: settings.model, record: this.#record, network: this.#network,
      connectTimeoutMs: settings.connectTimeoutMs, ackTimeoutMs: settings.ackTimeoutMs, firmware: () => this.#firmware,
    });
  }

  get serial(): string { return this.#s.serial; }
  get model(): CameraModel { return this.#s.model; }
  get generation(): GenerationId { return this.#s.model.generation; }
  get firmware(): string { return this.#firmware; }
  get address(): string { return this.#transport.address; }
  get liveUrl(): string { return this.#live.url; }
  get sent(): readonly SentMessage[] { return this.#record.sent; }
  get received(): readonly ReceivedMessage[] { return this.#record.received; }
  get counters(): Readonly<CameraCounters> { return this.#record.counters; }
  get buffered(): readonly CameraEvent[] { return this.#buffer.map((p) => p.event); }
  /** MQTT 5 cameras: whether the platform resumed the camera's session at its last connection; undefined for other protocols. */
  get sessionPresent(): boolean | undefined { return this.#transport.sessionPresent; }
  get online(): boolean { return this.#state === 'online' && this.#transport.connected; }
  get #who(): string { return `camera ${this.#s.serial} (${this.#s.model.name}, ${this.generation})`; }

  /** Brings the camera up: live view, link, first heartbeat, periodic heartbeats. Used by start(). */
  async boot(): Promise<void> {
    if (this.#s.liveView) await this.#live.start();
    try {
      await this.#connect();
    } catch (error) {
      await this.#live.stop(); // a camera that never came up leaves nothing listening
      throw error;
    }
    const every = this.#s.heartbeatEveryMs;
    if (every > 0) {
      this.#timer = setInterval(() => void this.heartbeat().catch(() => (this.#record.counters.errors += 1)), every);
      this.#timer.unref();
    }
  }

  async heartbeat(): Promise<void> {
    if (!this.online) return; // an offline camera checks in when it is back
    await this.#transport.heartbeat(this.#beat());
  }

  async announceFirmware(text: string): Promise<void> {
    if (!this.online) throw new Error(`${this.#who}: announceFirmware() needs an online camera`);
    await this.#transport.heartbeat({ ...this.#beat(), firmware: text });
  }

  async announceLiveUrl(text: string): Promise<void> {
    if (!this.online) throw new Error(`${this.#who}: announceLiveUrl() needs an online camera`);
    await this.#transport.heartbeat({ ...this.#beat(), liveUrl: text });
  }

  detectMotion(): Promise<DetectedEvent> {
    return this.detect('motion');
  }

  async detect(type: CameraEventType): Promise<DetectedEvent> {
    const traits = generationTraits[this.generation];
    if (!traits.eventTypes.includes(type)) {
      throw new ConfigurationError(`${this.#who} cannot report "${type}": generation ${this.generation} reports ${traits.eventTypes.join(', ')} (catalog/data/camera-models.yaml)`);
    }
    this.#seq += 1;
    const event: CameraEvent = { eventId: `${this.#s.serial}-${this.#nonce}-${this.#seq}`, type, at: this.#clock.now() };
    if (traits.detectsOnCamera) event.detections = detectionsFor(type, this.#random);
    this.#record.counters.events += 1;
    const pending: Pending = { event, detectedAt: Date.now(), jpeg: this.#picture() };
    if (this.#state !== 'online') {
      this.#buffer.push(pending);
      return { ...event, delivered: false };
    }
    await this.#deliver(pending);
    return { ...event, delivered: true };
  }

  async resend(event: CameraEvent): Promise<void> {
    await this.#deliver({ event, detectedAt: Date.now(), jpeg: this.#picture() });
  }

  async goOffline(): Promise<void> {
    if (this.#state !== 'online') throw new Error(`${this.#who}: goOffline() needs an online camera; it is ${this.#state}`);
    this.#state = 'offline';
    await this.#transport.disconnect('abrupt');
    await this.#live.stop();
  }

  async comeBack(): Promise<CameraEvent[]> {
    if (this.#state !== 'offline') throw new Error(`${this.#who}: comeBack() needs goOffline() first; the camera is ${this.#state}`);
    if (this.#s.liveView) await this.#live.start();
    await this.#connect();
    return this.#flush();
  }

  skewClock(seconds: number): void {
    this.#clock.skew(seconds);
  }

  dropPackets(ratio: number): void {
    this.#network.setDropRatio(ratio);
  }

  slowNetwork(latencyMs: number): void {
    this.#network.setLatency(latencyMs);
  }

  async reboot(): Promise<void> {
    if (this.#state === 'stopped') throw new Error(`${this.#who}: reboot() on a stopped camera`);
    const wasOnline = this.#state === 'online';
    this.#state = 'offline';
    if (wasOnline) await this.#transport.disconnect('abrupt');
    this.#bootedAt = Date.now();
    await this.#connect();
    await this.#flush();
  }

  async downgradeFirmware(version?: string): Promise<string> {
    const versions = this.#s.model.firmware;
    const current = versions.indexOf(this.#firmware);
    const target = version ?? versions[current - 1];
    const where = `catalog/data/camera-models.yaml lists ${versions.join(', ')} for "${this.#s.model.name}"`;
    if (target === undefined) throw new ConfigurationError(`${this.#who} runs ${this.#firmware}, the oldest firmware of its model: nothing to downgrade to (${where})`);
    const index = versions.indexOf(target);
    if (index < 0 || index >= current) throw new ConfigurationError(`${this.#who}: cannot downgrade from ${this.#firmware} to "${target}", which is not an older firmware of the model (${where})`);
    this.#firmware = target;
    await this.reboot();
    return target;
  }

  async stop(): Promise<void> {
    const wasOnline = this.#state === 'online';
    this.#state = 'stopped';
    clearInterval(this.#timer);
    await this.#live.stop();
    if (wasOnline) await this.#transport.disconnect('graceful').catch(() => undefined);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  async #connect(): Promise<void> {
    await this.#transport.connect(this.#beat());
    this.#state = 'online';
    await this.#transport.heartbeat(this.#beat());
  }

  async #flush(): Promise<CameraEvent[]> {
    const delivered: CameraEvent[] = [];
    while (this.#buffer.length > 0) {
      const next = this.#buffer[0]!;
      await this.#deliver(next);
      delivered.push(next.event);
      this.#buffer.shift();
    }
    return delivered;
  }

  async #deliver(pending: Pending): Promise<void> {
    if (!this.#transport.connected) {
      throw new EnvironmentError(`${this.#who} cannot send event ${pending.event.eventId}: its link to ${this.address} is down. Was the platform or broker restarted during the scenario?`);
    }
    await this.#transport.sendEvent({ event: pending.event, clock: this.#clock.now(), ageMs: Date.now() - pending.detectedAt, jpeg: pending.jpeg });
  }

  #picture(): Buffer {
    if (!generationTraits[this.generation].takesPictures) return noPicture;
    if (this.#s.record === 'full') return this.#live.snapshot();
    this.#cachedPicture ??= this.#live.snapshot();
    return this.#cachedPicture;
  }

  #beat(): Beat {
    return { firmware: this.#firmware, uptimeS: Math.floor((Date.now() - this.#bootedAt) / 1000), clock: this.#clock.now(), liveUrl: this.#live.url };
  }
}

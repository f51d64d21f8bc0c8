// A connected object (V10) over MQTT: door contact, motion detector, smoke detector, temperature sensor, panic button / inactivity sensor.

import type { ObjectModel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import type { CameraCounters, SentMessage } from '../cameras/types.ts';
import { MqttDevice } from './mqtt-device.ts';
import { objectEventTypes, type ObjectEvent, type StartedObject } from './types.ts';

export interface ObjectOptions {
  serial: string;
  model: ObjectModel;
  brokerUrl: string;
  firmware?: string;
  seed?: number;
  record?: 'full' | 'counts';
}

const comfort = { min: 5, max: 35 };
const triggers: Record<string, { type: string; fields: Record<string, unknown> }> = {
  'door-contact': { type: 'door-open', fields: {} },
  'motion-detector': { type: 'motion', fields: {} },
  'smoke-detector': { type: 'smoke', fields: { obscurationPct: 12 } },
  'temperature-sensor': { type: 'temperature-alert', fields: { celsius: 41.5 } },
  'panic-button': { type: 'panic', fields: {} },
  'water-leak': { type: 'water-leak', fields: {} },
};

export class ConnectedObject implements StartedObject {
  readonly model: ObjectModel;
  readonly #device: MqttDevice;
  #battery = 100;

  constructor(options: ObjectOptions) {
    this.model = options.model;
    if (!Object.hasOwn(objectEventTypes, options.model.kind)) {
      throw new ConfigurationError(`object ${options.serial}: model "${options.model.name}" has kind "${options.model.kind}", which no simulator plays; fix it in catalog/data/objects.yaml`);
    }
    this.#device = new MqttDevice({
      serial: options.serial, family: 'objects', brokerUrl: options.brokerUrl, firmware: options.firmware ?? '1.0.0',
      who: `object ${options.serial} (${options.model.name})`, seed: options.seed, record: options.record,
    });
  }

  get serial(): string { return this.#device.serial; }
  get firmware(): string { return this.#device.firmware; }
  get address(): string { return this.#device.address; }
  get online(): boolean { return this.#device.online; }
  get sent(): readonly SentMessage[] { return this.#device.record.sent; }
  get counters(): Readonly<CameraCounters> { return this.#device.record.counters; }
  get buffered(): readonly { eventId: string; type: string }[] { return this.#device.buffered; }

  async start(): Promise<this> {
    await this.#device.connect();
    return this;
  }

  trigger(): Promise<ObjectEvent> {
    const { type, fields } = triggers[this.model.kind] ?? { type: 'motion', fields: {} };
    return this.report(type, fields);
  }

  report(type: string, fields: Record<string, unknown> = {}): Promise<ObjectEvent> {
    const allowed = [...(objectEventTypes[this.model.kind] ?? []), 'low-battery', 'tamper'];
    if (!allowed.includes(type)) {
      throw new ConfigurationError(`object ${this.serial} (${this.model.name}, ${this.model.kind}) cannot report "${type}"; it reports ${allowed.join(', ')}`);
    }
    return this.#device.event(type, { kind: this.model.kind, battery: this.#battery, ...fields });
  }

  reading(celsius: number): Promise<ObjectEvent> {
    if (this.model.kind !== 'temperature-sensor') throw new ConfigurationError(`object ${this.serial} (${this.model.name}) is a ${this.model.kind}, not a temperature sensor`);
    const alert = celsius < comfort.min || celsius > comfort.max;
    return this.report(alert ? 'temperature-alert' : 'temperature', { celsius });
  }

  heartbeat(): Promise<void> {
    return this.#device.heartbeat({ battery: this.#battery, kind: this.model.kind });
  }

  goOffline(): Promise<void> { return this.#device.goOffline(); }
  comeBack(): Promise<{ eventId: string; type: string }[]> { return this.#device.comeBack(); }
  skewClock(seconds: number): void { this.#device.clock.skew(seconds); }
  dropPackets(ratio: number): void { this.#device.network.setDropRatio(ratio); }
  slowNetwork(latencyMs: number): void { this.#device.network.setLatency(latencyMs); }
  reboot(): Promise<void> { return this.#device.reboot(); }

  async downgradeFirmware(version: string): Promise<string> {
    if (!/^\d+\.\d+\.\d+$/.test(version) || version.localeCompare(this.firmware, undefined, { numeric: true }) >= 0) {
      throw new ConfigurationError(`object ${this.serial}: cannot downgrade from ${this.firmware} to "${version}": give an older major.minor.patch version`);
    }
    this.#device.firmware = version;
    await this.#device.reboot();
    return version;
  }

  stop(): Promise<void> { return this.#device.stop(); }
  async [Symbol.asyncDispose](): Promise<void> { await this.stop(); }
}

// An MQTT-native alarm panel (V10): alarm events straight to the platform over MQTT, no receiving centre in between.

import type { AlarmPanelModel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { MqttDevice } from '../objects/mqtt-device.ts';
import { panelCodes, type PanelEventType } from './codes.ts';
import type { PanelCounters, PanelRecordEntry, PanelReport, StartedPanel } from './types.ts';

export interface MqttPanelOptions {
  serial: string;
  model: AlarmPanelModel;
  // Locally plain mqtt://; panels with `encryption: true` use mqtts:// on a real platform.
  brokerUrl: string;
  firmware?: string;
  seed?: number;
}

export class MqttPanel implements StartedPanel {
  readonly model: AlarmPanelModel;
  readonly #device: MqttDevice;

  constructor(options: MqttPanelOptions) {
    this.model = options.model;
    this.#device = new MqttDevice({
      serial: options.serial, family: 'panels', brokerUrl: options.brokerUrl, firmware: options.firmware ?? '4.2.0',
      who: `panel ${options.serial} (${options.model.name}, MQTT)`, seed: options.seed,
    });
  }

  get serial(): string { return this.#device.serial; }
  get firmware(): string { return this.#device.firmware; }
  get address(): string { return this.#device.address; }
  get online(): boolean { return this.#device.online; }
  get buffered(): readonly PanelEventType[] { return this.#device.buffered.map((e) => e.type as PanelEventType); }
  get clockOffsetMs(): number { return this.#device.clock.nowMs() - Date.now(); }
  get record(): readonly PanelRecordEntry[] {
    return this.#device.record.sent.map((m) => ({ direction: 'tx' as const, text: `${m.topic} ${m.payload}`, at: m.at, ...(m.dropped ? { dropped: true } : {}) }));
  }
  get counters(): Readonly<PanelCounters> {
    const c = this.#device.record.counters;
    return { sent: c.sent, dropped: c.dropped, retransmitted: c.retransmitted, acks: c.sent, naks: 0, duhs: 0, timeouts: 0 };
  }

  async start(): Promise<this> {
    await this.#device.connect();
    return this;
  }

  async report(type: PanelEventType, zone = 1): Promise<PanelReport> {
    if (!Object.hasOwn(panelCodes, type)) throw new ConfigurationError(`panel ${this.serial}: unknown alarm event "${type}"`);
    const event = await this.#device.event(type, { zone, area: 1, code: panelCodes[type].sia });
    return { type, outcome: event.delivered ? 'ack' : 'buffered', attempts: event.delivered ? 1 : 0, naks: 0 };
  }

  async supervise(): Promise<PanelReport> {
    await this.#device.heartbeat({});
    return { type: 'null', outcome: 'ack', attempts: 1, naks: 0 };
  }

  goOffline(): Promise<void> { return this.#device.goOffline(); }

  async comeBack(): Promise<PanelReport[]> {
    const delivered = await this.#device.comeBack();
    return delivered.map((e) => ({ type: e.type as PanelEventType, outcome: 'ack' as const, attempts: 1, naks: 0 }));
  }

  skewClock(seconds: number): void { this.#device.clock.skew(seconds); }
  dropPackets(ratio: number): void { this.#device.network.setDropRatio(ratio); }
  slowNetwork(latencyMs: number): void { this.#device.network.setLatency(latencyMs); }
  reboot(): Promise<void> { return this.#device.reboot(); }

  async downgradeFirmware(version: string): Promise<string> {
    if (!/^\d+\.\d+\.\d+$/.test(version) || version.localeCompare(this.firmware, undefined, { numeric: true }) >= 0) {
      throw new ConfigurationError(`panel ${this.serial}: cannot downgrade from ${this.firmware} to "${version}": give an older major.minor.patch version`);
    }
    this.#device.firmware = version;
    await this.#device.reboot();
    return version;
  }

  stop(): Promise<void> { return this.#device.stop(); }
  async [Symbol.asyncDispose](): Promise<void> { await this.stop(); }
}

// The camera's side of a bad network: latency before each packet, and packets lost at random (fault switches).

import { setTimeout as delay } from 'node:timers/promises';
import type { DeviceRecord } from './record.ts';
import type { SeededRandom } from './random.ts';

export interface Packet {
  topic: string;
  payload: string;
  qos: 0 | 1;
  retain: boolean;
}

/** How many times an acknowledged message is tried before the camera gives up and raises. */
const maxAttempts = 8;

export class LossyNetwork {
  #dropRatio = 0;
  #latencyMs = 0;
  readonly #random: SeededRandom;
  readonly #record: DeviceRecord;

  constructor(random: SeededRandom, record: DeviceRecord) {
    this.#random = random;
    this.#record = record;
  }

  setDropRatio(ratio: number): void {
    if (!(ratio >= 0 && ratio < 1)) throw new RangeError(`dropPackets(ratio): ratio must be in [0, 1), got ${ratio}`);
    this.#dropRatio = ratio;
  }

  setLatency(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`slowNetwork(ms): ms must be >= 0, got ${ms}`);
    this.#latencyMs = ms;
  }

  /**
   * Sends one packet through the faulty network. A lost QoS 0 packet is simply gone; a lost acknowledged
   * packet is retransmitted (the camera's ack timer fires) until one copy arrives.
   */
  async transmit(packet: Packet, send: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (this.#latencyMs > 0) await delay(this.#latencyMs);
      if (this.#dropRatio > 0 && this.#random.next() < this.#dropRatio && attempt < maxAttempts) {
        this.#record.recordSent({ ...packet, dropped: true });
        if (packet.qos === 0) return;
        this.#record.counters.retransmitted += 1;
        continue;
      }
      await send();
      this.#record.recordSent(packet);
      return;
    }
  }
}

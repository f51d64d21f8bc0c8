// What a device sent and received: every message in 'full' mode, only counters in 'counts' mode (fleets).

import type { CameraCounters, ReceivedMessage, SentMessage } from './types.ts';

export class DeviceRecord {
  readonly sent: SentMessage[] = [];
  readonly received: ReceivedMessage[] = [];
  readonly counters: CameraCounters = { sent: 0, received: 0, dropped: 0, retransmitted: 0, events: 0, errors: 0 };
  readonly #full: boolean;

  constructor(mode: 'full' | 'counts' = 'full') {
    this.#full = mode === 'full';
  }

  recordSent(message: Omit<SentMessage, 'at'>): void {
    if (message.dropped) this.counters.dropped += 1;
    else this.counters.sent += 1;
    if (this.#full) this.sent.push({ ...message, at: new Date().toISOString() });
  }

  recordReceived(topic: string, payload: string): void {
    this.counters.received += 1;
    if (this.#full) this.received.push({ topic, payload, at: new Date().toISOString() });
  }
}

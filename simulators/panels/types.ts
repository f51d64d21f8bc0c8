// What every simulated alarm panel offers, whatever it speaks (SIA DC-09 or MQTT): the steps talk to this.

import type { AlarmPanelModel } from '../../catalog/index.ts';
import type { PanelEventType } from './codes.ts';

export interface PanelRecordEntry {
  // "tx" a frame or message the panel sent, "rx" one it received.
  direction: 'tx' | 'rx';
  text: string;
  at: string;
  // True when the network lost it (fault `dropPackets`).
  dropped?: boolean;
}

/** How a report ended: acknowledged, refused for good (DUH), or kept for later because the panel is offline. */
export type ReportOutcome = 'ack' | 'duh' | 'buffered';

export interface PanelReport {
  // 'message': several events in one message, or a code given as it is.
  type: PanelEventType | 'null' | 'message';
  outcome: ReportOutcome;
  // How many times it was sent (retransmissions after a NAK or no answer included).
  attempts: number;
  // NAKs received for it (the receiver's clock disagreed with the panel's).
  naks: number;
}

export interface PanelCounters {
  sent: number;
  dropped: number;
  retransmitted: number;
  acks: number;
  naks: number;
  duhs: number;
  timeouts: number;
}

export interface StartedPanel extends AsyncDisposable {
  readonly serial: string;
  readonly model: AlarmPanelModel;
  readonly firmware: string;
  // Where it reports to (receiver or broker).
  readonly address: string;
  readonly online: boolean;
  readonly record: readonly PanelRecordEntry[];
  readonly counters: Readonly<PanelCounters>;
  readonly buffered: readonly PanelEventType[];
  // Milliseconds the panel's clock is ahead of real time (a NAK from the receiver resets it).
  readonly clockOffsetMs: number;
  report(type: PanelEventType, zone?: number): Promise<PanelReport>;
  // SIA DC-09 5.5.2.1: a NULL link test (MQTT panels: a heartbeat).
  supervise(): Promise<PanelReport>;
  goOffline(): Promise<void>;
  comeBack(): Promise<PanelReport[]>;
  skewClock(seconds: number): void;
  dropPackets(ratio: number): void;
  slowNetwork(latencyMs: number): void;
  reboot(): Promise<void>;
  downgradeFirmware(version: string): Promise<string>;
  stop(): Promise<void>;
}

// How a camera generation talks to the platform: the one seam between a camera's behaviour and its protocol.

import type { CameraModel } from '../../catalog/index.ts';
import type { LossyNetwork } from './network.ts';
import type { DeviceRecord } from './record.ts';
import type { CameraEvent } from './types.ts';

/** What a camera says about itself at each keep-alive or heartbeat. */
export interface Beat {
  firmware: string;
  uptimeS: number;
  // The camera's clock now (ISO-8601 with offset): lets the platform measure the camera's skew.
  clock: string;
  // The camera's own live stream, for the platform to relay ('' when it serves none).
  liveUrl: string;
}

export interface OutgoingEvent {
  event: CameraEvent;
  // The camera's clock when the event leaves (differs from `event.at` for buffered events).
  clock: string;
  // Real milliseconds since the event was detected (for MQTT 5 message expiry).
  ageMs: number;
  // A picture of the moment (http-push snapshots, https-json clips), taken when the event was detected.
  jpeg: Buffer;
}

export interface TransportContext {
  serial: string;
  model: CameraModel;
  record: DeviceRecord;
  network: LossyNetwork;
  connectTimeoutMs: number;
  ackTimeoutMs: number;
  // The firmware the camera runs now (it changes on a downgrade).
  firmware(): string;
}

export interface CameraTransport {
  // Where it talks to, credentials redacted.
  readonly address: string;
  // False once the link is gone (closed by the peer, or by disconnect()).
  readonly connected: boolean;
  // MQTT 5 only: whether the platform's CONNACK said it kept the camera's session (3.2.2.1.1 Session Present).
  readonly sessionPresent?: boolean;
  connect(beat: Beat): Promise<void>;
  // 'abrupt': the link drops with no goodbye (an MQTT will fires); 'graceful': the camera says it leaves.
  disconnect(mode: 'abrupt' | 'graceful'): Promise<void>;
  heartbeat(beat: Beat): Promise<void>;
  sendEvent(outgoing: OutgoingEvent): Promise<void>;
}

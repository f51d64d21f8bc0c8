// What every simulated camera offers, whatever its generation: the steps talk to this, not to a protocol.

import type { CameraModel } from '../../catalog/index.ts';

export interface CameraOptions {
  serial: string;
  // Defaults to the newest firmware the catalog lists for the model.
  firmware?: string;
  // Needed by MQTT generations.
  brokerUrl?: string;
  // Camera's local time zone for the `at` of its events (cameras in France: Europe/Paris).
  timeZone?: string;
  connectTimeoutMs?: number;
  // How long to wait for the broker's acknowledgement of a QoS 1 publish.
  ackTimeoutMs?: number;
}

export interface MotionEvent {
  eventId: string;
  type: 'motion';
  // ISO-8601 with the camera's UTC offset, e.g. 2025-11-26T09:31:02.120+01:00.
  at: string;
}

export interface SentMessage {
  topic: string;
  payload: string;
  qos: 0 | 1;
  retain: boolean;
  // When it left the camera (real clock, ISO UTC).
  at: string;
}

export interface DetectedEvent extends MotionEvent {
  // False when the camera was offline: the event waits for `comeBack()`.
  delivered: boolean;
}

export interface StartedCamera extends AsyncDisposable {
  readonly serial: string;
  readonly model: CameraModel;
  readonly firmware: string;
  // Where the camera talks to (broker or ingest URL, credentials redacted).
  readonly address: string;
  readonly sent: readonly SentMessage[];
  readonly buffered: readonly MotionEvent[];
  readonly online: boolean;
  heartbeat(): Promise<void>;
  detectMotion(): Promise<DetectedEvent>;
  // Sends an event again with its original id (at-least-once delivery, for idempotency checks).
  resend(event: MotionEvent): Promise<void>;
  goOffline(): Promise<void>;
  comeBack(): Promise<MotionEvent[]>;
  skewClock(seconds: number): void;
  stop(): Promise<void>;
}

export interface Camera {
  readonly serial: string;
  start(): Promise<StartedCamera>;
}

// What every simulated camera offers, whatever its generation: the steps talk to this, not to a protocol.

import type { CameraModel, GenerationId } from '../../catalog/index.ts';

/** Where a camera reaches the platform: each generation needs one of these. */
export interface CameraEndpoints {
  /** MQTT broker of generation mqtt3 (mqtt://host:port). */
  brokerUrl?: string;
  /** HTTP base URL of a platform instance, for http-push and https-json (http://host:port). */
  httpUrl?: string;
  /** MQTT 5 device endpoint of the platform, for mqtt5 (mqtt://host:port). */
  mqtt5Url?: string;
}

export interface CameraOptions {
  serial: string;
  // Defaults to the newest firmware the catalog lists for the model.
  firmware?: string;
  // Needed by MQTT 3.1.1 cameras (kept for callers that predate `endpoints`).
  brokerUrl?: string;
  endpoints?: CameraEndpoints;
  // Camera's local time zone for the `at` of its events (cameras in France: Europe/Paris).
  timeZone?: string;
  connectTimeoutMs?: number;
  // How long to wait for the platform's acknowledgement of an event (PUBACK, HTTP answer).
  ackTimeoutMs?: number;
  // Period of the keep-alive poll or heartbeat; 0 turns the timer off (heartbeat() still works). Default: the generation's.
  heartbeatEveryMs?: number;
  // 'full' keeps every message sent and received; 'counts' keeps only counters (fleets of thousands).
  record?: 'full' | 'counts';
  // Seed of the camera's random choices (dropped packets, detection boxes): same seed, same run.
  seed?: number;
  // Serve live view (MJPEG over HTTP on a port chosen by the OS). Default true.
  liveView?: boolean;
  // MQTT 5 only: how long the platform keeps the camera's session after a disconnection (default 3600 s); 0 keeps none.
  sessionExpiryS?: number;
}

export const cameraEventTypes = ['motion', 'sound', 'person', 'vehicle', 'animal', 'tamper', 'line-crossing'] as const;
export type CameraEventType = (typeof cameraEventTypes)[number];

/** What the camera's own analysis found in the picture (mqtt5 cameras detect on the camera). */
export interface Detection {
  label: 'person' | 'vehicle' | 'animal';
  confidence: number;
  // Bounding box in the picture, as fractions of its width and height: [x, y, width, height].
  box: [number, number, number, number];
}

export interface CameraEvent {
  eventId: string;
  type: CameraEventType;
  // ISO-8601 with the camera's UTC offset, e.g. 2025-11-26T09:31:02.120+01:00 (the camera's clock, skew included).
  at: string;
  detections?: Detection[];
}

/** Kept for callers written when cameras only detected motion. */
export type MotionEvent = CameraEvent;

export interface SentMessage {
  // MQTT topic, or "METHOD /path" for HTTP cameras.
  topic: string;
  // The payload as text (multipart bodies are summarised as JSON of their fields, without the JPEG bytes).
  payload: string;
  qos: 0 | 1;
  retain: boolean;
  // When it left the camera (real clock, ISO UTC).
  at: string;
  // True when the network lost it (fault `dropPackets`): the platform never saw this copy.
  dropped?: boolean;
}

export interface ReceivedMessage {
  // MQTT topic, or "STATUS METHOD /path" for HTTP answers.
  topic: string;
  payload: string;
  at: string;
}

export interface DetectedEvent extends CameraEvent {
  // False when the camera was offline: the event waits for `comeBack()`.
  delivered: boolean;
}

/** Counters kept in every record mode. */
export interface CameraCounters {
  sent: number;
  received: number;
  dropped: number;
  retransmitted: number;
  events: number;
  errors: number;
}

export interface StartedCamera extends AsyncDisposable {
  readonly serial: string;
  readonly model: CameraModel;
  readonly generation: GenerationId;
  readonly firmware: string;
  // Where the camera talks to (broker or ingest URL, credentials redacted).
  readonly address: string;
  // The camera's own MJPEG live stream (http://127.0.0.1:port/live.mjpeg), or '' when live view is off.
  readonly liveUrl: string;
  readonly sent: readonly SentMessage[];
  readonly received: readonly ReceivedMessage[];
  readonly counters: Readonly<CameraCounters>;
  readonly buffered: readonly CameraEvent[];
  readonly online: boolean;
  // MQTT 5 cameras: whether the platform resumed the camera's session at its last connection (CONNACK Session Present); undefined otherwise.
  readonly sessionPresent: boolean | undefined;
  heartbeat(): Promise<void>;
  // Fault: one heartbeat announcing this firmware text instead of the one the camera runs (a corrupted string), no reboot.
  announceFirmware(text: string): Promise<void>;
  // Fault: one heartbeat announcing this text as its live stream's address instead of its own (a garbled or hostile value).
  announceLiveUrl(text: string): Promise<void>;
  detectMotion(): Promise<DetectedEvent>;
  // An event of any type the generation can report (mqtt5 adds its own detections for person, vehicle, animal).
  detect(type: CameraEventType): Promise<DetectedEvent>;
  // Sends an event again with its original id (at-least-once delivery, for idempotency checks).
  resend(event: CameraEvent): Promise<void>;
  // Fault: the link drops without a goodbye; events detected meanwhile are buffered.
  goOffline(): Promise<void>;
  // Back online: reconnects, then delivers the buffered events in order. Returns them.
  comeBack(): Promise<CameraEvent[]>;
  // Fault: the camera's clock is off by this many seconds (negative: late).
  skewClock(seconds: number): void;
  // Fault: this fraction (0..1) of packets is lost; events are retransmitted until acknowledged.
  dropPackets(ratio: number): void;
  // Fault: every packet takes this much longer to leave.
  slowNetwork(latencyMs: number): void;
  // Fault: the camera restarts (link dropped, uptime back to 0, buffered events delivered after).
  reboot(): Promise<void>;
  // Fault: the camera is flashed with an older firmware of its model (default: the one before), then reboots.
  downgradeFirmware(version?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface Camera {
  readonly serial: string;
  start(): Promise<StartedCamera>;
}

// Parsing of what mqtt3 cameras publish (docs/platform-interface.md, "Device ingest"): anything malformed becomes a reason, never a throw.

import { isEventType } from '../event-types.ts';

export type CameraMessage =
  | { kind: 'status'; serial: string; online: boolean }
  | { kind: 'heartbeat'; serial: string; firmware: string | null; liveUrl: string | undefined }
  | { kind: 'event'; family: string; serial: string; eventId: string; type: string; at: string; clock: string | undefined; payload: Record<string, unknown> };

/** A message to act on, one to drop silently (a cleared retained status), or a reason to log. */
export type Parsed = { message: CameraMessage } | { skip: true } | { malformed: string };

/** The topic filters an instance subscribes to: cameras (mqtt3), and the MQTT alarm panels and connected objects of V10. */
export const cameraTopics = ['cameras', 'panels', 'objects'].flatMap((family) => ['status', 'heartbeat', 'events'].map((leaf) => `kw/${family}/+/${leaf}`));

const topicPattern = /^kw\/(cameras|panels|objects)\/([A-Za-z0-9._-]{1,64})\/(status|heartbeat|events)$/;

/** Event types of alarm panels and connected objects (cameras: event-types.ts). */
const familyTypes: Record<string, ReadonlySet<string>> = {
  panels: new Set(['arm', 'disarm', 'intrusion', 'fire', 'tamper', 'low-battery', 'mains-loss',
    'periodic-test', 'intrusion-restore', 'fire-restore', 'tamper-restore', 'low-battery-restore', 'mains-restore']),
  objects: new Set(['door-open', 'door-closed', 'motion', 'smoke', 'smoke-cleared', 'temperature', 'temperature-alert', 'panic', 'inactivity',
    'water-leak', 'water-leak-cleared', 'low-battery', 'tamper']),
};
/** ISO-8601 with an explicit offset: a camera's local time without one cannot be placed in time. */
export const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseCameraMessage(topic: string, payload: Buffer): Parsed {
  const match = topicPattern.exec(topic);
  if (!match) return { malformed: `unexpected topic ${topic}` };
  const [, family = 'cameras', serial = '', channel] = match;
  const text = payload.toString('utf8');
  if (channel === 'status') return parseStatus(serial, text);
  const body = parseObject(text);
  if (body === undefined) return { malformed: `${topic}: payload is not a JSON object: ${text.slice(0, 80)}` };
  return channel === 'heartbeat' ? parseHeartbeat(serial, body) : parseEvent(serial, body, topic, family);
}

function parseStatus(serial: string, text: string): Parsed {
  // An empty retained message is how a broker's retained status is cleared [MQTT-3.3.1-10].
  if (text === '') return { skip: true };
  if (text === 'online' || text === 'offline') return { message: { kind: 'status', serial, online: text === 'online' } };
  return { malformed: `kw/cameras/${serial}/status: expected online or offline, got ${JSON.stringify(text.slice(0, 40))}` };
}

function parseHeartbeat(serial: string, body: Record<string, unknown>): Parsed {
  const firmware = typeof body.firmware === 'string' && body.firmware.length <= 32 ? body.firmware : null;
  return { message: { kind: 'heartbeat', serial, firmware, liveUrl: liveUrlOf(body.liveUrl) } };
}

/** The camera's live stream: an http(s) URL, or '' when it serves none; anything else is not kept. */
export function liveUrlOf(value: unknown): string | undefined {
  if (value === '') return '';
  return typeof value === 'string' && value.length <= 300 && /^https?:\/\/\S+$/.test(value) ? value : undefined;
}

function parseEvent(serial: string, body: Record<string, unknown>, topic: string, family: string): Parsed {
  const { eventId, type, at, clock, ...payload } = body;
  if (typeof eventId !== 'string' || eventId === '' || eventId.length > 128) return { malformed: `${topic}: eventId must be a string of 1-128 characters` };
  const known = family === 'cameras' ? isEventType(type) : typeof type === 'string' && (familyTypes[family]?.has(type) ?? false);
  if (!known || typeof type !== 'string') return { malformed: `${topic}: unknown event type ${JSON.stringify(type)}` };
  if (typeof at !== 'string' || !isoWithOffset.test(at) || Number.isNaN(Date.parse(at))) {
    return { malformed: `${topic}: at must be ISO-8601 with an offset, got ${JSON.stringify(at)}` };
  }
  // `clock`: the camera's clock when it sent the event (optional), so the platform can undo the camera's skew.
  const sentClock = typeof clock === 'string' && isoWithOffset.test(clock) ? clock : undefined;
  return { message: { kind: 'event', family, serial, eventId, type, at, clock: sentClock, payload } };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

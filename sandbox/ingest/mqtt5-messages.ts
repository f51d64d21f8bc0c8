// What an mqtt5 camera publishes (kw/v5/cameras/<serial>/...), handed to the device ingest; the answer is an MQTT 5 reason code.

import type { IPublishPacket } from 'mqtt-packet';
import { isEventType } from '../event-types.ts';
import type { DeviceIngest } from './device-ingest.ts';
import { isoWithOffset, liveUrlOf } from './messages.ts';

/** MQTT 5 2.4 reason codes used in PUBACK. */
export const reason = { success: 0x00, unspecified: 0x80, notAuthorized: 0x87, topicNameInvalid: 0x90, payloadFormatInvalid: 0x99 } as const;

export interface Verdict {
  code: number;
  why?: string;
}

const topicPattern = /^kw\/v5\/cameras\/([A-Za-z0-9._-]{1,64})\/(status|heartbeat|events)$/;

/** Acts on one PUBLISH of the connected camera `serial`. */
export async function handleCameraPublish(ingest: DeviceIngest, serial: string, packet: IPublishPacket): Promise<Verdict> {
  const match = topicPattern.exec(packet.topic);
  if (!match) return { code: reason.topicNameInvalid, why: `unexpected topic ${packet.topic}` };
  if (match[1] !== serial) return { code: reason.notAuthorized, why: `camera ${serial} may not publish for ${match[1]}` };
  const text = Buffer.isBuffer(packet.payload) ? packet.payload.toString('utf8') : packet.payload;
  const channel = match[2];
  if (channel === 'status') return onStatus(ingest, serial, text);
  const body = parseObject(text);
  if (body === undefined) return { code: reason.payloadFormatInvalid, why: `${packet.topic}: payload is not a JSON object` };
  const properties = userProperties(packet);
  if (channel === 'heartbeat') {
    const firmware = typeof body.firmware === 'string' ? body.firmware : properties.firmware ?? null;
    return known(await ingest.heartbeat(serial, firmware, liveUrlOf(body.liveUrl)), serial);
  }
  return onEvent(ingest, serial, body, properties, packet.topic);
}

async function onStatus(ingest: DeviceIngest, serial: string, text: string): Promise<Verdict> {
  if (text === '') return { code: reason.success };
  if (text !== 'online' && text !== 'offline') return { code: reason.payloadFormatInvalid, why: 'status must be online or offline' };
  return known(await ingest.status(serial, text === 'online'), serial);
}

async function onEvent(ingest: DeviceIngest, serial: string, body: Record<string, unknown>, properties: Record<string, string>, topic: string): Promise<Verdict> {
  const { eventId, type, at, clock, ...rest } = body;
  if (typeof eventId !== 'string' || eventId === '' || eventId.length > 128) return { code: reason.payloadFormatInvalid, why: `${topic}: eventId must be 1-128 characters` };
  if (!isEventType(type)) return { code: reason.payloadFormatInvalid, why: `${topic}: unknown event type ${JSON.stringify(type)}` };
  if (typeof at !== 'string' || !isoWithOffset.test(at)) return { code: reason.payloadFormatInvalid, why: `${topic}: at must be ISO-8601 with an offset` };
  const sentClock = typeof clock === 'string' && isoWithOffset.test(clock) ? clock : undefined;
  // The camera's own detections and its user properties (model, firmware) travel with the event.
  const payload = { ...rest, ...(properties.firmware ? { firmware: properties.firmware } : {}) };
  const outcome = await ingest.event(serial, { eventId, type, at, clock: sentClock, payload });
  return outcome === 'unknown-device' ? notClaimed(serial) : { code: reason.success };
}

function known(outcome: 'ok' | 'unknown-device', serial: string): Verdict {
  return outcome === 'ok' ? { code: reason.success } : notClaimed(serial);
}

function notClaimed(serial: string): Verdict {
  return { code: reason.notAuthorized, why: `camera ${serial} is not claimed by any account` };
}

function userProperties(packet: IPublishPacket): Record<string, string> {
  const found = packet.properties?.userProperties ?? {};
  return Object.fromEntries(Object.entries(found).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value]));
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// Cameras misbehaving on the wire, below what a well-behaved simulator does: an HTTP-push upload cut short, and an MQTT 5
// connection that says CONNECT (and its status) in one breath then goes silent or half-open, as a camera whose power or
// radio fails. Each returns what the platform did to it, for the scenario to judge.

import { connect as tcpConnect, type Socket } from 'node:net';
import { generate, parser as createParser, type Packet } from 'mqtt-packet';
import { EnvironmentError } from '../../lib/errors.ts';
import { basicAuth, factoryPassword } from './credentials.ts';
import { deviceFetch, type DeviceAnswer } from './http-client.ts';
import { wallClock } from './http-push-transport.ts';
import { buildMultipart } from './multipart.ts';

/** A 2011 camera's snapshot upload whose body stops before its closing boundary (the link dropped mid-upload). */
export async function uploadCutShort(httpUrl: string, serial: string, timeoutMs: number): Promise<DeviceAnswer> {
  const now = wallClock(new Date().toISOString());
  const fields = { motion: '1', event: `${serial}-cut-short`, time: now, clock: now };
  const { body, contentType } = buildMultipart(fields, { name: 'image', filename: 'snapshot.jpg', type: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
  const closing = body.lastIndexOf('\r\n--');
  const request = { method: 'POST' as const, url: `${httpUrl.replace(/\/+$/, '')}/ingest/http-push/snapshot`, headers: { authorization: basicAuth(serial), 'content-type': contentType }, body: body.subarray(0, closing) };
  return deviceFetch(request, timeoutMs, `camera ${serial} (http-push, upload cut short)`);
}

/**
 * A 2011 camera's detections whose times cannot be read: one whose `time` field is no wall-clock reading (today's, with
 * "/" between the date and the hour, as a garbled firmware might write it), one whose `clock` field is. Returns the platform's two answers, in that order.
 */
export async function uploadUnreadableTimes(httpUrl: string, serial: string, timeoutMs: number): Promise<[DeviceAnswer, DeviceAnswer]> {
  const now = wallClock(new Date().toISOString());
  const garbled = now.replace(' ', '/');
  const send = (field: 'time' | 'clock', n: number): Promise<DeviceAnswer> => {
    const fields = { motion: '1', event: `${serial}-unreadable-${field}-${n}`, time: now, clock: now, [field]: garbled };
    const { body, contentType } = buildMultipart(fields, { name: 'image', filename: 'snapshot.jpg', type: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
    return deviceFetch({ method: 'POST', url: `${httpUrl.replace(/\/+$/, '')}/ingest/http-push/snapshot`, headers: { authorization: basicAuth(serial), 'content-type': contentType }, body },
      timeoutMs, `camera ${serial} (http-push, unreadable ${field})`);
  };
  return [await send('time', 1), await send('clock', 2)];
}

/**
 * A 2014 camera's detection without an event id: the camera authenticates with its factory credential, then POSTs an
 * event whose `eventId` is absent, then one whose `eventId` is empty. Returns the platform's two answers, in that order.
 */
export async function sendEventsWithoutId(httpUrl: string, serial: string, device: { model: string; firmware: string }, timeoutMs: number): Promise<[DeviceAnswer, DeviceAnswer]> {
  const base = `${httpUrl.replace(/\/+$/, '')}/ingest/https-json/v1`;
  const who = `camera ${serial} (https-json, detection without id)`;
  const token = await deviceFetch({ method: 'POST', url: `${base}/token`, headers: { authorization: basicAuth(serial), 'content-type': 'application/json' },
    body: JSON.stringify(device) }, timeoutMs, who);
  if (token.status !== 200) throw new EnvironmentError(`${who}: the platform refused its factory credential (${token.status} ${token.text.slice(0, 160)}); is the camera claimed?`);
  const bearer = `Bearer ${(JSON.parse(token.text) as { token: string }).token}`;
  const now = new Date().toISOString();
  const send = (eventId: string | undefined): Promise<DeviceAnswer> => deviceFetch({ method: 'POST', url: `${base}/events`, headers: { authorization: bearer, 'content-type': 'application/json' },
    body: JSON.stringify({ eventId, type: 'motion', at: now, clock: now }) }, timeoutMs, who);
  return [await send(undefined), await send('')];
}

/**
 * A 2014 camera's detection under a forged token: the camera obtains its token with its factory credential, then POSTs a
 * detection whose token has the same length but another signature (its last character changed). Returns the platform's answer.
 */
export async function sendEventWithForgedToken(httpUrl: string, serial: string, device: { model: string; firmware: string }, timeoutMs: number): Promise<DeviceAnswer> {
  const base = `${httpUrl.replace(/\/+$/, '')}/ingest/https-json/v1`;
  const who = `camera ${serial} (https-json, forged token)`;
  const token = await deviceFetch({ method: 'POST', url: `${base}/token`, headers: { authorization: basicAuth(serial), 'content-type': 'application/json' },
    body: JSON.stringify(device) }, timeoutMs, who);
  if (token.status !== 200) throw new EnvironmentError(`${who}: the platform refused its factory credential (${token.status} ${token.text.slice(0, 160)}); is the camera claimed?`);
  const real = (JSON.parse(token.text) as { token: string }).token;
  const forged = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
  const now = new Date().toISOString();
  return deviceFetch({ method: 'POST', url: `${base}/events`, headers: { authorization: `Bearer ${forged}`, 'content-type': 'application/json' },
    body: JSON.stringify({ eventId: `${serial}-forged-token`, type: 'motion', at: now, clock: now }) }, timeoutMs, who);
}

/** How the platform ended a raw MQTT 5 connection: the DISCONNECT reason code it sent (undefined: closed without one), and when. */
export interface Ending {
  reasonCode: number | undefined;
  afterMs: number;
}

export interface RawMqtt5Camera {
  /** Settles when the platform closes the connection. */
  readonly ended: Promise<Ending>;
  /** The CONNACK reason code (0: accepted). */
  readonly connack: Promise<number>;
  /** Drops the link from the camera's side, with no DISCONNECT. */
  drop(): void;
  /** Says "still here" (PINGREQ, MQTT 5 3.12) every `everyMs` for `forMs`, as a live camera does: each packet restarts the platform's keep-alive count. */
  keepSayingHello(everyMs: number, forMs: number): Promise<void>;
  /** False once the platform closed the connection (or the camera dropped it). */
  readonly open: boolean;
}

/**
 * An MQTT 5 camera that sends CONNECT (keep-alive `keepAliveS`, will "offline") and its retained "online" status in a single
 * write, then nothing at all: no PINGREQ, no heartbeat.
 */
export function connectThenFallSilent(mqtt5Url: string, serial: string, keepAliveS: number): Promise<RawMqtt5Camera> {
  const { hostname, port } = new URL(mqtt5Url);
  const status = `kw/v5/cameras/${serial}/status`;
  const connectPacket = {
    cmd: 'connect', protocolId: 'MQTT', protocolVersion: 5, clean: true, clientId: serial, username: serial, password: Buffer.from(factoryPassword(serial)), keepalive: keepAliveS,
    will: { topic: status, payload: Buffer.from('offline'), qos: 1, retain: true, properties: { willDelayInterval: 0 } },
  } as Packet;
  const online = { cmd: 'publish', topic: status, payload: Buffer.from('online'), qos: 0, retain: true, dup: false } as Packet;
  return new Promise((resolve, reject) => {
    const socket: Socket = tcpConnect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    const parser = createParser({ protocolVersion: 5 });
    let started = 0;
    let reasonCode: number | undefined;
    let connackSeen: (code: number) => void = () => {};
    const connack = new Promise<number>((ok) => (connackSeen = ok));
    parser.on('packet', (packet: Packet) => {
      if (packet.cmd === 'connack') connackSeen(packet.reasonCode ?? 0);
      if (packet.cmd === 'disconnect') reasonCode = packet.reasonCode ?? 0;
    });
    socket.on('data', (chunk: Buffer) => parser.parse(chunk));
    socket.on('error', () => {});
    let open = true;
    const ended = new Promise<Ending>((ok) => socket.once('close', () => {
      open = false;
      ok({ reasonCode, afterMs: Date.now() - started });
    }));
    socket.once('connect', () => {
      started = Date.now();
      socket.write(Buffer.concat([generate(connectPacket, { protocolVersion: 5 }), generate(online, { protocolVersion: 5 })]));
      resolve({
        ended, connack, drop: () => socket.destroy(),
        keepSayingHello: async (everyMs, forMs) => {
          for (const until = Date.now() + forMs; Date.now() < until && socket.writable;) {
            socket.write(generate({ cmd: 'pingreq' } as Packet, { protocolVersion: 5 }));
            await new Promise((ok) => setTimeout(ok, everyMs));
          }
        },
        get open() { return open; },
      });
    });
    socket.once('error', (error) => reject(new EnvironmentError(`camera ${serial} (MQTT 5, raw) could not reach ${mqtt5Url}: ${error.message}. Is the platform's MQTT 5 endpoint up?`, { cause: error })));
  });
}

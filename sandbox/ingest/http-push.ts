// Ingest of http-push cameras (2011–2013): keep-alive polls and multipart JPEG snapshots with a motion flag, under basic auth.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from '../http/io.ts';
import { parseWallClock } from './clock.ts';
import { basicSerial } from './credentials.ts';
import { counted, type DeviceRouteContext } from './http-context.ts';
import { readUpload, sendText } from './http-io.ts';
import { liveUrlOf } from './messages.ts';
import { boundaryOf, parseMultipart, type Part } from './multipart.ts';

const realm = { 'www-authenticate': 'Basic realm="kw-ingest"' };

export async function handleHttpPush(ctx: DeviceRouteContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  if (route !== 'GET /ingest/http-push/keepalive' && route !== 'POST /ingest/http-push/snapshot') throw new HttpError(404, `no http-push route ${route}`);
  const serial = basicSerial(req.headers.authorization);
  if (serial === undefined) return sendText(res, 401, 'ERR bad credentials\n', realm);
  await counted(ctx, () => (route.startsWith('GET') ? keepAlive(ctx, res, serial, url) : snapshot(ctx, req, res, serial)));
}

/** GET /keepalive?fw=&uptime=&clock=&live=: the camera is online; "OK" (commands would follow, one a line). */
async function keepAlive(ctx: DeviceRouteContext, res: ServerResponse, serial: string, url: URL): Promise<void> {
  // Fault: V10 wants the clock with an offset, which no 2011 camera sends (they have no NTP, no time zone).
  if (ctx.rejectKeepAlive) throw new HttpError(400, `clock must be ISO-8601 with an offset, got ${JSON.stringify(url.searchParams.get('clock'))}`);
  const firmware = url.searchParams.get('fw');
  const live = liveUrlOf(url.searchParams.get('live') ?? undefined);
  if ((await ctx.ingest.heartbeat(serial, firmware && firmware.length <= 32 ? firmware : null, live)) === 'unknown-device') return notClaimed(res, serial);
  await ctx.ingest.status(serial, true);
  sendText(res, 200, 'OK\n');
}

/** POST /snapshot (multipart: motion, event, time, clock, image): motion=1 is an event, motion=0 a periodic picture. */
async function snapshot(ctx: DeviceRouteContext, req: IncomingMessage, res: ServerResponse, serial: string): Promise<void> {
  const boundary = boundaryOf(req.headers['content-type']);
  if (boundary === undefined) throw new HttpError(400, 'expected multipart/form-data with a boundary');
  let parts: Part[];
  try {
    parts = parseMultipart(await readUpload(req), boundary);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, `malformed multipart body: ${(error as Error).message}`);
  }
  const field = (name: string): string | undefined => parts.find((p) => p.name === name && p.filename === undefined)?.data.toString('utf8').trim();
  const image = parts.find((p) => p.name === 'image');
  if (image === undefined || image.data[0] !== 0xff || image.data[1] !== 0xd8) throw new HttpError(400, 'the image part must be a JPEG');
  if (field('motion') !== '1') return sendText(res, 200, 'OK\n');
  const eventId = field('event');
  const time = field('time');
  const clock = field('clock');
  if (!eventId || eventId.length > 128) throw new HttpError(400, 'event must be the camera\'s event id (1-128 characters)');
  if (time === undefined || Number.isNaN(parseWallClock(time))) throw new HttpError(400, `time must read YYYY-MM-DD HH:MM:SS, got ${JSON.stringify(time)}`);
  if (clock === undefined || Number.isNaN(parseWallClock(clock))) throw new HttpError(400, `clock must read YYYY-MM-DD HH:MM:SS, got ${JSON.stringify(clock)}`);
  const payload = { snapshot: { type: 'image/jpeg', bytes: image.data.length } };
  const outcome = await ctx.ingest.event(serial, { eventId, type: 'motion', at: time, clock, payload }, parseWallClock);
  if (outcome === 'unknown-device') return notClaimed(res, serial);
  sendText(res, 200, 'OK\n');
}

function notClaimed(res: ServerResponse, serial: string): void {
  sendText(res, 403, `ERR camera ${serial} is not claimed by any account\n`);
}

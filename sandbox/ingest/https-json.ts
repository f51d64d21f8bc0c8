// Ingest of https-json cameras (2014–2017): a device token, then JSON heartbeats, events, and a clip per event.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { isEventType } from '../event-types.ts';
import { HttpError, sendJson } from '../http/io.ts';
import { basicSerial, tokenTtlS } from './credentials.ts';
import { counted, type DeviceRouteContext } from './http-context.ts';
import { readJsonUpload, readUpload } from './http-io.ts';
import { isoWithOffset, liveUrlOf } from './messages.ts';

const prefix = '/ingest/https-json/v1';

export async function handleHttpsJson(ctx: DeviceRouteContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname.slice(prefix.length);
  if (req.method === 'POST' && path === '/token') return token(ctx, req, res);
  const serial = bearerSerial(ctx, req);
  if (req.method === 'POST' && path === '/heartbeat') return counted(ctx, () => heartbeat(ctx, req, res, serial));
  if (req.method === 'POST' && path === '/events') return counted(ctx, () => event(ctx, req, res, serial));
  const clip = /^\/clips\/([^/]{1,128})$/.exec(path);
  if (req.method === 'PUT' && clip?.[1]) return clipUpload(req, res, serial, decodeURIComponent(clip[1]));
  throw new HttpError(404, `no https-json route ${req.method} ${url.pathname}`);
}

/** POST /token with the factory credential (basic auth): a bearer token valid for an hour. */
async function token(ctx: DeviceRouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const serial = basicSerial(req.headers.authorization);
  if (serial === undefined) throw new HttpError(401, 'bad device credentials');
  await readJsonUpload(req); // {model, firmware}: informative only
  sendJson(res, 200, { token: ctx.tokens.issue(serial), expiresInS: tokenTtlS });
}

function bearerSerial(ctx: DeviceRouteContext, req: IncomingMessage): string {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  const serial = token === undefined ? undefined : ctx.tokens.verify(token);
  if (serial === 'expired') throw new HttpError(401, 'device token expired; ask POST /ingest/https-json/v1/token for a new one');
  if (serial === undefined) throw new HttpError(401, 'missing or invalid device token');
  return serial;
}

/** POST /heartbeat {firmware, uptimeS, clock, liveUrl}: 204. */
async function heartbeat(ctx: DeviceRouteContext, req: IncomingMessage, res: ServerResponse, serial: string): Promise<void> {
  const body = await readJsonUpload(req);
  const firmware = typeof body.firmware === 'string' && body.firmware.length <= 32 ? body.firmware : null;
  if ((await ctx.ingest.heartbeat(serial, firmware, liveUrlOf(body.liveUrl))) === 'unknown-device') throw notClaimed(serial);
  await ctx.ingest.status(serial, true);
  res.writeHead(204).end();
}

/** POST /events {eventId, type, at, clock, ...}: 201 stored, 200 already stored (a retransmission). */
async function event(ctx: DeviceRouteContext, req: IncomingMessage, res: ServerResponse, serial: string): Promise<void> {
  const { eventId, type, at, clock, ...payload } = await readJsonUpload(req);
  if (typeof eventId !== 'string' || eventId === '' || eventId.length > 128) throw new HttpError(400, 'eventId must be a string of 1-128 characters');
  if (!isEventType(type)) throw new HttpError(400, `unknown event type ${JSON.stringify(type)}`);
  if (typeof at !== 'string' || !isoWithOffset.test(at)) throw new HttpError(400, `at must be ISO-8601 with an offset, got ${JSON.stringify(at)}`);
  const sentClock = typeof clock === 'string' && isoWithOffset.test(clock) ? clock : undefined;
  const outcome = await ctx.ingest.event(serial, { eventId, type, at, clock: sentClock, payload });
  if (outcome === 'unknown-device') throw notClaimed(serial);
  sendJson(res, outcome === 'stored' ? 201 : 200, { eventId, stored: outcome === 'stored' });
}

/** PUT /clips/<eventId>: the clip's bytes. The stand-in keeps their size, not the bytes (no media storage here). */
async function clipUpload(req: IncomingMessage, res: ServerResponse, serial: string, eventId: string): Promise<void> {
  const bytes = (await readUpload(req)).length;
  if (bytes === 0) throw new HttpError(400, 'empty clip');
  sendJson(res, 201, { storageKey: `clips/${serial}/${eventId}`, bytes, contentType: req.headers['content-type'] ?? 'application/octet-stream' });
}

function notClaimed(serial: string): HttpError {
  return new HttpError(403, `camera ${serial} is not claimed by any account`);
}

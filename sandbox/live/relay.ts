// Live view through the platform: the customer's client reads the camera's MJPEG stream relayed by any instance.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashToken } from '../auth.ts';
import { HttpError, readCookie } from '../http/io.ts';
import { cookieName } from '../http/space.ts';
import type { Store } from '../store/index.ts';
import type { LiveEndpoints } from './endpoints.ts';

const apiRoute = /^\/api\/devices\/([A-Za-z0-9._-]{1,64})\/live$/;
const spaceRoute = /^\/space\/([A-Za-z0-9_-]{1,64})\/live\/([A-Za-z0-9._-]{1,64})$/;

/** True when the path is a live-view route this module answers. */
export function isLiveRoute(method: string | undefined, pathname: string): boolean {
  return method === 'GET' && (apiRoute.test(pathname) || spaceRoute.test(pathname));
}

/**
 * GET /api/devices/<serial>/live (Bearer token or session cookie) and GET /space/<whiteLabel>/live/<serial>
 * (session cookie of that brand): the camera's multipart/x-mixed-replace stream, frame by frame, until the client leaves.
 */
export async function relayLive(store: Store, live: LiveEndpoints, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const api = apiRoute.exec(url.pathname);
  const space = spaceRoute.exec(url.pathname);
  const serial = api?.[1] ?? space?.[2] ?? '';
  const accountId = await viewer(store, req);
  if (accountId === undefined) throw new HttpError(401, 'log in first: live view needs a Bearer token or a customer-space session');
  if (space?.[1] !== undefined && (await store.account(accountId))?.whiteLabel !== space[1]) throw new HttpError(404, `no customer space session for ${space[1]}`);
  const devices = await store.devices(accountId);
  if (!devices.some((d) => d.serial === serial && d.kind === 'camera')) throw new HttpError(404, `no camera ${serial} in this account`);
  const source = await live.get(serial);
  if (source === undefined) throw new HttpError(404, `camera ${serial} is not streaming (offline, or it has not announced its live view yet)`);
  await pipe(source, serial, url.searchParams.get('frames'), req, res);
}

async function viewer(store: Store, req: IncomingMessage): Promise<number | undefined> {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  const token = bearer ?? readCookie(req, cookieName);
  return token === undefined ? undefined : store.sessionAccount(hashToken(token));
}

async function pipe(source: string, serial: string, frames: string | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const abort = new AbortController();
  req.on('close', () => abort.abort());
  const target = new URL(source);
  if (frames !== null && /^\d{1,4}$/.test(frames)) target.searchParams.set('frames', frames);
  let upstream: Response;
  const headersDeadline = setTimeout(() => abort.abort(), 5000); // for the answer's headers; the stream itself runs on
  try {
    upstream = await fetch(target, { signal: abort.signal });
  } catch (error) {
    throw new HttpError(502, `camera ${serial} does not answer its live stream (${(error as Error).message})`);
  } finally {
    clearTimeout(headersDeadline);
  }
  if (!upstream.ok || upstream.body === null) throw new HttpError(502, `camera ${serial} answered ${upstream.status} to its live stream`);
  res.writeHead(200, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-camera-serial': serial });
  try {
    for await (const chunk of upstream.body) {
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
    }
    res.end();
  } catch {
    res.destroy(); // the camera went away mid-stream, or the viewer left
  }
}

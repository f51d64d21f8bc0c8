// The device side of an instance's HTTP server: ingest routes and live view, in front of the customer-facing handler.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from '../http/io.ts';
import type { LiveEndpoints } from '../live/endpoints.ts';
import { isLiveRoute, relayLive } from '../live/relay.ts';
import { describeError } from '../log.ts';
import type { Store } from '../store/index.ts';
import type { DeviceRouteContext } from './http-context.ts';
import { handleHttpPush } from './http-push.ts';
import { handleHttpsJson } from './https-json.ts';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface DeviceRoutes {
  ctx: DeviceRouteContext;
  store: Store;
  live: LiveEndpoints;
}

/** Answers /ingest/... and live-view routes; hands everything else to `next`. */
export function withDeviceRoutes(routes: DeviceRoutes, next: RequestHandler): RequestHandler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://platform.invalid');
    const work = url.pathname.startsWith('/ingest/http-push/') ? handleHttpPush(routes.ctx, req, res, url)
      : url.pathname.startsWith('/ingest/https-json/v1/') ? handleHttpsJson(routes.ctx, req, res, url)
      : url.pathname.startsWith('/ingest/') ? Promise.reject(new HttpError(404, `no ingest route ${req.method} ${url.pathname}`))
      : isLiveRoute(req.method, url.pathname) ? relayLive(routes.store, routes.live, req, res, url)
      : undefined;
    if (work === undefined) return next(req, res);
    work.catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) routes.ctx.log.error(`device request ${req.method} ${url.pathname} failed: ${describeError(error)}`);
      if (res.headersSent) return void res.destroy();
      sendJson(res, status, { error: status === 500 ? 'internal error; see the instance log' : (error as Error).message });
    });
  };
}

// The HTTP request handler of one instance: /health, the JSON API and the customer space; errors answered, never thrown.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../log.ts';
import { handleApi } from './api.ts';
import type { AppContext } from './context.ts';
import { HttpError, sendJson } from './io.ts';
import { handleSpace } from './space.ts';

export function createHandler(ctx: AppContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(ctx, req, res).catch((error: unknown) => answerError(ctx, res, error));
  };
}

async function route(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://platform.invalid');
  if (url.pathname === '/health' && req.method === 'GET') return health(ctx, res);
  if (url.pathname.startsWith('/api/')) return handleApi(ctx, req, res, url);
  if (url.pathname.startsWith('/space/')) return handleSpace(ctx, req, res, url);
  throw new HttpError(404, `no route ${req.method} ${url.pathname}`);
}

/** 200 when the three databases answer, 503 otherwise: a load balancer must stop sending traffic here. */
async function health(ctx: AppContext, res: ServerResponse): Promise<void> {
  const identity = { version: ctx.version, instance: ctx.instance, startedAt: ctx.startedAt.toISOString(), pid: process.pid };
  try {
    await ctx.store.ping();
    sendJson(res, 200, { status: 'ok', ...identity, ...ctx.vitals() });
  } catch (error) {
    sendJson(res, 503, { status: 'degraded', ...identity, ...ctx.vitals(), problem: `database: ${describeError(error)}` });
  }
}

function answerError(ctx: AppContext, res: ServerResponse, error: unknown): void {
  const status = error instanceof HttpError ? error.status : 500;
  if (status === 500) ctx.log.error(`request failed: ${describeError(error)}`);
  if (res.headersSent) return void res.destroy();
  sendJson(res, status, { error: status === 500 ? 'internal error; see the instance log' : (error as Error).message });
}

// The HTTP request handler of one instance: /health, the JSON API and the customer space; errors answered, never thrown.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../log.ts';
import type { ModuleContext } from '../modules/index.ts';
import { handleApi } from './api.ts';
import { handleModulesApi } from './api-modules.ts';
import { handleBackOffice } from './backoffice.ts';
import type { AppContext } from './context.ts';
import { HttpError, sendJson } from './io.ts';
import { handleAccountClock, handleOps } from './space-ops.ts';
import type { SpaceContext } from './space-side.ts';
import { handleSpace } from './space.ts';

/** `modules`: the service modules' routes (settings, billing, recordings, payment webhook), when the instance runs them. */
export function createHandler(ctx: SpaceContext, modules?: ModuleContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(ctx, req, res, modules).catch((error: unknown) => answerError(ctx, res, error));
  };
}

async function route(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse, modules: ModuleContext | undefined): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://platform.invalid');
  if (url.pathname === '/health' && req.method === 'GET') return health(ctx, res);
  if (url.pathname.startsWith('/api/') && modules !== undefined && (await handleModulesApi(ctx, modules, req, res, url))) return;
  if (url.pathname.startsWith('/api/')) return handleApi(ctx, req, res, url);
  if (url.pathname.startsWith('/space/')) return handleSpace(ctx, req, res, url);
  if (url.pathname === '/backoffice' || url.pathname.startsWith('/backoffice/')) return handleBackOffice(ctx, req, res, url);
  if (url.pathname === '/__ops/account-clock' && modules !== undefined) return handleAccountClock(ctx, modules, req, res);
  if (url.pathname.startsWith('/__ops/')) return handleOps(ctx, req, res, url);
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

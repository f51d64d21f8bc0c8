// The JSON API of docs/platform-interface.md: signup, login, account, devices, events.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashPassword, hashToken } from '../auth.ts';
import type { AppContext } from './context.ts';
import { HttpError, readJsonObject, sendJson, stringField } from './io.ts';
import { checkCredentials, openSession } from './sessions.ts';

type Handler = (ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const routes: Record<string, Handler> = {
  'POST /api/signup': signup,
  'POST /api/login': login,
  'GET /api/account': account,
  'POST /api/devices': claimDevice,
  'GET /api/devices': listDevices,
  'GET /api/events': listEvents,
};

export async function handleApi(ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = routes[`${req.method} ${url.pathname}`];
  if (!route) throw new HttpError(404, `no API route ${req.method} ${url.pathname}`);
  await route(ctx, req, res, url);
}

/** Serials travel in MQTT topic levels: no '/', '+' or '#'. */
export const serialPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** The run id of synthetic (test) traffic, from `X-Synthetic-Traffic`. */
function syntheticRun(req: IncomingMessage): string | null {
  const value = req.headers['x-synthetic-traffic'];
  const run = Array.isArray(value) ? value[0] : value;
  return run ? run.slice(0, 200) : null;
}

async function signup(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonObject(req);
  const email = stringField(body, 'email').toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new HttpError(400, 'email must be an e-mail address');
  const password = stringField(body, 'password');
  if (password.length < 8) throw new HttpError(400, 'password must be at least 8 characters');
  const refs = {
    whiteLabel: stringField(body, 'whiteLabel'),
    accountType: stringField(body, 'accountType'),
    paymentMethod: stringField(body, 'paymentMethod'),
    offer: stringField(body, 'offer'),
  };
  const fields = { email, name: stringField(body, 'name'), phone: stringField(body, 'phone', 32), ...refs };
  const problem = await ctx.store.signupProblem(refs);
  if (problem) throw new HttpError(400, problem);
  const id = await ctx.store.createAccount({ ...fields, passwordHash: await hashPassword(password), syntheticRun: syntheticRun(req) });
  if (id === 'email-taken') throw new HttpError(409, `an account already uses ${email}`);
  sendJson(res, 201, { accountId: id });
}

async function login(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonObject(req);
  const accountId = await checkCredentials(ctx, stringField(body, 'email'), stringField(body, 'password'));
  if (accountId === undefined) throw new HttpError(401, 'wrong e-mail or password');
  sendJson(res, 200, { token: await openSession(ctx, accountId) });
}

async function authenticate(ctx: AppContext, req: IncomingMessage): Promise<number> {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const accountId = match?.[1] ? await ctx.store.sessionAccount(hashToken(match[1])) : undefined;
  if (accountId === undefined) throw new HttpError(401, 'missing, unknown or expired bearer token; POST /api/login for one');
  return accountId;
}

async function account(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const found = await ctx.store.account(await authenticate(ctx, req));
  if (!found) throw new HttpError(401, 'the account of this token no longer exists');
  sendJson(res, 200, found);
}

async function claimDevice(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const accountId = await authenticate(ctx, req);
  const body = await readJsonObject(req);
  const serial = stringField(body, 'serial', 64);
  if (!serialPattern.test(serial)) throw new HttpError(400, 'serial must be 1-64 letters, digits, ".", "_" or "-"');
  const model = stringField(body, 'model');
  const result = await ctx.store.claimDevice(accountId, serial, model);
  if (!result.ok && result.reason === 'unknown-model') throw new HttpError(400, `unknown model ${JSON.stringify(model)}`);
  if (!result.ok) throw new HttpError(409, `device ${serial} is already claimed`);
  sendJson(res, 201, { serial, model, kind: result.device.kind });
}

async function listDevices(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const devices = await ctx.store.devices(await authenticate(ctx, req));
  sendJson(
    res,
    200,
    devices.map((d) => ({ serial: d.serial, model: d.model, kind: d.kind, online: d.online, lastSeenAt: d.lastSeenAt?.toISOString() ?? null })),
  );
}

async function listEvents(ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const accountId = await authenticate(ctx, req);
  const limit = Number(url.searchParams.get('limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new HttpError(400, 'limit must be an integer from 1 to 500');
  const events = await ctx.store.events(accountId, limit);
  sendJson(res, 200, events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })));
}

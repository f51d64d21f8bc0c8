// Local-only ops endpoints (/__ops/*): the test clock (the platform's, or one account's), the notice's date, maintenance per scope, support staff accounts.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModuleContext } from '../modules/index.ts';
import { runAccountJobs } from '../modules/jobs.ts';
import { noticeSchedule, noticeStage } from '../notice/rule.ts';
import { HttpError, readJsonObject, sendJson, stringField } from './io.ts';
import type { SpaceContext } from './space-side.ts';
import { maintenanceScopes, maintenanceSwitches, setMaintenanceScope } from './space-maintenance.ts';
import type { MaintenanceScope } from './space-maintenance.ts';

type Handler = (ctx: SpaceContext, req: IncomingMessage, res: ServerResponse) => Promise<void>;

const routes: Record<string, Handler> = {
  'GET /__ops/clock': readClock,
  'POST /__ops/clock': setClock,
  'GET /__ops/notice': readNotice,
  'POST /__ops/notice': setNotice,
  'GET /__ops/maintenance': readMaintenanceScopes,
  'POST /__ops/maintenance': setMaintenanceOf,
  'POST /__ops/staff': saveStaff,
};

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Only from this machine: elsewhere the endpoints do not exist (404), so a deployed platform exposes none of them. */
export async function handleOps(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = routes[`${req.method} ${url.pathname}`];
  if (!route || !loopback.has(req.socket.remoteAddress ?? '')) throw new HttpError(404, `no route ${req.method} ${url.pathname}`);
  await route(ctx, req, res);
}

async function readClock(ctx: SpaceContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  sendJson(res, 200, { now: (await ctx.side.clock.now()).toISOString(), testClock: ctx.side.clock.settable });
}

async function setClock(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!ctx.side.clock.settable) throw new HttpError(403, 'the test clock is off on this instance: it is set only in the local environment, on instances started with --test-clock');
  const body = await readJsonObject(req);
  const now = body['now'] === null ? null : instant(body, 'now');
  sendJson(res, 200, { now: (await ctx.side.clock.set(now)).toISOString(), testClock: true });
}

async function readNotice(ctx: SpaceContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [config, now] = await Promise.all([ctx.side.notice.config(), ctx.side.clock.now()]);
  const schedule = config ? noticeSchedule(config) : undefined;
  sendJson(res, 200, {
    at: config?.at.toISOString() ?? null,
    windowMinutes: config?.windowMinutes ?? null,
    noticeFrom: schedule?.noticeFrom.toISOString() ?? null,
    reminderFrom: schedule?.reminderFrom.toISOString() ?? null,
    windowEnd: schedule?.windowEnd.toISOString() ?? null,
    now: now.toISOString(),
    stage: noticeStage(now, config),
  });
}

async function setNotice(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonObject(req);
  const at = body['at'] === null ? null : instant(body, 'at');
  const window = body['windowMinutes'] ?? ctx.side.noticeWindowMinutes;
  if (!Number.isInteger(window) || (window as number) < 1 || (window as number) > 1440) throw new HttpError(400, 'windowMinutes must be a whole number from 1 to 1440');
  await ctx.side.notice.configure(at, window as number, 'ops');
  await readNotice(ctx, req, res);
}

async function readMaintenanceScopes(ctx: SpaceContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  sendJson(res, 200, await maintenanceSwitches(ctx.side.pool));
}

async function setMaintenanceOf(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonObject(req);
  const scope = stringField(body, 'scope');
  if (!(maintenanceScopes as readonly string[]).includes(scope)) throw new HttpError(400, `scope must be one of ${maintenanceScopes.join(', ')}`);
  if (typeof body['active'] !== 'boolean') throw new HttpError(400, 'active must be true or false');
  const message = typeof body['message'] === 'string' && body['message'].trim() !== '' ? body['message'].trim() : undefined;
  await setMaintenanceScope(ctx.side.pool, scope as MaintenanceScope | 'all', body['active'], message);
  await readMaintenanceScopes(ctx, req, res);
}

async function saveStaff(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonObject(req);
  const password = stringField(body, 'password');
  if (password.length < 8) throw new HttpError(400, 'password must be at least 8 characters');
  await ctx.side.staff.save(stringField(body, 'email'), stringField(body, 'name'), password);
  sendJson(res, 201, { email: stringField(body, 'email').toLowerCase() });
}

/** An ISO-8601 instant with an offset: a bare wall-clock time would depend on the machine's zone. */
/**
 * `POST /__ops/account-clock` {email, now}: one account's modules see `now` (renewal, grace, retention run at once), or
 * their real clock again with now: null. Any account, migrated ones included, but only where the test clock is on.
 */
export async function handleAccountClock(ctx: SpaceContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || !loopback.has(req.socket.remoteAddress ?? '')) throw new HttpError(404, `no route ${req.method} /__ops/account-clock`);
  if (!ctx.side.clock.settable) throw new HttpError(403, 'the test clock is off on this instance: it is set only in the local environment, on instances started with --test-clock');
  const body = await readJsonObject(req);
  const email = stringField(body, 'email', 320);
  const id = (await ctx.store.credentials(email))?.accountId;
  if (id === undefined) throw new HttpError(404, `no account ${JSON.stringify(email)}`);
  const offset = (await m.store.state.state(id)).clockOffsetMs;
  const shift = body['now'] === null ? -offset : instant(body, 'now').getTime() - (await m.clock.now(id)).getTime();
  await m.store.state.addClockOffset(id, shift);
  await runAccountJobs(m, id);
  sendJson(res, 200, { now: (await m.clock.now(id)).toISOString() });
}

function instant(body: Record<string, unknown>, name: string): Date {
  const value = stringField(body, name, 40);
  const date = new Date(value);
  if (!/(Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(date.getTime())) throw new HttpError(400, `${name} must be an ISO-8601 instant with an offset, like 2026-12-01T09:30:00+01:00, or null`);
  return date;
}

// The customer space of each white label: logo, maintenance page, login and logout; member pages in space-member.ts.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashToken, sessionTtlMs } from '../auth.ts';
import { noticeSchedule } from '../notice/rule.ts';
import type { Branding } from '../store/index.ts';
import { readCookie, readForm, redirect, sendHtml } from './io.ts';
import { loginPage, notFoundPage } from './pages.ts';
import { checkCredentials, openSession } from './sessions.ts';
import { maintenanceFor } from './space-maintenance.ts';
import type { ActiveMaintenance } from './space-maintenance.ts';
import { memberRoute, serveMember } from './space-member.ts';
import { maintenancePage } from './space-pages.ts';
import type { SpaceContext } from './space-side.ts';

export const cookieName = 'kw_session';

export async function handleSpace(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const match = /^\/space\/([^/]+)(\/.*)?$/.exec(url.pathname);
  const whiteLabel = match?.[1] ? safeDecode(match[1]) : undefined;
  const branding = whiteLabel ? await brandingOf(ctx, whiteLabel) : undefined;
  if (!branding) return sendHtml(res, 404, notFoundPage());
  const base = `/space/${encodeURIComponent(branding.whiteLabel)}`;
  const path = match?.[2] ?? '';
  if (req.method === 'GET' && path === '/logo.svg') return sendLogo(res, branding);
  const maintenance = await maintenanceFor(ctx.side.pool, 'space');
  if (maintenance) return sendMaintenance(ctx, res, maintenance, (backAt) => maintenancePage(branding, maintenance.message, backAt));
  switch (`${req.method} ${path}`) {
    case 'GET ':
      return redirect(res, `${base}/`);
    case 'GET /login':
      return sendHtml(res, 200, loginPage(branding));
    case 'POST /login':
      return login(ctx, req, res, branding, base);
    case 'POST /logout':
      return logout(ctx, req, res, base);
  }
  const route = memberRoute(req.method ?? '', path);
  if (!route) return sendHtml(res, 404, notFoundPage());
  const token = readCookie(req, cookieName);
  const accountId = token ? await ctx.store.sessionAccount(hashToken(token)) : undefined;
  const account = accountId === undefined ? undefined : await ctx.store.account(accountId);
  if (!account || account.whiteLabel !== branding.whiteLabel) return redirect(res, `${base}/login`);
  await serveMember(ctx, req, res, { branding, base, account, url }, route);
}

/** The brand as stored, except under the `swap-logo:<a>,<b>` fault, where a and b show each other's logo. */
async function brandingOf(ctx: SpaceContext, whiteLabel: string): Promise<Branding | undefined> {
  const branding = await ctx.store.branding(whiteLabel);
  const [a, b] = ctx.side.faults.argument('swap-logo')?.split(',') ?? [];
  const other = whiteLabel === a ? b : whiteLabel === b ? a : undefined;
  if (!branding || other === undefined) return branding;
  const swapped = await ctx.store.branding(other);
  return swapped ? { ...branding, logoSvg: swapped.logoSvg } : branding;
}

function sendLogo(res: ServerResponse, branding: Branding): void {
  res.writeHead(200, { 'content-type': 'image/svg+xml', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'cache-control': 'no-cache' });
  res.end(branding.logoSvg);
}

/**
 * 503 with Retry-After: the seconds to the end of the announced window when the platform's clock is inside it
 * (at least 60), else 300.
 */
export async function sendMaintenance(ctx: SpaceContext, res: ServerResponse, _m: ActiveMaintenance, page: (backAt: Date | undefined) => string): Promise<void> {
  const [config, now] = await Promise.all([ctx.side.notice.config(), ctx.side.clock.now()]);
  const end = config ? noticeSchedule(config).windowEnd : undefined;
  const inWindow = config !== undefined && end !== undefined && now >= config.at && now < end;
  const retryAfter = inWindow ? Math.max(60, Math.ceil((end.getTime() - now.getTime()) / 1000)) : 300;
  sendHtml(res, 503, page(inWindow ? end : undefined), { 'retry-after': String(retryAfter) });
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function login(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse, b: Branding, base: string): Promise<void> {
  const form = await readForm(req);
  const accountId = await checkCredentials(ctx, form.get('email') ?? '', form.get('password') ?? '', b.whiteLabel);
  if (accountId === undefined) return sendHtml(res, 401, loginPage(b, 'Adresse e-mail ou mot de passe incorrect.'));
  const token = await openSession(ctx, accountId);
  const cookie = `${cookieName}=${token}; Path=${base}/; HttpOnly; SameSite=Lax; Max-Age=${sessionTtlMs / 1000}`;
  redirect(res, `${base}/`, { 'set-cookie': cookie });
}

async function logout(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const token = readCookie(req, cookieName);
  if (token) await ctx.store.deleteSession(hashToken(token));
  redirect(res, `${base}/login`, { 'set-cookie': `${cookieName}=; Path=${base}/; HttpOnly; SameSite=Lax; Max-Age=0` });
}

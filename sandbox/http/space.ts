// The customer space of each white label: login, dashboard, logout and logo, behind a session cookie kept in the database.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashToken, sessionTtlMs } from '../auth.ts';
import type { Branding } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { readCookie, readForm, redirect, sendHtml } from './io.ts';
import { dashboardPage, loginPage, notFoundPage } from './pages.ts';
import { checkCredentials, openSession } from './sessions.ts';

const cookieName = 'kw_session';

export async function handleSpace(ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const match = /^\/space\/([^/]+)(\/.*)?$/.exec(url.pathname);
  const whiteLabel = match?.[1] ? safeDecode(match[1]) : undefined;
  const branding = whiteLabel ? await ctx.store.branding(whiteLabel) : undefined;
  if (!branding) return sendHtml(res, 404, notFoundPage());
  const base = `/space/${encodeURIComponent(branding.whiteLabel)}`;
  const page = `${req.method} ${match?.[2] ?? ''}`;
  switch (page) {
    case 'GET ':
      return redirect(res, `${base}/`);
    case 'GET /':
      return dashboard(ctx, req, res, branding, base);
    case 'GET /login':
      return sendHtml(res, 200, loginPage(branding));
    case 'POST /login':
      return login(ctx, req, res, branding, base);
    case 'POST /logout':
      return logout(ctx, req, res, base);
    case 'GET /logo.svg':
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'cache-control': 'max-age=300' });
      return void res.end(branding.logoSvg);
    default:
      return sendHtml(res, 404, notFoundPage());
  }
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function dashboard(ctx: AppContext, req: IncomingMessage, res: ServerResponse, b: Branding, base: string): Promise<void> {
  const token = readCookie(req, cookieName);
  const accountId = token ? await ctx.store.sessionAccount(hashToken(token)) : undefined;
  const account = accountId === undefined ? undefined : await ctx.store.account(accountId);
  if (!account || account.whiteLabel !== b.whiteLabel) return redirect(res, `${base}/login`);
  const [devices, events] = await Promise.all([ctx.store.devices(account.id), ctx.store.events(account.id, 50)]);
  sendHtml(res, 200, dashboardPage(b, account.name, devices, events));
}

async function login(ctx: AppContext, req: IncomingMessage, res: ServerResponse, b: Branding, base: string): Promise<void> {
  const form = await readForm(req);
  const accountId = await checkCredentials(ctx, form.get('email') ?? '', form.get('password') ?? '', b.whiteLabel);
  if (accountId === undefined) return sendHtml(res, 401, loginPage(b, 'Adresse e-mail ou mot de passe incorrect.'));
  const token = await openSession(ctx, accountId);
  const cookie = `${cookieName}=${token}; Path=${base}/; HttpOnly; SameSite=Lax; Max-Age=${sessionTtlMs / 1000}`;
  redirect(res, `${base}/`, { 'set-cookie': cookie });
}

async function logout(ctx: AppContext, req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const token = readCookie(req, cookieName);
  if (token) await ctx.store.deleteSession(hashToken(token));
  redirect(res, `${base}/login`, { 'set-cookie': `${cookieName}=; Path=${base}/; HttpOnly; SameSite=Lax; Max-Age=0` });
}

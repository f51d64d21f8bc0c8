// The back office for support staff: its own login, customer search, a customer's contract and devices, instance health.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionTtlMs } from '../auth.ts';
import { listInstances } from './backoffice-instances.ts';
import { backOfficeMaintenancePage, customerPage, homePage, searchPage, staffLoginPage } from './backoffice-pages.ts';
import type { StaffMember } from './backoffice-staff.ts';
import { readCookie, readForm, redirect, sendHtml } from './io.ts';
import { notFoundPage } from './pages.ts';
import { sendMaintenance } from './space.ts';
import type { SpaceContext } from './space-side.ts';

const cookieName = 'kw_staff';
const base = '/backoffice';

export async function handleBackOffice(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const maintenance = await ctx.side.backOfficeMaintenance();
  if (maintenance) return sendMaintenance(ctx, res, maintenance, (backAt) => backOfficeMaintenancePage(maintenance.message, backAt));
  const page = `${req.method} ${url.pathname.slice(base.length)}`;
  if (page === 'GET ') return redirect(res, `${base}/`);
  if (page === 'GET /login') return sendHtml(res, 200, staffLoginPage());
  if (page === 'POST /login') return login(ctx, req, res);
  const token = readCookie(req, cookieName);
  const staff = token ? await ctx.side.staff.member(token) : undefined;
  if (page === 'POST /logout') return logout(ctx, res, token);
  if (!staff) return redirect(res, `${base}/login`);
  if (page === 'GET /') return sendHtml(res, 200, homePage(staff.name, await listInstances(ctx.side.pool)));
  if (page === 'GET /customers') return search(ctx, res, staff, url.searchParams.get('q') ?? '');
  const customer = /^GET \/customers\/(\d{1,9})$/.exec(page);
  if (customer?.[1]) return showCustomer(ctx, res, staff, Number(customer[1]));
  sendHtml(res, 404, notFoundPage());
}

async function login(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const token = await ctx.side.staff.login(form.get('email') ?? '', form.get('password') ?? '');
  if (!token) return sendHtml(res, 401, staffLoginPage('Adresse e-mail ou mot de passe incorrect.'));
  redirect(res, `${base}/`, { 'set-cookie': `${cookieName}=${token}; Path=${base}/; HttpOnly; SameSite=Strict; Max-Age=${sessionTtlMs / 1000}` });
}

async function logout(ctx: SpaceContext, res: ServerResponse, token: string | undefined): Promise<void> {
  if (token) await ctx.side.staff.logout(token);
  redirect(res, `${base}/login`, { 'set-cookie': `${cookieName}=; Path=${base}/; HttpOnly; SameSite=Strict; Max-Age=0` });
}

async function search(ctx: SpaceContext, res: ServerResponse, staff: StaffMember, query: string): Promise<void> {
  const trimmed = query.trim().slice(0, 100);
  const results = trimmed === '' ? [] : await ctx.store.searchAccounts(trimmed, 50);
  sendHtml(res, 200, searchPage(staff.name, trimmed, results));
}

async function showCustomer(ctx: SpaceContext, res: ServerResponse, staff: StaffMember, id: number): Promise<void> {
  const [account, devices, labels] = await Promise.all([ctx.store.account(id), ctx.store.supportDevices(id), ctx.store.labels()]);
  if (!account) return sendHtml(res, 404, notFoundPage());
  const brand = (await ctx.store.branding(account.whiteLabel))?.brand ?? account.whiteLabel;
  sendHtml(res, 200, customerPage(staff.name, {
    id: account.id,
    name: account.name,
    email: account.email,
    phone: account.phone,
    brand,
    partner: labels.partners[account.partner] ?? account.partner,
    offer: labels.offers[account.offer] ?? account.offer,
    accountType: labels.accountTypes[account.accountType] ?? account.accountType,
    modules: account.modules.map((m) => ({ id: m, name: labels.modules[m] ?? m })),
    devices,
  }));
}

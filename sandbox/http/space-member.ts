// The pages of a logged-in customer: dashboard, events, recordings and playback, settings, live view, notice dismissal.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account, Branding } from '../store/index.ts';
import { readForm, redirect, sendHtml } from './io.ts';
import { dashboardPage, notFoundPage } from './pages.ts';
import { dueNotice, noticeFragment } from './space-notice.ts';
import { eventsPage, livePage, playbackPage, recordingsPage, settingsPage } from './space-pages.ts';
import { readModuleSettings, saveModuleSettings } from './space-settings.ts';
import type { SpaceContext } from './space-side.ts';
import type { SafeHtml } from './html.ts';

export interface Member {
  branding: Branding;
  base: string;
  account: Account;
  url: URL;
}

interface Page {
  ctx: SpaceContext;
  req: IncomingMessage;
  res: ServerResponse;
  member: Member;
  /** The path's parameter (a recording id). */
  param: string | undefined;
  notice: () => Promise<SafeHtml | undefined>;
}

type Route = { pattern: RegExp; serve: (page: Page) => Promise<void> };

const routes: Record<string, Route> = {
  dashboard: { pattern: /^GET \/$/, serve: dashboard },
  events: { pattern: /^GET \/events$/, serve: events },
  recordings: { pattern: /^GET \/recordings$/, serve: recordings },
  playback: { pattern: /^GET \/recordings\/(\d{1,15})$/, serve: playback },
  settings: { pattern: /^GET \/settings$/, serve: settings },
  saveSettings: { pattern: /^POST \/settings$/, serve: saveSettings },
  live: { pattern: /^GET \/live$/, serve: live },
  dismiss: { pattern: /^POST \/notice\/dismiss$/, serve: dismiss },
};

/** The member route of `METHOD /path`, if there is one. */
export function memberRoute(method: string, path: string): { route: Route; param: string | undefined } | undefined {
  for (const route of Object.values(routes)) {
    const match = route.pattern.exec(`${method} ${path}`);
    if (match) return { route, param: match[1] };
  }
  return undefined;
}

export async function serveMember(ctx: SpaceContext, req: IncomingMessage, res: ServerResponse, member: Member, found: { route: Route; param: string | undefined }): Promise<void> {
  const back = member.url.pathname;
  const notice = async () => noticeFragment(member.branding, await dueNotice(ctx, member.account.id), back);
  await found.route.serve({ ctx, req, res, member, param: found.param, notice });
}

async function dashboard({ ctx, res, member, notice }: Page): Promise<void> {
  const [devices, events, fragment] = await Promise.all([ctx.store.devices(member.account.id), ctx.store.events(member.account.id, 50), notice()]);
  sendHtml(res, 200, dashboardPage(member.branding, member.account.name, devices, events, fragment));
}

async function events({ ctx, res, member, notice }: Page): Promise<void> {
  const [list, fragment] = await Promise.all([ctx.store.events(member.account.id, 200), notice()]);
  sendHtml(res, 200, eventsPage(member.branding, list, fragment));
}

async function recordings({ ctx, res, member, notice }: Page): Promise<void> {
  const [list, fragment] = await Promise.all([ctx.store.recordings(member.account.id, 100), notice()]);
  sendHtml(res, 200, recordingsPage(member.branding, list, fragment));
}

async function playback({ ctx, res, member, param, notice }: Page): Promise<void> {
  const recording = await ctx.store.recording(member.account.id, Number(param));
  if (!recording) return sendHtml(res, 404, notFoundPage());
  sendHtml(res, 200, playbackPage(member.branding, recording, await notice()));
}

async function settings({ ctx, res, member, notice }: Page): Promise<void> {
  const { account } = member;
  const [labels, saved, fragment] = await Promise.all([ctx.store.labels(), readModuleSettings(ctx.side.pool, account.id, account.modules), notice()]);
  const modules = account.modules.map((id) => ({ id, name: labels.modules[id] ?? id, enabled: saved.get(id) ?? true }));
  sendHtml(res, 200, settingsPage(member.branding, labels.offers[account.offer] ?? account.offer, modules, member.url.searchParams.has('saved'), fragment));
}

async function saveSettings({ ctx, req, res, member }: Page): Promise<void> {
  const form = await readForm(req);
  await saveModuleSettings(ctx.side.pool, member.account.id, member.account.modules, new Set(form.getAll('module')));
  redirect(res, `${member.base}/settings?saved=1`);
}

async function live({ res, member, notice }: Page): Promise<void> {
  sendHtml(res, 200, livePage(member.branding, await notice()));
}

/** Remembers the dismissal of the notice the customer saw, if it is still the one due; goes back to their page. */
async function dismiss({ ctx, req, res, member }: Page): Promise<void> {
  const form = await readForm(req);
  const due = await dueNotice(ctx, member.account.id);
  if (due && form.get('stage') === due.stage && form.get('cut') === due.config.at.toISOString()) {
    await ctx.side.notice.dismiss(member.account.id, due.config, due.stage);
  }
  const back = form.get('back') ?? '';
  redirect(res, back.startsWith(`${member.base}/`) && !back.includes('//') ? back : `${member.base}/`);
}

// The modules' JSON API: state and quotas, AI and home-care settings, billing, recordings, the payment webhook, the test clock.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashToken } from '../auth.ts';
import { aiClasses, isAiClass } from '../modules/ai.ts';
import { parisMonth } from '../modules/clock.ts';
import type { ModuleContext } from '../modules/context.ts';
import { runAccountJobs } from '../modules/jobs.ts';
import { policy } from '../modules/policy.ts';
import { purgeExpired, retentionCutoff } from '../modules/recordings.ts';
import { billingView } from '../payments/view.ts';
import { onPaymentWebhook } from '../payments/webhooks.ts';
import type { ModuleAccount } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { HttpError, readJsonObject, sendJson } from './io.ts';

type Route = (app: AppContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const routes: Record<string, Route> = {
  'GET /api/modules': modulesState,
  'GET /api/settings/ai': (app, m, req, res) => withModule(app, m, req, 'ai', async (a) => sendJson(res, 200, { classes: (await m.store.state.state(a.id)).aiClasses })),
  'PUT /api/settings/ai': putAiClasses,
  'GET /api/settings/home-care': (app, m, req, res) => withModule(app, m, req, 'home-care', async (a) => {
    const { homeCare, watchSince } = await m.store.state.state(a.id);
    sendJson(res, 200, homeCare === null ? null : { ...homeCare, watchingSince: watchSince?.toISOString() ?? null });
  }),
  'PUT /api/settings/home-care': putHomeCare,
  'GET /api/billing': async (app, m, req, res) => sendJson(res, 200, await billingView(m, await moduleAccount(app, m, req))),
  'PUT /api/billing/instrument': putInstrument,
  'GET /api/recordings': listRecordings,
  'POST /api/test/clock': advanceClock,
  'POST /api/webhooks/payment': async (_app, m, req, res) => {
    const answer = await onPaymentWebhook(m, await readJsonObject(req));
    sendJson(res, answer.status, answer.status === 200 ? { result: answer.message } : { error: answer.message });
  },
};

/** Answers the request when it is one of the modules' routes; false otherwise (the main API answers it). */
export async function handleModulesApi(app: AppContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const route = routes[`${req.method} ${url.pathname}`];
  if (route === undefined) return false;
  await route(app, m, req, res, url);
  return true;
}

async function moduleAccount(app: AppContext, m: ModuleContext, req: IncomingMessage): Promise<ModuleAccount> {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const accountId = match?.[1] ? await app.store.sessionAccount(hashToken(match[1])) : undefined;
  if (accountId === undefined) throw new HttpError(401, 'missing, unknown or expired bearer token; POST /api/login for one');
  const account = await m.store.versioned.account(accountId);
  if (account === undefined) throw new HttpError(401, 'the account of this token no longer exists');
  return account;
}

/** Settings of a module the offer lacks are refused: an offer without AI has no classes to choose. */
async function withModule(app: AppContext, m: ModuleContext, req: IncomingMessage, module: string, work: (a: ModuleAccount) => Promise<void>): Promise<void> {
  const account = await moduleAccount(app, m, req);
  if (!account.modules.includes(module)) throw new HttpError(403, `offer ${JSON.stringify(account.offer)} does not include the ${module} module`);
  await work(account);
}

async function modulesState(app: AppContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const account = await moduleAccount(app, m, req);
  const now = await m.clock.now(account.id);
  const billing = await m.store.billing.billing(account.id, account.createdAt);
  const used = await m.store.state.usage(account.id, parisMonth(now));
  sendJson(res, 200, {
    offer: account.offer, modules: account.modules, suspended: billing.suspended, now: now.toISOString(),
    quotas: { period: parisMonth(now), sms: { used: used.sms, limit: account.smsQuota }, email: { used: used.email, limit: account.emailQuota } },
    mailsQueued: await m.store.outbox.pending(account.id),
  });
}

async function putAiClasses(app: AppContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await withModule(app, m, req, 'ai', async (account) => {
    const { classes } = await readJsonObject(req);
    if (!Array.isArray(classes) || !classes.every(isAiClass)) throw new HttpError(400, `classes must be a list of ${aiClasses.join(', ')}`);
    const chosen = aiClasses.filter((c) => classes.includes(c));
    await m.store.state.setAiClasses(account.id, chosen);
    sendJson(res, 200, { classes: chosen });
  });
}

async function putHomeCare(app: AppContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await withModule(app, m, req, 'home-care', async (account) => {
    const body = await readJsonObject(req);
    const { windowMinutes, familyPhone, familyEmail = null } = body;
    const { minMinutes, maxMinutes } = policy.homeCare;
    if (!Number.isInteger(windowMinutes) || (windowMinutes as number) < minMinutes || (windowMinutes as number) > maxMinutes) {
      throw new HttpError(400, `windowMinutes must be a whole number of minutes from ${minMinutes} to ${maxMinutes}`);
    }
    if (typeof familyPhone !== 'string' || !/^\+\d{8,15}$/.test(familyPhone)) throw new HttpError(400, 'familyPhone must be an international number like +33612345678');
    if (familyEmail !== null && (typeof familyEmail !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(familyEmail))) throw new HttpError(400, 'familyEmail must be an e-mail address or null');
    const settings = { windowMinutes: windowMinutes as number, familyPhone, familyEmail: familyEmail as string | null };
    await m.store.state.setHomeCare(account.id, settings, await m.clock.now(account.id));
    sendJson(res, 200, settings);
  });
}

async function putInstrument(app: AppContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const account = await moduleAccount(app, m, req);
  const { instrument } = await readJsonObject(req);
  const text = typeof instrument === 'string' ? instrument.replace(/\s+/g, '').toUpperCase() : '';
  if (account.paymentMethod !== 'card' && account.paymentMethod !== 'sepa') {
    throw new HttpError(409, `an account paying by ${account.paymentMethod} has no card or IBAN to register`);
  }
  const valid = account.paymentMethod === 'card' ? /^\d{12,19}$/.test(text) : /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(text);
  if (!valid) throw new HttpError(400, account.paymentMethod === 'card' ? 'instrument must be a card number (12 to 19 digits)' : 'instrument must be an IBAN like FR7630006000011234567890189');
  await m.store.billing.billing(account.id, account.createdAt);
  await m.store.billing.setInstrument(account.id, text);
  sendJson(res, 200, await billingView(m, account));
}

async function listRecordings(app: AppContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const account = await moduleAccount(app, m, req);
  const limit = Number(url.searchParams.get('limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new HttpError(400, 'limit must be an integer from 1 to 500');
  const now = await m.clock.now(account.id);
  // Retention is an obligation on the data: what the offer no longer keeps is deleted before the list is read, even for
  // an account no renewal or clock move has woken since it was migrated.
  if (account.modules.includes('recordings')) await purgeExpired(m, account, now);
  const recordings = await m.store.versioned.recordings(await m.store.versioned.serials(account.id), limit);
  const keepMs = now.getTime() - retentionCutoff(account, now).getTime();
  sendJson(res, 200, recordings.map((r) => ({
    id: r.id, serial: r.serial, eventId: r.eventId, kind: r.storageKey.startsWith('snapshots/') ? 'snapshot' : 'clip',
    startedAt: r.startedAt.toISOString(), durationMs: r.durationMs, storageKey: r.storageKey,
    expiresAt: new Date(r.startedAt.getTime() + keepMs).toISOString(),
  })));
}

/** Test hook: time passes for one synthetic account's modules (renewal, grace, home care, retention), never for a real customer. */
async function advanceClock(app: AppContext, m: ModuleContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const account = await moduleAccount(app, m, req);
  if (account.syntheticRun === null) throw new HttpError(403, 'the test clock moves only for synthetic (test) accounts, marked by X-Synthetic-Traffic at signup');
  const { minutes } = await readJsonObject(req);
  if (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > 400 * 24 * 60) throw new HttpError(400, 'minutes must be a whole number from 1 to 576000 (400 days)');
  await m.clock.advance(account.id, (minutes as number) * 60_000);
  await runAccountJobs(m, account.id);
  sendJson(res, 200, { now: (await m.clock.now(account.id)).toISOString() });
}

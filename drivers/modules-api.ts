// Client of the modules' API (docs/platform-interface.md, "Service modules"): state, settings, billing, recordings, test clock.

import { ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';
import { expectContract, type BillingView, type HomeCareSettings, type HomeCareWatch, type ModulesState, type RecordingView } from './contract/validate.ts';
import { sendJson, type JsonRequest } from './http.ts';
import type { PlatformApi, PlatformEvent } from './platform-api.ts';

export type { BillingPayment, BillingView, HomeCareSettings, HomeCareWatch, ModulesState, RecordingView } from './contract/validate.ts';
export type Classification = { label: string; confidence: number } | { status: 'unavailable' };
/** The monitoring centre acknowledged the alarm (its reference), or the platform escalated it to the customer. */
export type MonitoringRecord = { status: 'acknowledged'; reference: string } | { status: 'escalated' };

/** Test cards and IBANs of the payment stub: those ending in 0002 are refused. */
export const testInstruments = {
  card: { accepted: '4242424242424242', refused: '4000000000000002' },
  sepa: { accepted: 'FR7630006000011234567890189', refused: 'FR7630006000011234567890002' },
} as const;

export class ModulesApi {
  readonly #api: PlatformApi;
  readonly #synthetic: string | undefined;
  readonly #timeoutMs: number;
  // Who the calls are for, in messages: 'Camille (Veilis, Sérénité 2011)'.
  readonly #who: string;

  constructor(api: PlatformApi, who: string, options: { syntheticTraffic?: string; timeoutMs?: number } = {}) {
    this.#api = api;
    this.#who = who;
    this.#synthetic = options.syntheticTraffic;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  state(): Promise<ModulesState> {
    return this.#call('GET', '/api/modules', 200);
  }

  setAiClasses(classes: string[]): Promise<{ classes: string[] }> {
    return this.#call('PUT', '/api/settings/ai', 200, { classes });
  }

  setHomeCare(settings: HomeCareSettings): Promise<HomeCareSettings> {
    return this.#call('PUT', '/api/settings/home-care', 200, settings);
  }

  /** The family watching over the customer (home care), or null when none is set. */
  homeCare(): Promise<HomeCareWatch | null> {
    return this.#call('GET', '/api/settings/home-care', 200);
  }

  /** Waits until the platform has seen a movement after `watchingSince` (the home-care window starts again). */
  async waitForMovementSeen(watchingSince: string | null, timeoutMs = 10_000): Promise<HomeCareWatch> {
    const watch = await retryUntil(() => this.homeCare(), (w) => w !== null && w.watchingSince !== watchingSince, {
      timeoutMs, intervalMs: 200,
      message: (last) => `[modules:${this.#who}] expected the platform to see the movement (home care) within ${timeoutMs} ms; it still watches since ${describe(last)}`,
    });
    return watch!;
  }

  /** Waits until at least one alert e-mail waits in the platform's outbox (the mail provider is failing). */
  async waitForQueuedMail(timeoutMs = 10_000): Promise<ModulesState> {
    return retryUntil(() => this.state(), (s) => s.mailsQueued > 0, {
      timeoutMs, intervalMs: 200,
      message: (last) => `[modules:${this.#who}] expected the alert e-mail to wait in the platform's queue while the mail provider fails; state: ${describe(last)}. Did the platform drop it instead of queueing it?`,
    });
  }

  /** The status a module's settings answer: 403 when the offer lacks the module. */
  async settingsStatus(module: 'ai' | 'home-care'): Promise<number> {
    return (await this.#send('GET', `/api/settings/${module}`)).answer.status;
  }

  billing(): Promise<BillingView> {
    return this.#call('GET', '/api/billing', 200);
  }

  registerInstrument(instrument: string): Promise<BillingView> {
    return this.#call('PUT', '/api/billing/instrument', 200, { instrument });
  }

  recordings(limit = 100): Promise<RecordingView[]> {
    return this.#call('GET', `/api/recordings?limit=${limit}`, 200);
  }

  /** Time passes for this (synthetic) account's modules: renewal, grace, home care and retention run at the new time. */
  async advanceClock(minutes: number): Promise<string> {
    return (await this.#call<{ now: string }>('POST', '/api/test/clock', 200, { minutes })).now;
  }

  async waitForRecording(serial: string, timeoutMs = 10_000): Promise<RecordingView> {
    const list = await retryUntil(() => this.recordings(), (r) => r.some((x) => x.serial === serial), {
      timeoutMs, intervalMs: 200,
      message: (last) => `[modules:${this.#who}] expected a recording of camera ${serial} within ${timeoutMs} ms; the account has ${describe(last)}. Does the offer include recordings?`,
    });
    return list.find((x) => x.serial === serial)!;
  }

  /** The account's recordings once one of `serial` started at `since` or later (a detection of the scenario, not the history before it). */
  async waitForRecordingSince(serial: string, since: number, timeoutMs = 10_000): Promise<RecordingView[]> {
    return retryUntil(() => this.recordings(), (r) => r.some((x) => x.serial === serial && Date.parse(x.startedAt) >= since), {
      timeoutMs, intervalMs: 200,
      message: (last) => `[modules:${this.#who}] expected a recording of camera ${serial} started after ${new Date(since).toISOString()} within ${timeoutMs} ms; the account has ${describe(last)}. Does the offer include recordings?`,
    });
  }

  /** The recording of `serial` is still there (the purge runs before the clock call answers, so no wait is needed). */
  async expectRecordingKept(serial: string): Promise<RecordingView> {
    const list = await this.recordings();
    const found = list.find((r) => r.serial === serial);
    if (found === undefined) throw new ProductAssertionError(`[modules:${this.#who}] the recording of ${serial} is gone before the end of the offer's retention; recordings: ${describe(list)}`);
    return found;
  }

  async expectRecordingDeleted(serial: string): Promise<void> {
    const list = await this.recordings();
    const left = list.filter((r) => r.serial === serial);
    if (left.length > 0) throw new ProductAssertionError(`[modules:${this.#who}] the recording of ${serial} is kept beyond the offer's retention: ${describe(left)} (account clock ${(await this.state()).now})`);
  }

  /** No recording of `serial` appears within the window: an offer without recordings keeps none. */
  async expectNoRecording(serial: string, windowMs = 2000): Promise<void> {
    const probe = async (): Promise<RecordingView[] | Error> => this.recordings().catch((error: unknown) => error as Error);
    const seen = await retryUntil(probe, (r) => r instanceof Error || r.some((x) => x.serial === serial), { timeoutMs: windowMs, intervalMs: 250, message: () => 'quiet' })
      .catch((error: unknown) => ((error as Error).message === 'quiet' ? [] : Promise.reject(error)));
    if (seen instanceof Error) throw seen;
    if (seen.length > 0) throw new ProductAssertionError(`[modules:${this.#who}] the offer has no recordings module, yet a recording of ${serial} was kept: ${describe(seen)}`);
  }

  /** Waits until the platform counts `used` alerts of the channel this month. */
  async waitForQuotaUsed(channel: 'sms' | 'email', used: number, timeoutMs = 10_000): Promise<ModulesState> {
    return retryUntil(() => this.state(), (s) => s.quotas[channel].used === used, {
      timeoutMs, intervalMs: 200, message: (last) => `[modules:${this.#who}] expected ${used} ${channel} alert(s) counted this month within ${timeoutMs} ms; state: ${describe(last)}`,
    });
  }

  /** The classification of the newest event of `serial`, once the platform has put one. */
  async waitForClassification(serial: string, timeoutMs = 10_000): Promise<Classification> {
    const labelled = (events: PlatformEvent[]) => events.find((e) => e.serial === serial && classificationOf(e) !== undefined);
    const events = await retryUntil(() => this.#api.events(20), (e) => labelled(e) !== undefined, {
      timeoutMs, intervalMs: 200,
      message: (last) => `[modules:${this.#who}] expected the detection of camera ${serial} to be labelled by the AI within ${timeoutMs} ms; events: ${describe(last)}`,
    });
    return classificationOf(labelled(events)!)!;
  }

  /** What the platform recorded of the monitoring centre's handling of the newest alarm of `serial`. */
  async waitForMonitoring(serial: string, timeoutMs = 10_000): Promise<MonitoringRecord> {
    const recorded = (events: PlatformEvent[]) => events.find((e) => e.serial === serial && (e.payload as Record<string, unknown> | null)?.['monitoring'] !== undefined);
    const events = await retryUntil(() => this.#api.events(20), (e) => recorded(e) !== undefined, {
      timeoutMs, intervalMs: 200,
      message: (last) => `[modules:${this.#who}] expected the platform to record the monitoring centre's handling of the alarm of ${serial} within ${timeoutMs} ms; events: ${describe(last)}`,
    });
    return (recorded(events)!.payload as { monitoring: MonitoringRecord }).monitoring;
  }

  /** The newest event of `serial`, with no classification: an offer without AI gets no labels. */
  async expectUnlabelled(serial: string, timeoutMs = 10_000): Promise<void> {
    const events = await retryUntil(() => this.#api.events(20), (e) => e.some((x) => x.serial === serial), {
      timeoutMs, intervalMs: 200, message: (last) => `[modules:${this.#who}] expected an event of camera ${serial}; events: ${describe(last)}`,
    });
    const labelled = events.filter((e) => e.serial === serial && classificationOf(e) !== undefined);
    if (labelled.length > 0) throw new ProductAssertionError(`[modules:${this.#who}] the offer has no AI classification, yet the event of ${serial} is labelled ${JSON.stringify(classificationOf(labelled[0]!))}`);
  }

  async waitForBilling(accept: (b: BillingView) => boolean, what: string, timeoutMs = 10_000): Promise<BillingView> {
    return retryUntil(() => this.billing(), accept, {
      timeoutMs, intervalMs: 200, message: (last) => `[modules:${this.#who}] expected ${what} within ${timeoutMs} ms; billing: ${describe(last)}`,
    });
  }

  /** The billing once `accept` held, read again after `settleMs`: a line or payment added late shows in what it returns. */
  async settledBilling(accept: (b: BillingView) => boolean, what: string, timeoutMs = 10_000, settleMs = 1500): Promise<BillingView> {
    const first = await this.waitForBilling(accept, what, timeoutMs);
    const same = JSON.stringify(first);
    let last = first;
    return retryUntil(async () => (last = await this.billing()), (b) => JSON.stringify(b) !== same, { timeoutMs: settleMs, intervalMs: 200, message: () => 'settled' })
      .catch((error: unknown) => ((error as Error).message === 'settled' ? last : Promise.reject(error)));
  }

  async #send(method: string, path: string, body?: unknown): Promise<{ request: JsonRequest; answer: Awaited<ReturnType<typeof sendJson>> }> {
    const token = this.#api.token;
    if (token === undefined) throw new Error(`${method} ${path} needs a logged-in customer: log in with the PlatformApi first`);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (this.#synthetic !== undefined) headers['x-synthetic-traffic'] = this.#synthetic;
    const base = this.#api.baseUrl;
    const request: JsonRequest = { method, url: `${base}${path}`, headers, body, timeoutMs: this.#timeoutMs, peer: `the platform instance at ${base}` };
    return { request, answer: await sendJson(request) };
  }

  async #call<T>(method: string, path: string, expected: number, body?: unknown): Promise<T> {
    const { request, answer } = await this.#send(method, path, body);
    return expectContract<T>(request, answer, expected);
  }
}

function classificationOf(event: PlatformEvent): Classification | undefined {
  const payload = event.payload as Record<string, unknown> | null;
  return (payload?.['classification'] ?? undefined) as Classification | undefined;
}

function describe(last: unknown): string {
  if (last instanceof Error) return `no answer (${last.message.split('\n')[0]})`;
  return JSON.stringify(last)?.slice(0, 400) ?? 'nothing';
}

/** The last payment of the billing view failed for exactly this reason, as the platform records it (`failure`), by value. */
export function expectPaymentFailure(billing: BillingView, failure: string, who: string): void {
  const last = billing.payments.at(-1);
  if (last?.failure !== failure) {
    throw new ProductAssertionError(`[${who}] the payment waiting for a retry should show why it failed, "${failure}"; its failure reads ${JSON.stringify(last?.failure ?? null)} (payment ${JSON.stringify(last ?? null)})`);
  }
}

// Client of the stub server's control API: what the platform sent to third parties, and their fault switches.

import { ProductAssertionError } from '../lib/errors.ts';
import type { Fault as StubFault, JournalEntry, JournalFilter as JournalQuery } from '../lib/stub-wire.ts';
import { retryUntil } from '../lib/wait.ts';
import { expectJson, HttpAssertionError, sendJson, type JsonRequest } from './http.ts';

// The journal's entries and filters, and the fault switches, as the stub server's control API speaks them.
export type { JournalEntry } from '../lib/stub-wire.ts';
export type { JournalFilter as JournalQuery, FaultMode as StubFaultMode, Fault as StubFault } from '../lib/stub-wire.ts';

export interface SmsMessage { from: string; to: string; text: string }
/** `about`: who the SMS is for, in failure messages, e.g. 'Camille (Maisonéo Cam, partner Maisonéo, offer Intelligence 2019)'. */
export interface SmsQuery { to?: string; from?: string; contains?: string; since?: number; about?: string }

type Probe = { entries: JournalEntry[] } | { error: unknown };

/**
 * Requests a provider answered as a success (the message went through): failed attempts before a retry are not
 * deliveries, nor is a retry the provider recognised by its idempotency key and did not carry out again.
 */
export const delivered = (e: JournalEntry): boolean => e.status !== null && e.status >= 200 && e.status < 300 && e.fault !== 'down' && e.fault !== 'error'
  && e.replayed !== true;

/** Still waiting for the stub's answer (a connection reset by an injected fault also has no status, but never waits). */
const pending = (e: JournalEntry): boolean => e.status === null && e.fault !== 'down';

/** How long "exactly once" watches for a second delivery after the first: a duplicate comes from the same job, within this. */
export const duplicateWindowMs = 1000;

/**
 * What is left of a window of `windowMs` that opened when the last of `entries` arrived (its `at`, stamped by the stub
 * server in the harness's own process): 0 when it has passed, and never more than the whole window.
 */
export function windowLeft(entries: readonly JournalEntry[], windowMs: number, now = Date.now()): number {
  const arrived = Math.max(...entries.map((e) => Date.parse(e.at)).filter((t) => Number.isFinite(t)));
  return Number.isFinite(arrived) ? Math.min(windowMs, Math.max(0, arrived + windowMs - now)) : windowMs;
}

export class StubJournal {
  readonly baseUrl: string;
  readonly #timeoutMs: number;

  constructor(baseUrl: string, options: { timeoutMs?: number } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 5000;
  }

  entries(query: JournalQuery = {}): Promise<JournalEntry[]> {
    return this.#call('GET', `/__journal${toSearch(query)}`, 200);
  }

  // The id of the last request recorded: take it when a scenario starts, pass it as `since` later.
  async lastId(): Promise<number> {
    return (await this.#call<{ lastId: number }>('GET', '/__mark', 200)).lastId;
  }

  unhandled(since?: number): Promise<JournalEntry[]> {
    return this.#call('GET', `/__unhandled${toSearch({ since })}`, 200);
  }

  async assertNoUnhandled(since?: number): Promise<void> {
    const unexpected = await this.unhandled(since);
    if (unexpected.length === 0) return;
    throw new ProductAssertionError(`no request may reach a stub that has no handler for it; ${unexpected.length} did: ` +
      `${unexpected.map((e) => `${e.method} ${e.path} (${e.service})`).join(', ')}. ` +
      'Either the platform calls a third party wrongly, or simulators/stubs lacks a handler for a real API call.');
  }

  async clear(): Promise<void> {
    await this.#call('DELETE', '/__journal', 204);
  }

  async setFault(service: string, fault: StubFault): Promise<void> {
    await this.#call('POST', '/__faults', 200, { service, ...fault });
  }

  // Lifts the fault set on `service` for `match` only (the one a scenario set for its own correlation).
  async clearFault(service: string, match: string): Promise<void> {
    await this.#call('POST', '/__faults', 200, { service, mode: 'none', match });
  }

  // A stub service's own control route, e.g. ('PUT', 'ai', '/scenes/CAM-1', {label}).
  async control<T>(method: string, service: string, path: string, body?: unknown): Promise<T> {
    return this.#call(method, `/__services/${service}${path}`, method === 'DELETE' ? 204 : 200, body);
  }

  async resetFaults(): Promise<void> {
    await this.#call('DELETE', '/__faults', 204);
  }

  // The first request matching `query` (and `accept`), waiting up to `timeoutMs` for it.
  async waitForRequest(query: JournalQuery, timeoutMs = 10_000, accept: (e: JournalEntry) => boolean = () => true, hint = ''): Promise<JournalEntry> {
    const { entries, done } = await this.#watch(query, accept, timeoutMs);
    const match = entries.find(accept);
    if (done && match) return match;
    throw new ProductAssertionError(`[stubs] expected a request matching ${describe(query)} within ${timeoutMs} ms; ${summarize(entries)}.${hint ? ` ${hint}` : ''}`);
  }

  /**
   * The one delivered request matching `query` and `accept` stays the only one for a short window: an alert is sent
   * exactly once, a duplicate (a job run twice, a retry after a success) fails, naming each copy.
   */
  async expectOnlyOne(query: JournalQuery, accept: (e: JournalEntry) => boolean, what: string, windowMs = duplicateWindowMs, first?: JournalEntry): Promise<void> {
    // The window opens when the first arrived (`first`, when the caller has it), not when this check began.
    const { entries, done } = await this.#watchCount(query, accept, 2, first === undefined ? windowMs : windowLeft([first], windowMs));
    if (!done) return;
    const copies = entries.filter(accept);
    throw new ProductAssertionError(`[stubs] expected exactly one ${what}; ${copies.length} were delivered: ${summarize(copies)}. Is the platform sending the same alert twice?`);
  }

  /**
   * The requests matching `query` once the exchange has settled: none still waiting for its answer and none new for
   * `quietMs` (a retry after an answer that came too late arrives only after the platform's own deadline), within
   * `deadlineMs`. Then the caller counts what was carried out.
   */
  async settled(query: JournalQuery, quietMs = 2000, deadlineMs = 30_000): Promise<JournalEntry[]> {
    let signature = '';
    let quietSince = Date.now();
    const quiet = (entries: JournalEntry[]): boolean => {
      const now = entries.map((e) => `${e.id}:${e.status ?? (pending(e) ? 'pending' : 'reset')}`).join(',');
      if (now !== signature) {
        signature = now;
        quietSince = Date.now();
        return false;
      }
      return !entries.some(pending) && Date.now() - quietSince >= quietMs;
    };
    return retryUntil(() => this.entries(query), quiet, {
      timeoutMs: deadlineMs,
      intervalMs: 200,
      message: (seen) => (seen instanceof Error ? seen.message : `[stubs] the requests matching ${describe(query)} did not settle within ${deadlineMs} ms ` +
        `(one still waiting for its answer, or new ones kept coming); ${summarize(Array.isArray(seen) ? seen : [])}`),
    });
  }

  // Fails as soon as a request matching `query` arrives within `windowMs` (a bounded check, like aedes's checkNoPacket).
  async expectNoRequest(query: JournalQuery, windowMs = 2000, accept: (e: JournalEntry) => boolean = () => true): Promise<void> {
    const { entries, done } = await this.#watch(query, accept, windowMs);
    if (!done) return;
    const found = entries.filter(accept);
    throw new ProductAssertionError(`[stubs] expected no request matching ${describe(query)} within ${windowMs} ms; got ${found.length}: ${summarize(found)}`);
  }

  async waitForSms(query: SmsQuery, timeoutMs = 10_000): Promise<JournalEntry & { body: SmsMessage }> {
    const { about, ...wanted } = query;
    const hint = `Wanted an SMS ${describe(wanted)}${about ? ` for ${about}` : ''}. Does the customer's offer include the sms module, and was the platform given the stubs' SMS URL?`;
    const mine = (e: JournalEntry) => smsMatcher(query)(e) && delivered(e);
    let first: JournalEntry & { body: SmsMessage };
    try {
      first = await this.waitForRequest(smsRequests(query), timeoutMs, mine, hint) as JournalEntry & { body: SmsMessage };
    } catch (error) {
      if (error instanceof ProductAssertionError && query.from !== undefined) await this.#expectNoOtherSender(query);
      throw error;
    }
    await this.expectOnlyOne(smsRequests(query), mine, `SMS ${describe(wanted)}${about ? ` for ${about}` : ''}`, duplicateWindowMs, first);
    return first;
  }

  // The SMS came, but in another sender's name: say so, naming the sender expected and the one seen.
  async #expectNoOtherSender(query: SmsQuery): Promise<void> {
    const others = (await this.entries(smsRequests(query))).filter(smsMatcher({ ...query, from: undefined }));
    const first = others[0]?.body as Partial<SmsMessage> | undefined;
    if (!first) return;
    const senders = [...new Set(others.map((e) => String((e.body as Partial<SmsMessage> | null)?.from)))].join(', ');
    throw new ProductAssertionError(`[stubs] the SMS to ${query.to ?? 'the customer'}${query.about ? ` of ${query.about}` : ''} must be sent in the name "${query.from}"; ` +
      `${others.length} came in the name of ${senders} instead, e.g. "${first.text ?? ''}". Does the platform take the sender name from the customer's white label?`);
  }

  expectNoSms(query: SmsQuery, windowMs = 2000): Promise<void> {
    return this.expectNoRequest(smsRequests(query), windowMs, smsMatcher(query));
  }

  // Polls until `count` requests match, or the window passes (done: false).
  async #watchCount(query: JournalQuery, accept: (e: JournalEntry) => boolean, count: number, windowMs: number): Promise<{ entries: JournalEntry[]; done: boolean }> {
    let last: JournalEntry[] = [];
    try {
      // A stub server that stops answering is not "nothing more arrived": its error is thrown, not a pass.
      last = await retryUntil(() => this.entries(query), (entries) => entries.filter(accept).length >= count, { timeoutMs: windowMs, intervalMs: 200, message: (seen) => (seen instanceof Error ? seen.message : timedOut) });
      return { entries: last, done: true };
    } catch (error) {
      if ((error as Error).message === timedOut) return { entries: last, done: false };
      throw (error as Error).cause ?? error;
    }
  }

  // Polls until a request matches or the deadline passes; a broken stub server ends the wait at once
  // (an EnvironmentError) instead of passing for "nothing arrived yet".
  async #watch(query: JournalQuery, accept: (e: JournalEntry) => boolean, timeoutMs: number): Promise<{ entries: JournalEntry[]; done: boolean }> {
    let last: JournalEntry[] = [];
    const probe = (): Promise<Probe> => this.entries(query).then((entries) => ({ entries }), (error: unknown) => ({ error }));
    const settled = (p: Probe): boolean => {
      if ('error' in p) return true;
      last = p.entries;
      return p.entries.some(accept);
    };
    let result: Probe;
    try {
      result = await retryUntil(probe, settled, { timeoutMs, message: () => timedOut });
    } catch (error) {
      if ((error as Error).message === timedOut) return { entries: last, done: false };
      throw error;
    }
    if ('error' in result) throw result.error;
    return { entries: result.entries, done: true };
  }

  async #call<T>(method: string, path: string, expected: number, body?: unknown): Promise<T> {
    const request: JsonRequest = { method, url: `${this.baseUrl}${path}`, body, timeoutMs: this.#timeoutMs, peer: `the stub server at ${this.baseUrl}` };
    const answer = await sendJson(request);
    if (expected === 204) {
      if (answer.status !== 204) throw new HttpAssertionError(method, request.url, answer.status, answer.text, 'expected 204');
      return undefined as T;
    }
    return expectJson<T>(request, answer, expected);
  }
}

const timedOut = '[stubs] poll deadline passed';

function smsRequests(query: SmsQuery): JournalQuery {
  return { service: 'sms', method: 'POST', contains: query.contains, since: query.since };
}

function smsMatcher(query: SmsQuery): (e: JournalEntry) => boolean {
  return (e) => {
    const body = e.body as Partial<SmsMessage> | null;
    return (query.to === undefined || body?.to === query.to) && (query.from === undefined || body?.from === query.from);
  };
}

function toSearch(query: JournalQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `?${search}` : '';
}

function describe(query: object): string {
  return JSON.stringify(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
}

function summarize(entries: readonly JournalEntry[]): string {
  if (entries.length === 0) return 'the stubs received no such request';
  const shown = entries.slice(-5).map((e) => `#${e.id} ${e.method} ${e.path} -> ${e.status ?? 'reset'} ${e.rawBody.slice(0, 120)}`);
  return `the stubs received ${entries.length} request(s) of that kind, the last: ${shown.join('; ')}`;
}

// What the platform sent to the mail, payment and AI stubs, their faults per correlation, and the reactions a fault must cause.

import { EnvironmentError, ProductAssertionError } from '../lib/errors.ts';
import { escapeRegExp } from '../lib/text.ts';
import { retryUntil } from '../lib/wait.ts';
import { delivered as succeeded, duplicateWindowMs, windowLeft, type JournalEntry, type StubFaultMode, type StubJournal } from './stub-journal.ts';

export type ThirdParty = 'sms' | 'mail' | 'payment' | 'ai' | 'monitoring';
export type AiLabel = 'person' | 'vehicle' | 'animal';

export interface MailMessage { from: { name: string; address: string }; to: string; subject: string; text: string }
export interface ChargeRequest {
  idempotencyKey: string;
  amountCents: number;
  method: string;
  instrument?: string;
  mandate?: { reference: string; signedAt: string };
  customer: { id: number; email: string };
}

const windowPassed = 'the window passed';

export interface ExactOptions {
  path?: string;
  // What one call is, in failure messages: 'SMS to Camille (...)'.
  what?: string;
  timeoutMs?: number;
  settleMs?: number;
  // Other identifiers of the customer (their e-mail, phone, camera serial): a call of the same kind naming one of
  // them in its body, to another recipient, is a message about them sent to someone else.
  related?: readonly string[];
}

interface Reading { mine: JournalEntry[]; strays: JournalEntry[]; pending: number }

/**
 * The calls for `match` (its recipient or subject, or its body for a service that identifies nothing) and the strays:
 * the other delivered calls that share a recipient with them, or whose subject or body names `match` or `related`.
 */
export function sortOut(entries: readonly JournalEntry[], match: string, related: readonly string[]): Reading {
  const identified = (e: JournalEntry): boolean => e.recipient !== undefined || e.subject !== undefined;
  const isMine = (e: JournalEntry): boolean => (identified(e) ? e.recipient === match || e.subject === match : e.rawBody.includes(match));
  const mine = entries.filter((e) => isMine(e) && succeeded(e));
  const recipients = new Set(mine.map((e) => e.recipient).filter((r) => r !== undefined));
  const keys = [match, ...related].filter((k) => k !== '');
  // A subject is the customer's only when the scenario says so: test cards and IBANs are shared by parallel customers.
  const strays = entries.filter((e) => !isMine(e) && succeeded(e) && ((e.recipient !== undefined && recipients.has(e.recipient))
    || (e.subject !== undefined && keys.includes(e.subject)) || keys.some((k) => mentions(e.rawBody, k))));
  const pending = entries.filter((e) => isMine(e) && e.status === null && e.fault !== 'down').length;
  return { mine, strays, pending };
}

// `key` as a whole word of `text`: serial CAM-1 is not named by CAM-10, nor mail x@qa.example by max@qa.example.
function mentions(text: string, key: string): boolean {
  return new RegExp(`(?<![\\w.+-])${escapeRegExp(key)}(?![\\w-])`).test(text);
}

function describeAll(entries: readonly JournalEntry[]): string {
  return entries.map((e) => `#${e.id} ${e.method} ${e.path}${e.recipient === undefined ? '' : ` to ${e.recipient}`} ${e.rawBody.slice(0, 160)}`).join('; ');
}

const names: Record<ThirdParty, string> = {
  sms: 'the SMS gateway', mail: 'the mail provider', payment: 'the payment provider', ai: 'the AI classification service', monitoring: 'the monitoring centre',
};


export class ThirdParties {
  readonly #journal: StubJournal;
  // Faults this scenario set, lifted after it (the stub server is shared by parallel scenarios).
  readonly #set: { service: ThirdParty; match: string }[] = [];
  // Customers whose webhooks the scenario had the payment provider treat its own way (held, delivered twice), reset after it.
  readonly #behaviours = new Set<string>();
  // Journal positions the scenario took ("after the quota was used up"), by name.
  readonly #marks = new Map<string, number>();

  constructor(journal: StubJournal) {
    this.#journal = journal;
  }

  /** Faults `service` for requests carrying `match` only; a refusal by the stub server means a broken environment. */
  async fault(service: ThirdParty, match: string, mode: Exclude<StubFaultMode, 'none'>, options: { delayMs?: number; times?: number } = {}): Promise<void> {
    try {
      await this.#journal.setFault(service, { mode, match, ...options });
    } catch (error) {
      throw new EnvironmentError(`could not put ${names[service]} stub in fault "${mode}" for ${match}: ${(error as Error).message}`, { cause: error });
    }
    this.#set.push({ service, match });
  }

  async lift(service: ThirdParty, match: string): Promise<void> {
    await this.#journal.clearFault(service, match);
  }

  async liftAll(): Promise<void> {
    await Promise.all(this.#set.splice(0).map(({ service, match }) => this.#journal.clearFault(service, match)));
    const customers = [...this.#behaviours];
    this.#behaviours.clear();
    await Promise.all(customers.map((email) => this.#journal.control('DELETE', 'payment', `/customers/${encodeURIComponent(email)}`)));
  }

  /** How the payment provider sends this customer's webhooks: SEPA outcomes held until `confirmSepa`, each sent `deliveries` times. */
  async paymentBehaviour(email: string, behaviour: { holdSepaConfirmations?: boolean; deliveries?: number }): Promise<void> {
    this.#behaviours.add(email);
    await this.#journal.control('PUT', 'payment', `/customers/${encodeURIComponent(email)}`, behaviour);
  }

  /** The bank confirms the customer's SEPA debits held so far; their outcomes go to the platform. Returns how many. */
  async confirmSepa(email: string): Promise<number> {
    return (await this.#journal.control<{ confirmed: number }>('POST', 'payment', `/customers/${encodeURIComponent(email)}/confirm`)).confirmed;
  }

  /** Remembers the journal's position now under `name`; `since(name)` gives it back. */
  async mark(name: string): Promise<number> {
    const id = await this.#journal.lastId();
    this.#marks.set(name, id);
    return id;
  }

  since(name: string, fallback: number): number {
    return this.#marks.get(name) ?? fallback;
  }

  /** Waits until `count` calls for `match` went through: e.g. the alerts of a whole monthly quota. */
  async waitForCount(service: ThirdParty, match: string, since: number, count: number, timeoutMs: number): Promise<JournalEntry[]> {
    const list = await retryUntil(async () => (await this.requests(service, match, since)).filter(succeeded), (l) => l.length >= count, {
      timeoutMs, intervalMs: 200,
      message: (last) => `expected ${count} request(s) for ${match} to go through ${names[service]} within ${timeoutMs} ms; ` +
        `${Array.isArray(last) ? last.length : 'none'} did. Is the platform alerting for every detection?`,
    });
    return list;
  }

  /** Scripts what the AI service sees in the camera's pictures. */
  async showToCamera(serial: string, label: AiLabel, confidence = 0.93): Promise<void> {
    await this.#journal.control('PUT', 'ai', `/scenes/${encodeURIComponent(serial)}`, { label, confidence });
  }

  async requests(service: ThirdParty, match: string, since: number): Promise<JournalEntry[]> {
    return (await this.#journal.entries({ service, contains: match, since })).filter((e) => !e.path.includes('/__services/'));
  }

  async waitForMail(to: string, since: number, timeoutMs = 10_000): Promise<JournalEntry & { body: MailMessage }> {
    const hint = 'Does the customer\'s offer include the email module, and was the platform given the stubs\' mail URL (--mail-url)?';
    const query = { service: 'mail', path: '/mail/messages', contains: to, since };
    const first = await this.#journal.waitForRequest(query, timeoutMs, succeeded, hint) as JournalEntry & { body: MailMessage };
    await this.#journal.expectOnlyOne(query, succeeded, `e-mail to ${to}`, duplicateWindowMs, first);
    return first;
  }

  expectNoMail(to: string, since: number, windowMs = 2000): Promise<void> {
    return this.#journal.expectNoRequest({ service: 'mail', contains: to, since }, windowMs);
  }

  async waitForCharge(email: string, since: number, timeoutMs = 10_000): Promise<JournalEntry & { body: ChargeRequest }> {
    const hint = 'Did the renewal come due (the account\'s clock moved past the paid period), and was the platform given --payment-url?';
    return await this.#journal.waitForRequest({ service: 'payment', path: '/payment/charges', contains: email, since }, timeoutMs, succeeded, hint) as JournalEntry & { body: ChargeRequest };
  }

  expectNoCharge(email: string, since: number, windowMs = 2000): Promise<void> {
    return this.#journal.expectNoRequest({ service: 'payment', contains: email, since }, windowMs);
  }

  expectNoAlarm(serial: string, since: number, windowMs = 2000): Promise<void> {
    return this.#journal.expectNoRequest({ service: 'monitoring', contains: serial, since }, windowMs);
  }

  expectNoClassification(serial: string, since: number, windowMs = 2000): Promise<void> {
    return this.#journal.expectNoRequest({ service: 'ai', path: '/ai/classify', contains: serial, since }, windowMs);
  }

  /**
   * The call that went through after `attempts - 1` faulted ones: proves the platform retried. A fault the stub never
   * applied is a broken environment (the product was not tested); no call, or no retry, is the product's defect.
   */
  async expectDeliveredAfter(service: ThirdParty, match: string, since: number, attempts: number, timeoutMs = 10_000): Promise<JournalEntry> {
    const delivered = await this.#journal.waitForRequest({ service, contains: match, since }, timeoutMs, succeeded,
      `${names[service]} never accepted a request for ${match}: the platform gave up instead of retrying (${attempts} attempts expected).`).catch(async (error: unknown) => {
      await this.expectFaultApplied(service, match, since);
      throw error;
    });
    const calls = (await this.requests(service, match, since)).filter((e) => e.id <= delivered.id);
    if (calls.length !== attempts) {
      throw new ProductAssertionError(`${names[service]} was called ${calls.length} time(s) for ${match} until it accepted; expected ${attempts} ` +
        `(the faulted attempts, then the one that went through): ${calls.map((e) => `#${e.id} ${e.fault} -> ${e.status ?? 'reset'}`).join(', ')}`);
    }
    return delivered;
  }

  /**
   * Exactly `count` calls for `match` (the customer's phone, e-mail, camera serial: the recipient or subject the stub
   * identified) went through `service` (on `path`, when given), and none of the same kind about them to anyone else:
   * another subject to the same recipient, or a subject or body naming `match` or one of `related` (the customer's other
   * identifiers: their e-mail, phone, camera serial, an event id). Waits up to `timeoutMs` for the expected ones, then `settleMs` more for a
   * late duplicate or stray, and names every call it saw when the count is not exact. Attempts the stub faulted on
   * purpose and replays of an idempotent retry are not deliveries.
   */
  async expectExactly(service: ThirdParty, match: string, since: number, count: number, options: ExactOptions = {}): Promise<JournalEntry[]> {
    const { path, what = 'request', timeoutMs = 10_000, settleMs = 2000, related = [] } = options;
    const read = async (): Promise<Reading> => sortOut(await this.#ofKind(service, since, path), match, related);
    // Until `accept` holds or the window passes (then the last reading): a stub server that stops answering throws.
    const watch = async (accept: (r: Reading) => boolean, windowMs: number): Promise<Reading> => {
      let last: Reading = { mine: [], strays: [], pending: 0 };
      const probe = async (): Promise<Reading> => (last = await read());
      return retryUntil(probe, accept, { timeoutMs: windowMs, intervalMs: 200, message: (l) => (l instanceof Error ? l.message : windowPassed) }).catch((error: unknown) => {
        if ((error as Error).message === windowPassed) return last;
        throw error;
      });
    };
    let reading = await watch((r) => r.mine.length >= count && r.pending === 0, timeoutMs);
    // A duplicate or a copy to someone else comes late: read again once `settleMs` have passed since the expected ones
    // arrived (the stub server stamps arrivals with the harness's clock). A check that comes after others, or after a
    // slow step, has seen part of its window go by already and waits only for the rest.
    if (reading.mine.length >= count && settleMs > 0) {
      const rest = windowLeft(reading.mine, settleMs);
      reading = await watch((r) => r.mine.length > count || r.strays.length > 0, rest);
    }
    const { mine, strays } = reading;
    const recipients = [...new Set(mine.map((e) => e.recipient).filter((r) => r !== undefined))];
    if (mine.length !== count) {
      const waited = mine.length < count ? `within ${timeoutMs} ms` : `(counted ${settleMs} ms after the ${count === 1 ? 'first' : `first ${count}`})`;
      const spread = recipients.length > 1 ? ` to ${recipients.length} different recipients (${recipients.join(', ')})` : '';
      throw new ProductAssertionError(`expected exactly ${count} ${what}(s) for ${match} to go through ${names[service]}; ${mine.length} did${spread} ${waited}` +
        `${mine.length > 0 ? `: ${describeAll(mine)}` : ''}${strays.length > 0 ? `; and ${strays.length} about them to someone else: ${describeAll(strays)}` : ''}`);
    }
    if (strays.length > 0) {
      throw new ProductAssertionError(`expected no ${what} about ${match} to anyone else through ${names[service]} (only the ${count} to ${match}); ` +
        `${strays.length} went elsewhere within ${settleMs} ms of the expected ones: ${describeAll(strays)}. Is the platform sending the customer's messages to another account?`);
    }
    return mine;
  }

  // The delivered requests to `service` (on `path`) since `since`, whoever they are for.
  async #ofKind(service: ThirdParty, since: number, path: string | undefined): Promise<JournalEntry[]> {
    return (await this.#journal.entries({ service, since })).filter((e) => !e.path.includes('/__services/') && (path === undefined || e.path === path));
  }

  /**
   * Exactly one call was carried out for `match` once the exchange settled: no duplicate after a slow or garbled
   * answer, nor after an answer that came later than the platform's deadline (a retry the provider recognised by its
   * idempotency key is not a second message).
   */
  async expectExactlyOnce(service: ThirdParty, match: string, since: number, quietMs = 2000): Promise<JournalEntry> {
    await this.#journal.waitForRequest({ service, contains: match, since }, 10_000, () => true, `Did the platform call ${names[service]} for ${match} at all?`);
    const all = (await this.#journal.settled({ service, contains: match, since }, quietMs)).filter((e) => !e.path.includes('/__services/'));
    const carried = all.filter(succeeded);
    if (carried.length !== 1) {
      throw new ProductAssertionError(`${names[service]} carried out ${carried.length} request(s) for ${match}; expected exactly one ` +
        `(${all.length} call(s) in all, replays of an accepted one excluded): ${all.map((e) => `#${e.id} ${e.fault} -> ${e.status ?? 'reset'}${e.replayed ? ' (replay)' : ''}`).join(', ')}`);
    }
    return carried[0]!;
  }

  /**
   * Every request the platform sent a provider for these customers (any of their keys in the body) carries
   * `X-Synthetic-Traffic: <run id>`, so that a real provider could recognise and drop it.
   */
  async expectMarkedTraffic(customers: { name: string; keys: string[] }[], since: number, runId: string): Promise<void> {
    const entries = (await this.#journal.entries({ since })).filter((e) => e.service in names);
    const unmarked = customers.flatMap(({ name, keys }) => entries
      .filter((e) => keys.some((key) => e.rawBody.includes(key)) && e.headers['x-synthetic-traffic'] !== runId)
      .map((e) => `${name}: ${e.method} ${e.path} (X-Synthetic-Traffic: ${e.headers['x-synthetic-traffic'] ?? 'absent'})`));
    if (unmarked.length > 0) {
      throw new ProductAssertionError(`every call to a third party caused by test traffic must carry X-Synthetic-Traffic: ${runId}; ${unmarked.length} did not: ${unmarked.slice(0, 5).join('; ')}`);
    }
  }

  /** At least one request for `match` met the fault: if the platform called and none did, the environment is broken. */
  async expectFaultApplied(service: ThirdParty, match: string, since: number, timeoutMs = 10_000): Promise<void> {
    await this.#journal.waitForRequest({ service, contains: match, since }, timeoutMs, () => true, `The platform should have called ${names[service]} for ${match}, fault or not.`);
    const calls = await this.requests(service, match, since);
    if (calls.length === 0) throw new ProductAssertionError(`the platform never called ${names[service]} for ${match}; it should have, fault or not`);
    if (!calls.some((e) => e.fault !== 'none')) {
      throw new EnvironmentError(`${names[service]} stub received ${calls.length} request(s) for ${match} but applied no fault to any: the fault switch did not take, so the platform's reaction was not tested`);
    }
  }
}

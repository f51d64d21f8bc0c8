// Calls to third parties: JSON POST with a deadline, the outcome classified, and synthetic traffic kept off real providers.

import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../log.ts';
import { describeError } from '../log.ts';
import { redactUrl } from '../../lib/url.ts';

export type Outcome =
  | { kind: 'answered'; status: number; body: unknown }
  | { kind: 'garbled'; status: number }
  | { kind: 'rejected'; status: number; text: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'timeout' }
  | { kind: 'refused'; reason: string };

export interface OutboundStats {
  /** Synthetic (test) requests the platform refused to send to a provider that is not on this machine. */
  refusedSynthetic: number;
}

export interface Outbound {
  readonly stats: OutboundStats;
  /**
   * POSTs `body` to `url`; `provider` names it in logs. `url` undefined: the provider is not configured.
   * `idempotencyKey`: the same for every attempt of one message, so that a provider that did receive an attempt whose
   * answer was lost does not carry it out twice.
   */
  post(provider: string, url: string | undefined, body: unknown, syntheticRun: string | null, timeoutMs: number, idempotencyKey?: string): Promise<Outcome>;
}

const loopback = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** True when `url` points at this machine: the only place synthetic traffic may go (the stubs). */
export function isLocalUrl(url: string): boolean {
  try {
    return loopback.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A short description of an outcome for logs and payment records. */
export function describeOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'answered': return `HTTP ${o.status}`;
    case 'garbled': return `HTTP ${o.status} with an unreadable body`;
    case 'rejected': return `HTTP ${o.status}: ${o.text.slice(0, 200)}`;
    case 'unavailable': return o.reason;
    case 'timeout': return 'no answer in time';
    case 'refused': return o.reason;
  }
}

export function createOutbound(log: Logger): Outbound {
  const stats: OutboundStats = { refusedSynthetic: 0 };
  return {
    stats,
    async post(provider, url, body, syntheticRun, timeoutMs, idempotencyKey) {
      if (url === undefined) return { kind: 'refused', reason: `no ${provider} URL configured (--${provider}-url)` };
      if (syntheticRun !== null && !isLocalUrl(url)) {
        stats.refusedSynthetic += 1;
        const reason = `synthetic traffic of run ${syntheticRun} is never sent to a real ${provider} provider (${redactUrl(url)} is not on this machine)`;
        log.error(`refused: ${reason}`);
        return { kind: 'refused', reason };
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (syntheticRun !== null) headers['x-synthetic-traffic'] = syntheticRun;
      if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
      return call(url, headers, body, timeoutMs);
    },
  };
}

async function call(url: string, headers: Record<string, string>, body: unknown, timeoutMs: number): Promise<Outcome> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { kind: 'timeout' };
    return { kind: 'unavailable', reason: describeError((error as Error).cause ?? error) };
  }
  if (res.status >= 500 || res.status === 429) return { kind: 'unavailable', reason: `HTTP ${res.status}` };
  if (res.status >= 300) return { kind: 'rejected', status: res.status, text };
  try {
    return { kind: 'answered', status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  } catch {
    return { kind: 'garbled', status: res.status };
  }
}

/** Calls `attempt` until it gives a final outcome or `attempts` run out, waiting backoff × 2^n between tries. */
export async function withRetry(attempts: number, backoffMs: number, attempt: () => Promise<Outcome>, onRetry: (o: Outcome) => void): Promise<Outcome> {
  let outcome = await attempt();
  for (let n = 1; n < attempts && isRetryable(outcome); n += 1) {
    onRetry(outcome);
    await delay(backoffMs * 2 ** (n - 1));
    outcome = await attempt();
  }
  return outcome;
}

export function isRetryable(o: Outcome): boolean {
  return o.kind === 'unavailable' || o.kind === 'timeout';
}

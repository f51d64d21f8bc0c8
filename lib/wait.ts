// Waiting for a condition with a deadline and a message: the only way the harness waits.

import { AssertionError } from 'node:assert';
import { setTimeout as delay } from 'node:timers/promises';

export interface RetryOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Explains the failure: receives the last value seen (or the last error). */
  message: (last: unknown) => string;
}

/** Calls `probe` until `accept` holds for its result or the deadline passes; returns the accepted value. */
export async function retryUntil<T>(probe: () => Promise<T>, accept: (value: T) => boolean, options: RetryOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 100;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (accept(value)) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      // An unmet expectation is a product failure (reports mark it "failed"); callers that
      // probe the environment itself wrap this in an EnvironmentError.
      const error = new AssertionError({ message: options.message(last) });
      if (last instanceof Error) error.cause = last;
      throw error;
    }
    await delay(Math.min(interval, Math.max(0, deadline - Date.now())));
  }
}

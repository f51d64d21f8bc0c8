// The operators' counters of /health (a section such as `sms`, `monitoring` or `modules.payments`), summed over instances.

import { ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';
import type { PlatformApi } from './platform-api.ts';

/** Some counters of one /health section, by key: e.g. `{ sent: 3, failed: 0 }` of section `sms`. */
export type HealthCounters = Readonly<Record<string, number>>;

/** What to read: the section's path in /health (dots: `modules.payments`) and the keys the scenario counts. */
export interface CounterSection {
  section: string;
  keys: readonly string[];
}

/** The section's counters summed over `apis` (one per instance); throws naming the instance whose counter is not a whole number. */
export async function healthCounters(apis: readonly PlatformApi[], { section, keys }: CounterSection): Promise<HealthCounters> {
  const total: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const api of apis) {
    const health = (await api.health()) as unknown as Record<string, unknown>;
    const counters = section.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], health) as Record<string, unknown> | undefined;
    for (const key of keys) {
      const value = counters?.[key];
      if (!Number.isInteger(value)) {
        throw new ProductAssertionError(`/health of ${api.baseUrl} must count ${section}.${key} as a whole number; it reads ${section} ${JSON.stringify(counters)}`);
      }
      total[key] = (total[key] ?? 0) + (value as number);
    }
  }
  return total;
}

/**
 * Waits until the counters read exactly `before` plus `delta`, key by key (summed over the instances), then, with
 * `settleMs`, that they still do that long after: a count that goes on past the expected one (no more) fails too.
 */
export async function waitForHealthCounters(apis: readonly PlatformApi[], what: CounterSection, before: HealthCounters, delta: HealthCounters, who: string, timeoutMs = 10_000, settleMs = 0): Promise<void> {
  const expected = Object.fromEntries(what.keys.map((k) => [k, (before[k] ?? 0) + (delta[k] ?? 0)]));
  const exact = (c: HealthCounters): boolean => what.keys.every((k) => c[k] === expected[k]);
  const message = (seen: unknown, when: string): string => `[${who}] the ${what.section} counters of the platform's /health, summed over ${apis.length} instance(s), ` +
    `should read ${JSON.stringify(expected)}${when} (they read ${JSON.stringify(before)} before); they read ${seen instanceof Error ? seen.message : JSON.stringify(seen)}`;
  await retryUntil(() => healthCounters(apis, what), exact, { timeoutMs, intervalMs: 200, message: (seen) => message(seen, '') });
  if (settleMs === 0) return;
  let moved: HealthCounters | undefined;
  await retryUntil(async () => (moved = await healthCounters(apis, what)), (c) => !exact(c), { timeoutMs: settleMs, intervalMs: 200, message: () => 'settled' })
    .catch((error: unknown) => { if ((error as Error).message !== 'settled') throw error; moved = undefined; });
  if (moved !== undefined) throw new ProductAssertionError(message(moved, `, and still ${settleMs} ms later`));
}

// Lists the customer reads (timeline, recordings) checked as sequences: newest first by the platform's time, on the first page, exactly these items.

import { ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';
import type { ModulesApi } from './modules-api.ts';
import type { PlatformApi, PlatformEvent } from './platform-api.ts';

const windowPassed = 'the window passed';

/** One item of a list as the comparison sees it: its id, the platform's time, and its value in the scenario's words. */
export interface ListedItem { id: number | string; at: string; value: string }

/**
 * How `actual` differs from `expected`, as sequences of values: each item missing (with its place), each extra one, and
 * each one out of place (kept in both, but not in the same order), aligned by their longest common subsequence.
 */
export function sequenceDiff(expected: readonly string[], actual: readonly string[]): string[] {
  // The same items in another order: name each place that holds another item than expected.
  if (expected.length === actual.length && [...expected].sort().join('\n') === [...actual].sort().join('\n')) {
    return expected.flatMap((value, k) => (actual[k] === value ? [] : [`item ${k + 1} is "${actual[k]}" where "${value}" was expected (out of place)`]));
  }
  const lcs: number[][] = Array.from({ length: expected.length + 1 }, () => new Array<number>(actual.length + 1).fill(0));
  for (let i = expected.length - 1; i >= 0; i -= 1) {
    for (let j = actual.length - 1; j >= 0; j -= 1) {
      lcs[i]![j] = expected[i] === actual[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const missing: { value: string; at: number }[] = [];
  const extra: { value: string; at: number }[] = [];
  let [i, j] = [0, 0];
  while (i < expected.length || j < actual.length) {
    if (i < expected.length && j < actual.length && expected[i] === actual[j]) [i, j] = [i + 1, j + 1];
    else if (j < actual.length && (i === expected.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) extra.push({ value: actual[j]!, at: (j += 1) });
    else missing.push({ value: expected[i]!, at: (i += 1) });
  }
  const problems: string[] = [];
  // A value both missing and extra is there, but out of place.
  for (const m of [...missing]) {
    const k = extra.findIndex((e) => e.value === m.value);
    if (k < 0) continue;
    if (extra[k]!.at !== m.at) problems.push(`"${m.value}" is item ${extra[k]!.at} instead of ${m.at} (out of place)`);
    extra.splice(k, 1);
    missing.splice(missing.indexOf(m), 1);
  }
  problems.push(...missing.map((m) => `item ${m.at} "${m.value}" is missing`), ...extra.map((e) => `item ${e.at} "${e.value}" is extra`));
  return problems;
}

/** The first pair not newest first by the platform's time (equal times may come in any order: the interface says no more). */
export function newestFirstProblems(items: readonly ListedItem[]): string[] {
  for (let k = 1; k < items.length; k += 1) {
    const [newer, older] = [items[k - 1]!, items[k]!];
    if (Date.parse(older.at) > Date.parse(newer.at)) {
      return [`item ${k + 1} "${older.value}" (${older.at}) comes after item ${k} "${newer.value}" (${newer.at}), which is older: the list is not newest first`];
    }
  }
  return [];
}

export interface OrderedListOptions {
  // Which items of the page are the scenario's (its devices, since it started); the others are not compared.
  mine: (item: ListedItem) => boolean;
  timeoutMs?: number;
  // After the expected items showed, how long to watch for one more (a duplicate stored late).
  settleMs?: number;
}

/**
 * Reads the first page until the scenario's items are `expected` (values, newest first) or the deadline passes, then once
 * more after `settleMs`; throws naming each item missing, extra or out of place, and any pair of the page not newest first.
 */
export async function expectOrderedList(what: string, readPage: () => Promise<ListedItem[]>, expected: readonly string[], options: OrderedListOptions): Promise<ListedItem[]> {
  const { mine, timeoutMs = 10_000, settleMs = 1000 } = options;
  let page: ListedItem[] = [];
  const read = async (): Promise<string[]> => {
    page = await readPage();
    return [...newestFirstProblems(page), ...sequenceDiff(expected, page.filter(mine).map((item) => item.value))];
  };
  // Until `accept` holds or the window passes (then the last reading); a platform that stops answering throws.
  const watch = (accept: (p: string[]) => boolean, windowMs: number): Promise<string[]> => {
    let last: string[] = [];
    return retryUntil(async () => (last = await read()), accept, { timeoutMs: windowMs, intervalMs: 200, message: (p) => (p instanceof Error ? p.message : windowPassed) })
      .catch((error: unknown) => ((error as Error).message === windowPassed ? last : Promise.reject(error)));
  };
  let problems = await watch((p) => p.length === 0, timeoutMs);
  // A duplicate stored late, or an item that moves: the list must stay as expected for the settle window.
  if (problems.length === 0 && settleMs > 0) problems = await watch((p) => p.length > 0, settleMs);
  if (problems.length > 0) {
    const shown = page.filter(mine).map((item, k) => `${k + 1}. ${item.value} (${item.at})`).join(', ') || 'none of them';
    throw new ProductAssertionError(`${what} should list, newest first on its first page, exactly ${expected.length} item(s) of the scenario: ` +
      `${expected.map((v, k) => `${k + 1}. ${v}`).join(', ') || 'none'}; ${problems.join('; ')}. It shows ${shown} (page of ${page.length})`);
  }
  return page.filter(mine);
}

/** The customer's timeline (`GET /api/events`, first page of `pageSize`), each event as "<type> of <serial>". */
export function timelinePage(api: PlatformApi, pageSize = 50): () => Promise<ListedItem[]> {
  return async () => (await api.events(pageSize)).map((e: PlatformEvent) => ({ id: e.id, at: e.occurredAt, value: `${e.type} of ${e.serial}` }));
}

/** The customer's recordings (`GET /api/recordings`, first page of `pageSize`), each as "<kind> of <serial>". */
export function recordingsPage(modules: ModulesApi, pageSize = 50): () => Promise<ListedItem[]> {
  return async () => (await modules.recordings(pageSize)).map((r) => ({ id: r.id, at: r.startedAt, value: `${r.kind} of ${r.serial}` }));
}

/** The timeline's events of `serials` (of `type`, when given) since `since` (epoch ms) are exactly `expected` ("<type> of <serial>"), newest first. */
export function expectTimeline(api: PlatformApi, who: string, serials: readonly string[], since: number, expected: readonly string[], options: { timeoutMs?: number; settleMs?: number; type?: string } = {}): Promise<ListedItem[]> {
  const { type, ...rest } = options;
  const mine = (item: ListedItem): boolean => serials.some((s) => item.value.endsWith(` of ${s}`)) && Date.parse(item.at) >= since
    && (type === undefined || item.value.startsWith(`${type} of `));
  return expectOrderedList(`the timeline of ${who}`, timelinePage(api), expected, { mine, ...rest });
}

/** The recordings of `serials` since `since` (epoch ms) are exactly `expected` ("<kind> of <serial>"), newest first. */
export function expectRecordingsList(modules: ModulesApi, who: string, serials: readonly string[], since: number, expected: readonly string[], options: { timeoutMs?: number; settleMs?: number } = {}): Promise<ListedItem[]> {
  const mine = (item: ListedItem): boolean => serials.some((s) => item.value.endsWith(` of ${s}`)) && Date.parse(item.at) >= since;
  return expectOrderedList(`the recordings list of ${who}`, recordingsPage(modules), expected, { mine, ...options });
}

/** Exactly `count` events of `type` of the device `serial` since `since` on the timeline's first page, the page newest first. */
export function expectDeviceEvents(api: PlatformApi, who: string, serial: string, type: string, count: number, since = 0): Promise<ListedItem[]> {
  return expectTimeline(api, who, [serial], since, Array.from({ length: count }, () => `${type} of ${serial}`), { type });
}

// The request journal: every request a stub received, what it answered, and queries over them.

import { retryUntil } from '../../lib/wait.ts';
import type { JournalEntry, JournalFilter } from './types.ts';

export function matches(entry: JournalEntry, filter: JournalFilter): boolean {
  return (filter.service === undefined || entry.service === filter.service)
    && (filter.contains === undefined || entry.rawBody.includes(filter.contains))
    && (filter.method === undefined || entry.method === filter.method.toUpperCase())
    && (filter.path === undefined || entry.path === filter.path)
    && (filter.since === undefined || entry.id > filter.since)
    && (filter.handled === undefined || entry.handled === filter.handled)
    && (filter.synthetic === undefined || entry.headers['x-synthetic-traffic'] === filter.synthetic)
    && (filter.recipient === undefined || entry.recipient === filter.recipient);
}

export function describeFilter(filter: JournalFilter): string {
  return JSON.stringify(filter);
}

export class RequestJournal {
  #entries: JournalEntry[] = [];
  #nextId = 1;

  record(entry: Omit<JournalEntry, 'id'>): JournalEntry {
    const recorded = { id: this.#nextId++, ...entry };
    this.#entries.push(recorded);
    return recorded;
  }

  entries(filter: JournalFilter = {}): JournalEntry[] {
    return this.matching(filter).map((entry) => structuredClone(entry));
  }

  /**
   * The entries matching `filter`, in order, as they are (no copies: for a caller that serializes them at once). Ids
   * only grow, so a `since` starts at the first later entry instead of reading the whole journal: the workers ask for
   * the requests since their scenario's mark hundreds of times a run, and the journal holds thousands.
   */
  matching(filter: JournalFilter = {}): readonly JournalEntry[] {
    const entries = this.#entries;
    let from = 0;
    if (filter.since !== undefined) {
      let to = entries.length;
      while (from < to) {
        const middle = (from + to) >>> 1;
        if (entries[middle]!.id > filter.since) to = middle;
        else from = middle + 1;
      }
    }
    const found: JournalEntry[] = [];
    for (let i = from; i < entries.length; i += 1) if (matches(entries[i]!, filter)) found.push(entries[i]!);
    return found;
  }

  // The id of the last request ever recorded (0 before any), surviving clear().
  lastId(): number {
    return this.#nextId - 1;
  }

  unhandled(): JournalEntry[] {
    return this.entries({ handled: false });
  }

  // Ids keep increasing after a clear, so a `since` taken before stays meaningful.
  clear(): void {
    this.#entries = [];
  }

  // The first entry matching `filter`, waiting up to `timeoutMs` for it.
  async waitFor(filter: JournalFilter, timeoutMs: number): Promise<JournalEntry> {
    const found = await retryUntil(async () => this.entries(filter), (list) => list.length > 0, {
      timeoutMs,
      intervalMs: 20,
      message: () => `[stubs] expected a request matching ${describeFilter(filter)} within ${timeoutMs} ms; ` +
        `the journal holds ${this.#entries.length} request(s): ${summarize(this.#entries)}. Was the platform given the stub URL?`,
    });
    return found[0]!;
  }
}

export function summarize(entries: readonly JournalEntry[]): string {
  if (entries.length === 0) return 'none';
  return entries.slice(-5).map((e) => `#${e.id} ${e.method} ${e.path} -> ${e.status ?? 'reset'}`).join(', ');
}

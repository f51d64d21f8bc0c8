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
    return this.#entries.filter((entry) => matches(entry, filter)).map((entry) => structuredClone(entry));
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

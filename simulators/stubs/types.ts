// The stub server's vocabulary, shared by its control API and its clients: services, faults, journal entries.

import type { RequestHandler } from 'msw';

// A third-party service played by msw handlers under a path prefix, e.g. the SMS gateway under /sms.
export interface StubService {
  name: string;
  // Path prefix on the stub server, e.g. `/sms`; the platform is given `<stub url>/sms`.
  prefix: string;
  // Fresh handlers (and their state) for one server; `base` is a pattern to prefix paths with. Handlers under
  // `control` (`*/__services/<prefix>`) are the service's own control routes (scripted scenes, sent webhooks):
  // harness-only, never journaled and never faulted.
  handlers(base: string, control: string): RequestHandler[];
}

export type FaultMode = 'none' | 'down' | 'slow' | 'error' | 'malformed';

export interface Fault {
  mode: FaultMode;
  // `slow`: how long to hold each request before answering.
  delayMs?: number;
  // `down`: reset the connection instead of answering 503.
  reset?: boolean;
  // Only requests whose raw body contains this text (a phone number, an e-mail, a serial) are faulted, so
  // scenarios running in parallel fault only their own traffic. Without it the whole service is faulted.
  match?: string;
  // Only the next N matching requests are faulted; then the fault lifts by itself (a transient failure).
  times?: number;
}

export interface JournalEntry {
  // Increasing from 1; `since` filters on it.
  id: number;
  // The service whose prefix matched, or `unknown`.
  service: string;
  method: string;
  path: string;
  query: string;
  // Lower-case header names.
  headers: Record<string, string>;
  // Parsed JSON when the body is JSON, the text otherwise, null when empty.
  body: unknown;
  rawBody: string;
  // Arrival time, ISO UTC.
  at: string;
  // False when no handler knew the request: the scenario must fail.
  handled: boolean;
  // The fault the service was in when the request arrived.
  fault: FaultMode;
  // Status answered; null while pending or when the connection was reset.
  status: number | null;
}

export interface JournalFilter {
  service?: string;
  // Substring of the raw body.
  contains?: string;
  method?: string;
  path?: string;
  // Only entries with an id greater than this.
  since?: number;
  handled?: boolean;
  // Value of the `X-Synthetic-Traffic` header.
  synthetic?: string;
}

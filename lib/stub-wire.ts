// The stub server's control API on the wire: its fault switches and journal, shared by the server and its clients.

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
  // True when the service recognised a retry of a request it had already carried out (same idempotency key, answered
  // with `Idempotent-Replayed: true`) and did not carry it out again: not a second message nor a second charge.
  replayed?: boolean;
  // Whom the request is for and what it is about, as the service identifies them from its body (see StubService.identify):
  // absent when the service does not say or the body does not tell.
  recipient?: string;
  subject?: string;
}

/** Whom a request to a third party is for (a phone, an e-mail, a monitoring account) and what it is about (a device, an instrument). */
export interface Identity { recipient?: string; subject?: string }

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
  // The recipient the service identified.
  recipient?: string;
}

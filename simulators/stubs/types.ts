// The stub server's vocabulary, shared by its control API and its clients: services, faults, journal entries.

import type { RequestHandler } from 'msw';

// A third-party service played by msw handlers under a path prefix, e.g. the SMS gateway under /sms.
export interface StubService {
  name: string;
  // Path prefix on the stub server, e.g. `/sms`; the platform is given `<stub url>/sms`.
  prefix: string;
  // The platform's flag that takes this service's URL, e.g. `--sms-url`: the environment hands every service's URL this way.
  platformFlag: string;
  // Fresh handlers (and their state) for one server; `base` is a pattern to prefix paths with. Handlers under
  // `control` (`*/__services/<prefix>`) are the service's own control routes (scripted scenes, sent webhooks):
  // harness-only, never journaled and never faulted.
  handlers(base: string, control: string): RequestHandler[];
  // Whom a request is for and what it is about, read from its parsed body (and path): the journal records it, so that
  // "exactly N to this customer, none to anyone else" can be checked without knowing the service's wire format.
  identify?(body: unknown, path: string): Identity | undefined;
}

import type { Identity } from '../../lib/stub-wire.ts';

export type { Fault, FaultMode, Identity, JournalEntry, JournalFilter } from '../../lib/stub-wire.ts';

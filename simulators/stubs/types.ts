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
}

export type { Fault, FaultMode, JournalEntry, JournalFilter } from '../../lib/stub-wire.ts';

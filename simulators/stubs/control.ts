// The control API under /__: lets other processes (Cucumber workers) read the journal and switch faults.

import { http, HttpResponse, type RequestHandler } from 'msw';
import type { FaultBoard } from './faults.ts';
import type { RequestJournal } from './journal.ts';
import type { Fault, JournalFilter, StubService } from './types.ts';

export const controlRoutes = [
  'GET /__health', 'GET /__journal?service=&contains=&method=&path=&since=&handled=&synthetic=&recipient=', 'DELETE /__journal',
  'GET /__mark', 'GET /__unhandled?since=', 'GET /__faults', 'POST /__faults {service, mode, delayMs?, reset?, match?, times?}', 'DELETE /__faults',
  '* /__services/<service>/... (a service\'s own control routes, e.g. PUT /__services/ai/scenes/<device>)',
];

export function controlHandlers(journal: RequestJournal, faults: FaultBoard, services: readonly StubService[]): RequestHandler[] {
  return [
    http.get('*/__health', () => HttpResponse.json({ status: 'ok', services: services.map(({ name, prefix }) => ({ name, prefix })) })),
    http.get('*/__journal', ({ request }) => {
      const filter = parseFilter(new URL(request.url));
      if (typeof filter === 'string') return HttpResponse.json({ error: filter }, { status: 400 });
      return HttpResponse.json(journal.matching(filter));
    }),
    http.delete('*/__journal', () => {
      journal.clear();
      return new HttpResponse(null, { status: 204 });
    }),
    // A scenario takes the mark when it starts, then looks only at later requests (parallel workers share the journal).
    http.get('*/__mark', () => HttpResponse.json({ lastId: journal.lastId() })),
    http.get('*/__unhandled', ({ request }) => {
      const filter = parseFilter(new URL(request.url));
      if (typeof filter === 'string') return HttpResponse.json({ error: filter }, { status: 400 });
      return HttpResponse.json(journal.matching({ ...filter, handled: false }));
    }),
    http.get('*/__faults', () => HttpResponse.json(faults.all())),
    http.post('*/__faults', async ({ request }) => {
      const body = (await request.json().catch(() => null)) as ({ service?: unknown } & Fault) | null;
      if (body === null || typeof body.service !== 'string') {
        return HttpResponse.json({ error: 'POST /__faults expects JSON {service, mode, delayMs?, reset?}' }, { status: 400 });
      }
      const { service, ...fault } = body;
      try {
        faults.set(service, fault);
      } catch (error) {
        return HttpResponse.json({ error: (error as Error).message }, { status: 400 });
      }
      return HttpResponse.json({ service, fault: faults.get(service, fault.match) });
    }),
    http.delete('*/__faults', () => {
      faults.reset();
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

function parseFilter(url: URL): JournalFilter | string {
  const q = url.searchParams;
  const filter: JournalFilter = {};
  for (const key of ['service', 'contains', 'method', 'path', 'synthetic', 'recipient'] as const) {
    const value = q.get(key);
    if (value !== null) filter[key] = value;
  }
  const since = q.get('since');
  if (since !== null) {
    if (!/^\d+$/.test(since)) return `"since" must be a journal entry id (an integer); got "${since}"`;
    filter.since = Number(since);
  }
  const handled = q.get('handled');
  if (handled !== null) {
    if (handled !== 'true' && handled !== 'false') return `"handled" must be true or false; got "${handled}"`;
    filter.handled = handled === 'true';
  }
  return filter;
}

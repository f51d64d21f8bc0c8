// How a stub service answers one request: its msw handlers, bent by the fault it is in.

import { getResponse, HttpResponse, type RequestHandler } from 'msw';
import { setTimeout as delay } from 'node:timers/promises';
import type { Fault, StubService } from './types.ts';

export interface Mounted {
  service: StubService;
  handlers: RequestHandler[];
}

export type Answer = { kind: 'response'; response: Response; handled: boolean } | { kind: 'reset' };

export async function respond(mounted: Mounted | undefined, fault: Fault, request: Request, signal: AbortSignal): Promise<Answer> {
  if (mounted === undefined) return unhandled(request, undefined);
  const name = mounted.service.name;
  switch (fault.mode) {
    case 'down':
      if (fault.reset === true) return { kind: 'reset' };
      return injected(503, `${name} is down (injected fault "down")`);
    case 'error':
      return injected(500, `${name} failed (injected fault "error")`);
    case 'slow':
      await delay(fault.delayMs ?? 0, undefined, { signal });
      return handle(mounted, request);
    case 'malformed': {
      const answer = await handle(mounted, request);
      if (answer.kind !== 'response' || !answer.handled) return answer;
      // Keeps the status and content type, breaks the JSON: the platform must survive a garbled answer.
      const headers = new Headers(answer.response.headers);
      headers.set('content-type', 'application/json');
      return { ...answer, response: new Response('{"injected-fault":"malformed",', { status: answer.response.status, headers }) };
    }
    case 'none':
      return handle(mounted, request);
  }
}

async function handle(mounted: Mounted, request: Request): Promise<Answer> {
  const response = await getResponse(mounted.handlers, request);
  if (response === undefined) return unhandled(request, mounted.service);
  return { kind: 'response', response, handled: true };
}

function injected(status: number, message: string): Answer {
  return { kind: 'response', response: HttpResponse.json({ error: `[stubs] ${message}` }, { status }), handled: true };
}

function unhandled(request: Request, service: StubService | undefined): Answer {
  const { pathname } = new URL(request.url);
  const where = service ? `in service "${service.name}" (${service.prefix})` : 'under any service prefix';
  const message = `[stubs] no handler for ${request.method} ${pathname} ${where}. The platform sent a request the stubs ` +
    `do not know, so the scenario fails: fix the URL the platform was given, or add a handler in simulators/stubs/services/.`;
  return { kind: 'response', response: HttpResponse.json({ error: message }, { status: 501 }), handled: false };
}

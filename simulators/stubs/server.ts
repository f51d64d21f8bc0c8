// The stub server: third-party services as msw handlers over real HTTP, with a journal and fault switches.

import { getResponse, HttpResponse } from 'msw';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvironmentError } from '../../lib/errors.ts';
import { controlHandlers, controlRoutes } from './control.ts';
import { FaultBoard } from './faults.ts';
import { headersOf, parseBody, readBody, sendResponse, toFetchRequest } from './http-bridge.ts';
import { RequestJournal } from './journal.ts';
import { respond, type Mounted } from './respond.ts';
import { defaultServices } from './services/index.ts';
import type { Fault, Identity, StubService } from './types.ts';

export interface StubServerOptions {
  host?: string;
  // 0 (the default) lets the OS choose.
  port?: number;
  services?: readonly StubService[];
}

export interface StartedStubServer extends AsyncDisposable {
  readonly url: string;
  readonly port: number;
  readonly journal: RequestJournal;
  // The base URL to give the platform for a service, e.g. `http://127.0.0.1:41234/sms`.
  serviceUrl(service: string): string;
  // Each service's platform flag and URL, in the table's order, e.g. `['--sms-url', 'http://127.0.0.1:41234/sms', ...]`.
  platformArgs(): string[];
  setFault(service: string, fault: Fault): void;
  resetFaults(): void;
  close(): Promise<void>;
}

export async function startStubServer(options: StubServerOptions = {}): Promise<StartedStubServer> {
  const host = options.host ?? '127.0.0.1';
  const services = options.services ?? defaultServices;
  const mounted: Mounted[] = services.map((service) => ({ service, handlers: service.handlers(`*${service.prefix}`, `*/__services${service.prefix}`) }));
  // A service's own control routes (under /__services/<prefix>) are found among its handlers, never journaled nor faulted.
  const serviceControls = mounted.flatMap(({ handlers }) => handlers);
  const journal = new RequestJournal();
  const faults = new FaultBoard(services.map((s) => s.name));
  const control = controlHandlers(journal, faults, services);
  const closing = new AbortController();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (closing.signal.aborted) return void req.socket.destroy();
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`[stubs] the stub server failed on ${req.method} ${req.url}: ${String(error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stubs.invalid');
    const request = toFetchRequest(req, url, raw);
    if (url.pathname.startsWith('/__')) {
      const answer = await getResponse(url.pathname.startsWith('/__services/') ? serviceControls : control, request);
      return sendResponse(res, answer ?? HttpResponse.json({ error: `[stubs] unknown control route; known: ${controlRoutes.join(', ')}` }, { status: 404 }));
    }
    const target = mounted.find(({ service: { prefix } }) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
    const rawBody = raw.toString('utf8');
    const fault = target ? faults.apply(target.service.name, rawBody) : { mode: 'none' as const };
    const body = parseBody(rawBody, req.headers['content-type']);
    const entry = journal.record({
      service: target?.service.name ?? 'unknown', method: request.method, path: url.pathname, query: url.search,
      headers: headersOf(req), body, rawBody,
      at: new Date().toISOString(), handled: true, fault: fault.mode, status: null,
      ...identityOf(target?.service, body, url.pathname),
    });
    const answer = await respond(target, fault, request, closing.signal);
    if (answer.kind === 'reset') return void req.socket.resetAndDestroy();
    entry.handled = answer.handled;
    entry.status = answer.response.status;
    if (answer.response.headers.get('idempotent-replayed') === 'true') entry.replayed = true;
    await sendResponse(res, answer.response);
  }

  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing.abort();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };

  return {
    url, port, journal,
    serviceUrl(name) {
      const service = services.find((s) => s.name === name);
      if (!service) throw new Error(`[stubs] no service "${name}"; the services are: ${services.map((s) => s.name).join(', ')}`);
      return `${url}${service.prefix}`;
    },
    platformArgs: () => services.flatMap((service) => [service.platformFlag, `${url}${service.prefix}`]),
    setFault: (service, fault) => faults.set(service, fault),
    resetFaults: () => faults.reset(),
    close,
    [Symbol.asyncDispose]: close,
  };
}

// Only the identity's non-empty strings: a malformed body identifies nobody rather than breaking the journal.
function identityOf(service: StubService | undefined, body: unknown, path: string): Identity {
  const found = service?.identify?.(body, path);
  const identity: Identity = {};
  if (typeof found?.recipient === 'string' && found.recipient !== '') identity.recipient = found.recipient;
  if (typeof found?.subject === 'string' && found.subject !== '') identity.subject = found.subject;
  return identity;
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new EnvironmentError(`the stub server could not listen on ${host}:${port}: ${error.message}`, { cause: error })));
    server.listen(port, host, () => resolve());
  });
}

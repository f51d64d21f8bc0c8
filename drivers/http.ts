// JSON over fetch with a deadline: a dead peer is an EnvironmentError, an unexpected answer is an HttpAssertionError.

import { EnvironmentError, ProductAssertionError } from '../lib/errors.ts';

// The peer answered, but not what the contract says: the product misbehaves.
export class HttpAssertionError extends Error {
  override name = 'HttpAssertionError';
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly body: string;

  constructor(method: string, url: string, status: number, body: string, rule: string) {
    super(`${method} ${url} answered ${status}, ${rule}: ${body.length > 300 ? `${body.slice(0, 300)}…` : body || '(empty body)'}`);
    this.method = method;
    this.url = url;
    this.status = status;
    this.body = body;
  }
}

export interface JsonRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  // Who is called, for the hint of an environment error: "the platform instance", "the stub server".
  peer: string;
}

export interface JsonAnswer {
  status: number;
  text: string;
}

export async function sendJson(request: JsonRequest): Promise<JsonAnswer> {
  const { method, url, timeoutMs, peer } = request;
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(url, {
      method, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual',
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new EnvironmentError(`${method} ${url} got no answer within ${timeoutMs} ms. Is ${peer} alive and not overloaded?`, { cause: error });
    }
    throw new EnvironmentError(`${method} ${url} could not reach ${peer}: ${networkReason(error)}. Is it running at that address?`, { cause: error });
  }
}

// Parses the answer as JSON when its status is the one expected; throws HttpAssertionError otherwise.
export function expectJson<T>(request: JsonRequest, answer: JsonAnswer, expected: number): T {
  if (answer.status !== expected) throw new HttpAssertionError(request.method, request.url, answer.status, answer.text, `expected ${expected}`);
  try {
    return JSON.parse(answer.text) as T;
  } catch {
    throw new HttpAssertionError(request.method, request.url, answer.status, answer.text, 'expected a JSON body');
  }
}

function networkReason(error: unknown): string {
  let cause: unknown = error;
  // undici wraps the socket error: TypeError('fetch failed', { cause: Error{ code: 'ECONNREFUSED' } }).
  while (cause instanceof Error && cause.cause !== undefined) cause = cause.cause;
  if (cause instanceof AggregateError && cause.errors.length > 0) cause = cause.errors[0];
  const code = (cause as { code?: unknown } | undefined)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}

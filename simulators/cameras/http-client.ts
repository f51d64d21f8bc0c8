// HTTP as a camera does it: one request with a deadline; an unreachable platform is broken, a refusal is the product's answer.

import { EnvironmentError, ProductAssertionError } from '../../lib/errors.ts';

export interface DeviceRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export interface DeviceAnswer {
  status: number;
  text: string;
}

/** Sends the request; throws EnvironmentError when no answer comes (refused, timed out). */
export async function deviceFetch(request: DeviceRequest, timeoutMs: number, who: string): Promise<DeviceAnswer> {
  try {
    const response = await fetch(request.url, {
      method: request.method, headers: request.headers, body: typeof request.body === 'string' ? request.body : request.body === undefined ? undefined : new Uint8Array(request.body), signal: AbortSignal.timeout(timeoutMs), redirect: 'manual',
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const why = error instanceof DOMException && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : rootCause(error);
    throw new EnvironmentError(`${who} could not reach the platform at ${request.method} ${request.url}: ${why}. Is the platform instance running there?`, { cause: error });
  }
}

/** Throws a ProductAssertionError naming the call when the answer is not the expected status. */
export function expectStatus(answer: DeviceAnswer, expected: number[], request: DeviceRequest, who: string): void {
  if (expected.includes(answer.status)) return;
  const hint = answer.status === 401 ? ' The platform refused the camera\'s credentials.'
    : answer.status === 403 ? ' Is the camera claimed by an account?' : '';
  throw new ProductAssertionError(`${who}: ${request.method} ${request.url} answered ${answer.status} (expected ${expected.join(' or ')}): ${answer.text.slice(0, 200)}.${hint}`);
}

function rootCause(error: unknown): string {
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause !== undefined) cause = cause.cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}

// A live-view client: reads a camera's MJPEG stream through the platform, frame by frame, as a customer's player does.

import { EnvironmentError, ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';

export interface LiveFrame {
  jpeg: Buffer;
  /** The frame's JPEG comment (COM segment), where cameras write who they are and when the frame was taken. */
  comment: string | undefined;
}

export interface LiveViewOptions {
  /** Bearer token of the customer (API) or `cookie` of a customer-space session. */
  token?: string;
  cookie?: string;
  frames: number;
  timeoutMs?: number;
}

/**
 * Reads `frames` frames of the multipart/x-mixed-replace stream at `url`; every frame must be a whole JPEG.
 * A 404 ("not streaming yet": the camera's announcement may still be on its way) is asked again until the deadline.
 */
export async function readLiveFrames(url: string, options: LiveViewOptions): Promise<LiveFrame[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.cookie !== undefined) headers['cookie'] = options.cookie;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const frames: LiveFrame[] = [];
  try {
    const open = async (): Promise<Response> => {
      const answer = await fetch(url, { headers, signal: abort.signal }).catch((error: unknown) => {
        throw new EnvironmentError(`live view: GET ${url} could not reach the platform (${(error as Error).message})`, { cause: error });
      });
      if (answer.status === 404) await answer.body?.cancel();
      return answer;
    };
    const response = await retryUntil(open, (answer) => answer.status !== 404, {
      timeoutMs: Math.max(0, timeoutMs - 500), intervalMs: 100,
      message: () => `live view: GET ${url} still answers 404 (not streaming) after ${timeoutMs} ms. Is the camera online, and did it announce its live view?`,
    });
    const boundary = /boundary=("?)([^";]+)\1/.exec(response.headers.get('content-type') ?? '')?.[2];
    if (response.status !== 200 || boundary === undefined || response.body === null) {
      throw new ProductAssertionError(`live view: GET ${url} answered ${response.status} ${response.headers.get('content-type') ?? ''}, expected 200 multipart/x-mixed-replace: ${(await response.text()).slice(0, 200)}`);
    }
    let buffer: Buffer = Buffer.alloc(0);
    for await (const chunk of response.body) {
      buffer = Buffer.concat([buffer, chunk]);
      buffer = takeFrames(buffer, boundary, frames);
      if (frames.length >= options.frames) break;
    }
  } catch (error) {
    if (abort.signal.aborted) {
      throw new ProductAssertionError(`live view: expected ${options.frames} frames from ${url} within ${timeoutMs} ms, got ${frames.length}. Is the camera streaming, and does the platform relay it?`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  if (frames.length < options.frames) throw new ProductAssertionError(`live view: the stream at ${url} ended after ${frames.length} of ${options.frames} frames`);
  return frames.slice(0, options.frames);
}

/** Moves every complete part of `buffer` into `frames`; returns what is left. */
function takeFrames(input: Buffer, boundary: string, frames: LiveFrame[]): Buffer {
  let buffer = input;
  for (;;) {
    const start = buffer.indexOf(`--${boundary}`);
    const headersEnd = start < 0 ? -1 : buffer.indexOf('\r\n\r\n', start);
    if (headersEnd < 0) return buffer;
    const head = buffer.subarray(start, headersEnd).toString('latin1');
    const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? Number.NaN);
    if (Number.isNaN(length)) throw new ProductAssertionError(`live view: a part of the stream has no Content-Length: ${head.slice(0, 120)}`);
    const bodyStart = headersEnd + 4;
    if (buffer.length < bodyStart + length) return buffer;
    const jpeg = Buffer.from(buffer.subarray(bodyStart, bodyStart + length));
    if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8 || jpeg.at(-2) !== 0xff || jpeg.at(-1) !== 0xd9) {
      throw new ProductAssertionError('live view: a frame is not a whole JPEG (it must start with FF D8 and end with FF D9)');
    }
    frames.push({ jpeg, comment: jpegComment(jpeg) });
    buffer = buffer.subarray(bodyStart + length);
  }
}

/** The text of the first COM segment (ITU-T T.81 B.2.4.5) before the scan, or undefined. */
export function jpegComment(jpeg: Uint8Array): string | undefined {
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1] ?? 0;
    const length = ((jpeg[offset + 2] ?? 0) << 8) | (jpeg[offset + 3] ?? 0);
    if (marker === 0xfe) return Buffer.from(jpeg.subarray(offset + 4, offset + 2 + length)).toString('utf8');
    if (marker === 0xda) return undefined;
    offset += 2 + length;
  }
  return undefined;
}

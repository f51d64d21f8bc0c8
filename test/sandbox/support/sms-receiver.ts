// A tiny SMS gateway for tests: records every POST /messages (headers and JSON body) and answers 202.

import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { retryUntil } from '../../../lib/wait.ts';

export interface ReceivedSms {
  path: string;
  headers: IncomingHttpHeaders;
  body: { from?: string; to?: string; text?: string };
}

export interface SmsReceiver {
  /** The base URL to pass as --sms-url. */
  url: string;
  received: ReceivedSms[];
  /** Waits (with a deadline) until a message matching `accept` has arrived; returns it. */
  waitFor(accept: (sms: ReceivedSms) => boolean, what: string, timeoutMs?: number): Promise<ReceivedSms>;
  close(): Promise<void>;
}

export async function startSmsReceiver(): Promise<SmsReceiver> {
  const received: ReceivedSms[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(text || '{}') as ReceivedSms['body'] });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    async waitFor(accept, what, timeoutMs = 5000) {
      const found = await retryUntil(async () => received.find(accept), (sms) => sms !== undefined, {
        timeoutMs,
        intervalMs: 20,
        message: () => `expected an SMS ${what} within ${timeoutMs} ms; received ${received.length}: ${JSON.stringify(received.map((r) => r.body))}`,
      });
      return found!;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

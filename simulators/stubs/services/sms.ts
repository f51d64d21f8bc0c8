// The SMS gateway: POST <sms-url>/messages {from, to, text} -> 202 {id}. A request carrying an `Idempotency-Key` already
// accepted is a retry: the gateway answers the first id with `Idempotent-Replayed: true` and sends nothing again.

import { http, HttpResponse } from 'msw';
import type { StubService } from '../types.ts';
import { textAt } from './identify.ts';

const fields = ['from', 'to', 'text'] as const;

export const smsService: StubService = {
  name: 'sms',
  prefix: '/sms',
  platformFlag: '--sms-url',
  // The phone the SMS goes to.
  identify: (body) => ({ recipient: textAt(body, 'to') }),
  handlers(base) {
    let sent = 0;
    const accepted = new Map<string, string>();
    return [
      http.post(`${base}/messages`, async ({ request }) => {
        const body: unknown = await request.json().catch(() => undefined);
        const missing = fields.filter((field) => typeof (body as Record<string, unknown> | undefined)?.[field] !== 'string'
          || (body as Record<string, string>)[field] === '');
        if (missing.length > 0) {
          return HttpResponse.json(
            { error: `the SMS gateway expects JSON {from, to, text} as non-empty strings; missing or invalid: ${missing.join(', ')}` },
            { status: 400 },
          );
        }
        const key = request.headers.get('idempotency-key');
        const known = key === null ? undefined : accepted.get(key);
        if (known !== undefined) return HttpResponse.json({ id: known }, { status: 202, headers: { 'idempotent-replayed': 'true' } });
        sent += 1;
        const id = `sms-${sent}`;
        if (key !== null) accepted.set(key, id);
        return HttpResponse.json({ id }, { status: 202 });
      }),
    ];
  },
};

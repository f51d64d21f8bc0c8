// The SMS gateway: POST <sms-url>/messages {from, to, text} -> 202 {id}.

import { http, HttpResponse } from 'msw';
import type { StubService } from '../types.ts';

const fields = ['from', 'to', 'text'] as const;

export const smsService: StubService = {
  name: 'sms',
  prefix: '/sms',
  handlers(base) {
    let sent = 0;
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
        sent += 1;
        return HttpResponse.json({ id: `sms-${sent}` }, { status: 202 });
      }),
    ];
  },
};

// The monitoring centre (télésurveillance): POST <monitoring-url>/alarms {account, serial, type, occurredAt, ...} -> 202 {id}.

import { http, HttpResponse } from 'msw';
import type { StubService } from '../types.ts';
import { textAt } from './identify.ts';

const required = ['account', 'serial', 'type', 'occurredAt'] as const;

export const monitoringService: StubService = {
  name: 'monitoring',
  prefix: '/monitoring',
  platformFlag: '--monitoring-url',
  // The monitoring account the alarm is raised on, and the device that raised it.
  identify: (body) => ({ recipient: textAt(body, 'account'), subject: textAt(body, 'serial') }),
  handlers(base) {
    let received = 0;
    return [
      http.post(`${base}/alarms`, async ({ request }) => {
        const body: unknown = await request.json().catch(() => undefined);
        const missing = required.filter((field) => typeof (body as Record<string, unknown> | undefined)?.[field] !== 'string'
          || (body as Record<string, string>)[field] === '');
        if (missing.length > 0) {
          return HttpResponse.json(
            { error: `the monitoring centre expects JSON {account, serial, type, occurredAt} as non-empty strings; missing or invalid: ${missing.join(', ')}` },
            { status: 400 },
          );
        }
        received += 1;
        return HttpResponse.json({ id: `alarm-${received}` }, { status: 202 });
      }),
    ];
  },
};

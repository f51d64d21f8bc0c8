// The mail provider: POST <mail-url>/messages {from: {name, address}, to, subject, text} -> 202 {id}.

import { http, HttpResponse } from 'msw';
import type { StubService } from '../types.ts';
import { textAt } from './identify.ts';

const emailPattern = /^[^\s@]+@[^\s@]+$/;

/** Why `body` is not a message the provider accepts, or undefined when it is. */
export function mailProblem(body: unknown): string | undefined {
  const b = (body ?? {}) as Record<string, unknown>;
  const from = (b['from'] ?? {}) as Record<string, unknown>;
  const invalid = [
    typeof from['name'] === 'string' && from['name'] !== '' ? undefined : 'from.name',
    typeof from['address'] === 'string' && emailPattern.test(from['address']) ? undefined : 'from.address',
    typeof b['to'] === 'string' && emailPattern.test(b['to']) ? undefined : 'to',
    typeof b['subject'] === 'string' && b['subject'] !== '' ? undefined : 'subject',
    typeof b['text'] === 'string' && b['text'] !== '' ? undefined : 'text',
  ].filter((field) => field !== undefined);
  if (invalid.length === 0) return undefined;
  return `the mail provider expects JSON {from: {name, address}, to, subject, text} with e-mail addresses and non-empty strings; missing or invalid: ${invalid.join(', ')}`;
}

export const mailService: StubService = {
  name: 'mail',
  prefix: '/mail',
  platformFlag: '--mail-url',
  // The address the e-mail goes to.
  identify: (body) => ({ recipient: textAt(body, 'to') }),
  handlers(base) {
    let sent = 0;
    return [
      http.post(`${base}/messages`, async ({ request }) => {
        const problem = mailProblem(await request.json().catch(() => undefined));
        if (problem) return HttpResponse.json({ error: problem }, { status: 400 });
        sent += 1;
        return HttpResponse.json({ id: `mail-${sent}` }, { status: 202 });
      }),
    ];
  },
};

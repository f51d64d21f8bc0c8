// The payment provider: card and SEPA charges (POST <payment-url>/charges), idempotent per key, with webhooks back to the platform.

import { http, HttpResponse } from 'msw';
import type { StubService } from '../types.ts';
import { textAt } from './identify.ts';

export interface ChargeRequest {
  idempotencyKey: string;
  amountCents: number;
  currency: 'EUR';
  method: 'card' | 'sepa';
  // A card number or an IBAN: test instruments ending in 0002 are refused (declined card, SEPA debit returned).
  instrument: string;
  customer: { id: number; email: string };
  // SEPA: the mandate the customer signed (its reference, RUM), named by every debit.
  mandate?: { reference: string; signedAt: string };
  // Where to POST the outcome; else the URL configured when the service was created.
  webhookUrl?: string;
}

export interface Charge { id: string; status: 'succeeded' | 'failed' | 'pending'; failureCode?: string }

export interface SentWebhook { chargeId: string; url: string; type: string; status: number | null; error?: string; at: string }

/**
 * How the provider treats one customer's webhooks (by e-mail), set by a scenario: the bank that has not confirmed a SEPA
 * debit yet (its outcome held until `confirm`), and at-least-once delivery (each webhook sent `deliveries` times).
 */
export interface CustomerBehaviour { holdSepaConfirmations: boolean; deliveries: number }

export interface PaymentOptions {
  // Used when a charge names no webhookUrl.
  webhookUrl?: string;
  webhookTimeoutMs?: number;
}

/** Why `body` is not a charge the provider accepts, or undefined when it is. */
export function chargeProblem(body: unknown): string | undefined {
  const b = (body ?? {}) as Record<string, unknown>;
  const customer = (b['customer'] ?? {}) as Record<string, unknown>;
  const invalid = [
    typeof b['idempotencyKey'] === 'string' && b['idempotencyKey'] !== '' ? undefined : 'idempotencyKey',
    Number.isInteger(b['amountCents']) && (b['amountCents'] as number) > 0 ? undefined : 'amountCents',
    b['currency'] === 'EUR' ? undefined : 'currency',
    b['method'] === 'card' || b['method'] === 'sepa' ? undefined : 'method',
    typeof b['instrument'] === 'string' && /^[A-Z0-9]{12,34}$/.test(b['instrument']) ? undefined : 'instrument',
    Number.isInteger(customer['id']) && typeof customer['email'] === 'string' ? undefined : 'customer',
    b['mandate'] === undefined || (b['method'] === 'sepa' && mandateValid(b['mandate'])) ? undefined : 'mandate',
    b['webhookUrl'] === undefined || (typeof b['webhookUrl'] === 'string' && /^https?:\/\//.test(b['webhookUrl'])) ? undefined : 'webhookUrl',
  ].filter((field) => field !== undefined);
  if (invalid.length === 0) return undefined;
  return 'the payment provider expects JSON {idempotencyKey, amountCents > 0, currency: "EUR", method: card|sepa, instrument (card number or IBAN), ' +
    `customer: {id, email}, mandate?: {reference, signedAt} (SEPA only), webhookUrl?}; missing or invalid: ${invalid.join(', ')}`;
}

function mandateValid(value: unknown): boolean {
  const m = (value ?? {}) as Record<string, unknown>;
  return typeof m['reference'] === 'string' && m['reference'] !== '' && typeof m['signedAt'] === 'string' && !Number.isNaN(Date.parse(m['signedAt']));
}

/** Card charges settle at once; SEPA debits are pending, and the webhook tells the outcome. */
function settle(charge: ChargeRequest, id: string): { answer: Charge; outcome: Charge } {
  const refused = charge.instrument.endsWith('0002');
  const outcome: Charge = refused
    ? { id, status: 'failed', failureCode: charge.method === 'card' ? 'card_declined' : 'insufficient_funds' }
    : { id, status: 'succeeded' };
  return { answer: charge.method === 'card' ? outcome : { id, status: 'pending' }, outcome };
}

export function createPaymentService(options: PaymentOptions = {}): StubService {
  return {
    name: 'payment',
    prefix: '/payment',
    platformFlag: '--payment-url',
    // The customer charged (by e-mail: the platform's ids are not the harness's), and the card or IBAN debited.
    identify: (body) => ({ recipient: textAt(body, 'customer', 'email'), subject: textAt(body, 'instrument') }),
    handlers(base, control) {
      const charges = new Map<string, Charge>();
      const webhooks: SentWebhook[] = [];
      const behaviours = new Map<string, CustomerBehaviour>();
      // The SEPA outcomes held per customer, sent when the scenario says the bank confirmed.
      const held = new Map<string, (() => Promise<void>)[]>();
      const notify = async (url: string, outcome: Charge, key: string, synthetic: string | null): Promise<void> => {
        const type = outcome.status === 'succeeded' ? 'charge.succeeded' : 'charge.failed';
        const record: SentWebhook = { chargeId: outcome.id, url, type, status: null, at: new Date().toISOString() };
        webhooks.push(record);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (synthetic) headers['x-synthetic-traffic'] = synthetic;
        try {
          const body = JSON.stringify({ type, chargeId: outcome.id, idempotencyKey: key, failureCode: outcome.failureCode ?? null });
          const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 5000) });
          await res.arrayBuffer();
          record.status = res.status;
        } catch (error) {
          record.error = (error as Error).message;
        }
      };
      return [
        http.post(`${base}/charges`, async ({ request }) => {
          const body: unknown = await request.json().catch(() => undefined);
          const problem = chargeProblem(body);
          if (problem) return HttpResponse.json({ error: problem }, { status: 400 });
          const charge = body as ChargeRequest;
          const known = charges.get(charge.idempotencyKey);
          // Idempotent replay: the same key never charges twice, and answers what the first call answered.
          if (known) return HttpResponse.json(known, { status: known.status === 'pending' ? 202 : 200, headers: { 'idempotent-replayed': 'true' } });
          const { answer, outcome } = settle(charge, `ch_${charges.size + 1}`);
          charges.set(charge.idempotencyKey, outcome);
          const url = charge.webhookUrl ?? options.webhookUrl;
          const behaviour = behaviours.get(charge.customer.email) ?? { holdSepaConfirmations: false, deliveries: 1 };
          const synthetic = request.headers.get('x-synthetic-traffic');
          // At-least-once: a copy is sent again once the first was answered, as a provider does when it missed the acknowledgement.
          const deliver = async (): Promise<void> => {
            for (let i = 0; i < behaviour.deliveries && url; i += 1) await notify(url, outcome, charge.idempotencyKey, synthetic);
          };
          if (answer.status === 'pending' && behaviour.holdSepaConfirmations) held.set(charge.customer.email, [...(held.get(charge.customer.email) ?? []), deliver]);
          // After the answer has left, as a real provider's webhook would: the platform must cope with either order.
          else if (url) setImmediate(() => void deliver());
          return HttpResponse.json(answer, { status: answer.status === 'pending' ? 202 : 200 });
        }),
        http.get(`${control}/webhooks`, () => HttpResponse.json(webhooks)),
        http.put(`${control}/customers/:email`, async ({ request, params }) => {
          const body = (await request.json().catch(() => undefined)) as Partial<CustomerBehaviour> | undefined;
          const behaviour = { holdSepaConfirmations: body?.holdSepaConfirmations ?? false, deliveries: body?.deliveries ?? 1 };
          if (typeof behaviour.holdSepaConfirmations !== 'boolean' || !Number.isInteger(behaviour.deliveries) || behaviour.deliveries < 1 || behaviour.deliveries > 3) {
            return HttpResponse.json({ error: 'a customer behaviour is JSON {holdSepaConfirmations?: boolean, deliveries?: 1 to 3}' }, { status: 400 });
          }
          behaviours.set(String(params['email']), behaviour);
          return HttpResponse.json(behaviour);
        }),
        // The bank confirmed: the held outcomes go out (as many copies as the customer's deliveries), answered with their count.
        http.post(`${control}/customers/:email/confirm`, async ({ params }) => {
          const email = String(params['email']);
          const outcomes = held.get(email) ?? [];
          held.delete(email);
          behaviours.set(email, { ...(behaviours.get(email) ?? { deliveries: 1 }), holdSepaConfirmations: false });
          await Promise.all(outcomes.map((deliver) => deliver()));
          return HttpResponse.json({ confirmed: outcomes.length });
        }),
        http.delete(`${control}/customers/:email`, ({ params }) => {
          behaviours.delete(String(params['email']));
          held.delete(String(params['email']));
          return new HttpResponse(null, { status: 204 });
        }),
      ];
    },
  };
}

export const paymentService: StubService = createPaymentService();

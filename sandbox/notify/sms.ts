// Client of the SMS gateway (`--sms-url`): one POST per message, retried with backoff while the gateway fails; never throws.
// Every attempt of one message carries the same Idempotency-Key: an attempt whose answer came too late was still sent,
// and the gateway must not send it again when the retry arrives.

import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import { createOutbound, describeOutcome, withRetry, type Outbound } from '../modules/outbound.ts';
import { policy } from '../modules/policy.ts';

export interface SmsMessage {
  from: string;
  to: string;
  text: string;
}

export interface SmsStats {
  /** Messages handed to the gateway call (counted before the call, so a test can tell "none decided" from "not arrived yet"). */
  queued: number;
  sent: number;
  failed: number;
  /** Attempts made again after the gateway failed or did not answer in time. */
  retried: number;
  /** Alerts not sent because the account's monthly SMS quota was used up. */
  overQuota: number;
}

export interface SmsClient {
  readonly stats: SmsStats;
  /** Resolves true when the gateway accepted the message. */
  send(message: SmsMessage, syntheticRun: string | null): Promise<boolean>;
}

export function createSmsClient(baseUrl: string, log: Logger, outbound: Outbound = createOutbound(log)): SmsClient {
  const stats: SmsStats = { queued: 0, sent: 0, failed: 0, retried: 0, overQuota: 0 };
  const endpoint = `${baseUrl}/messages`;
  const { timeoutMs, attempts, backoffMs } = policy.sms;
  return {
    stats,
    async send(message, syntheticRun) {
      stats.queued += 1;
      const key = randomUUID();
      const outcome = await withRetry(attempts, backoffMs, () => outbound.post('sms', endpoint, message, syntheticRun, timeoutMs, key), (o) => {
        stats.retried += 1;
        log.warn(`SMS to ${message.to}: ${describeOutcome(o)}; retrying`);
      });
      // A garbled 2xx still means "accepted": sending again would give the customer the alert twice.
      if (outcome.kind === 'answered' || outcome.kind === 'garbled') {
        if (outcome.kind === 'garbled') log.warn(`SMS to ${message.to}: the gateway accepted it with an unreadable answer`);
        stats.sent += 1;
        return true;
      }
      stats.failed += 1;
      log.error(`SMS to ${message.to} via ${endpoint} failed: ${describeOutcome(outcome)}`);
      return false;
    },
  };
}

// Client of the SMS gateway (`--sms-url`): one POST per message, 5 s at most, failures logged and counted, never thrown.

import type { Logger } from '../log.ts';
import { describeError } from '../log.ts';

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
}

export interface SmsClient {
  readonly stats: SmsStats;
  send(message: SmsMessage, syntheticRun: string | null): Promise<void>;
}

const timeoutMs = 5000;

export function createSmsClient(baseUrl: string, log: Logger): SmsClient {
  const stats: SmsStats = { queued: 0, sent: 0, failed: 0 };
  const endpoint = `${baseUrl}/messages`;
  return {
    stats,
    async send(message, syntheticRun) {
      stats.queued += 1;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (syntheticRun) headers['x-synthetic-traffic'] = syntheticRun;
      try {
        const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(message), signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        stats.sent += 1;
      } catch (error) {
        stats.failed += 1;
        log.error(`SMS to ${message.to} via ${endpoint} failed: ${describeError(error)}`);
      }
    },
  };
}

// E-mail through the mail provider (`--mail-url`): queued in the outbox, sent at once, retried by the scheduler while the provider fails.

import type { Logger } from '../log.ts';
import { describeOutcome, type Outbound } from '../modules/outbound.ts';
import { policy } from '../modules/policy.ts';
import type { OutboxMail, OutboxStore } from '../store/index.ts';

export interface MailMessage {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
}

export interface MailStats {
  /** Mails put in the outbox. */
  queued: number;
  sent: number;
  /** Mails given up (the provider refused them, or kept failing). */
  failed: number;
  /** Attempts put off because the provider failed or did not answer in time. */
  retried: number;
  /** Alerts not sent because the account's monthly e-mail quota was used up. */
  overQuota: number;
}

export interface Mailer {
  readonly stats: MailStats;
  /** Queues the mail and tries it at once; resolves when that first attempt is over. */
  send(customerId: number, message: MailMessage, syntheticRun: string | null): Promise<void>;
  /** Sends the mails whose next attempt is due (the scheduler calls this). */
  deliverDue(): Promise<void>;
}

export function createMailer(baseUrl: string | undefined, outbox: OutboxStore, outbound: Outbound, now: () => Promise<Date>, log: Logger): Mailer {
  const stats: MailStats = { queued: 0, sent: 0, failed: 0, retried: 0, overQuota: 0 };
  const endpoint = baseUrl === undefined ? undefined : `${baseUrl}/messages`;
  const { timeoutMs, backoffMs, maxBackoffMs, maxAttempts, leaseMs } = policy.mail;

  async function attempt(mail: OutboxMail): Promise<void> {
    const outcome = await outbound.post('mail', endpoint, mail.message, mail.syntheticRun, timeoutMs);
    const attempts = mail.attempts + 1;
    const to = String(mail.message['to']);
    if (outcome.kind === 'answered' || outcome.kind === 'garbled') {
      stats.sent += 1;
      return outbox.markSent(mail.id);
    }
    const why = describeOutcome(outcome);
    if (outcome.kind === 'rejected' || attempts >= maxAttempts) {
      stats.failed += 1;
      log.error(`mail #${mail.id} to ${to} given up after ${attempts} attempt(s): ${why}`);
      return outbox.markFailed(mail.id, attempts, why);
    }
    stats.retried += 1;
    const delay = Math.min(maxBackoffMs, backoffMs * 2 ** (attempts - 1));
    log.warn(`mail #${mail.id} to ${to} stays queued (${why}); next attempt in ${delay} ms`);
    await outbox.retryLater(mail.id, attempts, new Date((await now()).getTime() + delay), why);
  }

  const claim = async (id?: number): Promise<OutboxMail[]> => {
    const time = await now();
    return outbox.claim(time, new Date(time.getTime() + leaseMs), 20, id);
  };

  return {
    stats,
    async send(customerId, message, syntheticRun) {
      const id = await outbox.enqueue(customerId, { ...message }, syntheticRun, await now());
      stats.queued += 1;
      for (const mail of await claim(id)) await attempt(mail);
    },
    async deliverDue() {
      for (const mail of await claim()) await attempt(mail);
    },
  };
}

// Remote monitoring of cameras: alarms forwarded to the monitoring centre, its acknowledgement recorded, escalation when it does not answer.

import { eventLabel } from '../event-types.ts';
import type { IncomingEvent, ModuleAccount } from '../store/index.ts';
import { parisParts } from '../time.ts';
import { smsSenderOf } from './alerts.ts';
import { hitsLegacyAccount } from './legacy-faults.ts';
import type { ModuleContext } from './context.ts';
import { describeOutcome, withRetry, type Outcome } from './outbound.ts';
import { policy } from './policy.ts';

/** The centre's acknowledgement id, when it answered as it should. */
function acknowledgement(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'answered') return undefined;
  const id = (outcome.body as Record<string, unknown> | null)?.['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** "Veilis : ALERTE Tentative de sabotage sur votre caméra VG-1 le 26/11/2026 à 10:31:02. ..." */
export function escalationText(brand: string, event: Pick<IncomingEvent, 'serial' | 'at'>, alarm: string): string {
  const { date, time } = parisParts(new Date(event.at));
  return `${brand} : ALERTE ${eventLabel(alarm)} sur votre caméra ${event.serial} le ${date} à ${time}. ` +
    'Le centre de télésurveillance n\'a pas pu la prendre en charge : vérifiez votre domicile, appelez le 17 en cas de doute.';
}

/**
 * Sends the alarm to the monitoring centre and records its acknowledgement on the event; when the centre does not
 * acknowledge it (after one retry), tells the customer directly by SMS and e-mail, quotas or not: an alarm is never dropped.
 */
export async function forwardAlarm(ctx: ModuleContext, account: ModuleAccount, event: IncomingEvent, alarm: string): Promise<void> {
  const url = ctx.providers.monitoringUrl === undefined ? undefined : `${ctx.providers.monitoringUrl}/alarms`;
  const body = { account: String(account.id), customer: account.id, phone: account.phone, serial: event.serial, eventId: event.eventId, type: alarm, occurredAt: event.at, source: 'camera' };
  const { attempts, backoffMs, timeoutMs } = policy.monitoring;
  const stats = ctx.stats.monitoring;
  stats.forwarded += 1;
  const outcome = await withRetry(attempts, backoffMs, () => ctx.outbound.post('monitoring', url, body, account.syntheticRun, timeoutMs), (o) =>
    ctx.log.warn(`monitoring centre: alarm ${alarm} of ${event.serial}: ${describeOutcome(o)}; retrying`));
  // A garbled answer is not retried (withRetry retries only failures and timeouts): the centre may hold the alarm
  // already, and a second dispatch is worse than an escalation.
  const id = acknowledgement(outcome);
  if (id !== undefined) {
    stats.acknowledged += 1;
    if (hitsLegacyAccount(ctx.faults, 'legacy-alarm-forwarded-twice', ctx.version, account.createdAt)) {
      ctx.log.warn(`fault legacy-alarm-forwarded-twice: alarm ${alarm} of ${event.serial} of account ${account.id} sent to the monitoring centre again`);
      ctx.tasks.track(ctx.outbound.post('monitoring', url, body, account.syntheticRun, timeoutMs).then(() => undefined));
    }
    return ctx.store.versioned.annotateEvent(event.serial, event.eventId, { monitoring: { status: 'acknowledged', reference: id } });
  }
  stats.escalated += 1;
  const reason = outcome.kind === 'answered' ? 'no acknowledgement id in the answer' : describeOutcome(outcome);
  ctx.log.error(`monitoring centre: alarm ${alarm} of ${event.serial} not acknowledged (${reason}); escalating to customer ${account.id}`);
  await ctx.store.versioned.annotateEvent(event.serial, event.eventId, { monitoring: { status: 'escalated' } });
  const text = escalationText(account.brand, event, alarm);
  // By SMS and e-mail as the offer includes them; by SMS when it includes neither.
  if (account.modules.includes('sms') || !account.modules.includes('email')) ctx.tasks.track(ctx.providers.sms.send({ from: smsSenderOf(ctx, account), to: account.phone, text }, account.syntheticRun));
  if (account.modules.includes('email')) {
    const message = { from: { name: account.brand, address: account.mailSender }, to: account.email, subject: `${account.brand} : alarme non prise en charge`, text };
    ctx.tasks.track(ctx.providers.mail.send(account.id, message, account.syntheticRun));
  }
}

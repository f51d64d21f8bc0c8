// Alerting the customer of a detection: SMS and e-mail as the offer includes them, in the brand's name, within the monthly quotas.

import { eventLabel } from '../event-types.ts';
import type { IncomingEvent, ModuleAccount } from '../store/index.ts';
import { parisParts } from '../time.ts';
import type { Classification } from './ai.ts';
import { parisMonth } from './clock.ts';
import type { ModuleContext } from './context.ts';

/** "Veilis : Personne détectée par votre caméra VG-1 le 26/11/2026 à 10:31:02." (the AI's label replaces the camera's type). */
export function alertText(brand: string, event: Pick<IncomingEvent, 'serial' | 'type' | 'at'>, classification?: Classification): string {
  const { date, time } = parisParts(new Date(event.at));
  const what = classification?.status === 'labelled' ? eventLabel(classification.label) : eventLabel(event.type);
  const note = classification?.status === 'unavailable' ? ' (analyse IA indisponible)' : '';
  return `${brand} : ${what} par votre caméra ${event.serial} le ${date} à ${time}${note}.`;
}

/** The direct brand's SMS sender: what a white label's SMS falls back to under fault `sms-sender-reverts`. */
const directBrandSender = 'VEILIS';

/** The sender name of the account's SMS: its brand's own, unless fault `sms-sender-reverts` targets its white label. */
export function smsSenderOf(ctx: ModuleContext, account: ModuleAccount): string {
  return ctx.faults.target('sms-sender-reverts', ctx.version) === account.whiteLabel ? directBrandSender : account.smsSender;
}

/**
 * Decides in line (quotas are counted in ingest order) and sends in the background (a slow provider does not stall
 * ingest). `now` is the account's clock, which picks the quota's month.
 */
export async function alertCustomer(ctx: ModuleContext, account: ModuleAccount, event: IncomingEvent, now: Date, classification?: Classification): Promise<void> {
  const text = alertText(account.brand, event, classification);
  const month = parisMonth(now);
  const { sms, mail } = ctx.providers;
  const legacyBefore = ctx.faults.target('legacy-accounts-not-alerted', ctx.version);
  if (legacyBefore !== undefined && account.createdAt.getUTCFullYear() < Number(legacyBefore)) {
    ctx.log.warn(`fault legacy-accounts-not-alerted: account ${account.id}, signed up ${account.createdAt.toISOString()}, is not alerted of ${event.serial}/${event.eventId}`);
    return;
  }
  if (account.modules.includes('sms')) {
    if (ctx.faults.has('sms-silent')) ctx.log.warn(`fault sms-silent: no SMS for event ${event.serial}/${event.eventId}`);
    else if (await ctx.store.state.consumeQuota(account.id, 'sms', month, account.smsQuota)) {
      ctx.tasks.track(sms.send({ from: smsSenderOf(ctx, account), to: account.phone, text }, account.syntheticRun));
      if (ctx.faults.on('alert-sms-sent-twice', ctx.version)) ctx.tasks.track(sms.send({ from: smsSenderOf(ctx, account), to: account.phone, text }, account.syntheticRun));
    } else {
      sms.stats.overQuota += 1;
      ctx.log.info(`account ${account.id}: monthly SMS quota of offer ${account.offer} (${account.smsQuota}) used up for ${month}; no SMS`);
    }
  }
  if (account.modules.includes('email')) {
    if (await ctx.store.state.consumeQuota(account.id, 'email', month, account.emailQuota)) {
      const subject = text.slice(0, text.indexOf(' par votre caméra'));
      const message = { from: { name: account.brand, address: account.mailSender }, to: account.email, subject, text };
      ctx.tasks.track(mail.send(account.id, message, account.syntheticRun));
    } else {
      mail.stats.overQuota += 1;
      ctx.log.info(`account ${account.id}: monthly e-mail quota of offer ${account.offer} (${account.emailQuota}) used up for ${month}; no e-mail`);
    }
  }
}

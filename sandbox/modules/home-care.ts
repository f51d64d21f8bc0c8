// Home care: when no movement is seen at home during the family's chosen window, the family is alerted (by the account's clock).

import type { HomeCareSettings, ModuleAccount, ModuleState } from '../store/index.ts';
import { parisParts } from '../time.ts';
import { smsSenderOf } from './alerts.ts';
import type { ModuleContext } from './context.ts';

/** "Présence Veilleurs : aucun mouvement détecté chez Jeanne Martin depuis 12 h (dernier signe le 26/11/2026 à 08:00:00)." */
export function inactivityText(account: Pick<ModuleAccount, 'brand' | 'name'>, settings: HomeCareSettings, since: Date): string {
  const { date, time } = parisParts(since);
  const hours = settings.windowMinutes % 60 === 0 ? `${settings.windowMinutes / 60} h` : `${settings.windowMinutes} min`;
  return `${account.brand} : aucun mouvement détecté chez ${account.name} depuis ${hours} (dernier signe le ${date} à ${time}).`;
}

/** True when the window has run out since the last movement and the family was not yet told of this inactivity. */
export function inactivityDue(state: ModuleState, now: Date): boolean {
  const { homeCare, watchSince, inactivityAlertedAt } = state;
  if (homeCare === null || watchSince === null) return false;
  if (inactivityAlertedAt !== null && inactivityAlertedAt >= watchSince) return false;
  return now.getTime() - watchSince.getTime() >= homeCare.windowMinutes * 60_000;
}

/** Alerts the family once per inactivity, by SMS and e-mail as the offer includes them. Family alerts do not count against quotas. */
export async function checkInactivity(ctx: ModuleContext, account: ModuleAccount, now: Date): Promise<void> {
  if (!account.modules.includes('home-care')) return;
  const state = await ctx.store.state.state(account.id);
  if (!inactivityDue(state, now) || state.homeCare === null || state.watchSince === null) return;
  const text = inactivityText(account, state.homeCare, state.watchSince);
  await ctx.store.state.markInactivityAlerted(account.id, now);
  ctx.stats.homeCare.alerts += 1;
  ctx.log.info(`home care: no movement at account ${account.id} since ${state.watchSince.toISOString()}; alerting the family`);
  if (account.modules.includes('sms')) ctx.tasks.track(ctx.providers.sms.send({ from: smsSenderOf(ctx, account), to: state.homeCare.familyPhone, text }, account.syntheticRun));
  if (state.homeCare.familyEmail !== null && account.modules.includes('email')) {
    const message = { from: { name: account.brand, address: account.mailSender }, to: state.homeCare.familyEmail, subject: `${account.brand} : alerte d'inactivité`, text };
    ctx.tasks.track(ctx.providers.mail.send(account.id, message, account.syntheticRun));
  }
}

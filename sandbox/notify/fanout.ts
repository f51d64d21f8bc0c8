// What a stored event sets off, as the account's offer allows: home-care watch, recording, AI classification, alerts, monitoring centre.

import { classify } from '../modules/ai.ts';
import { alertCustomer, alertText } from '../modules/alerts.ts';
import type { ModuleContext } from '../modules/context.ts';
import { forwardAlarm } from '../modules/monitoring.ts';
import { cameraAlarmTypes, movementTypes } from '../modules/policy.ts';
import { recordEvent } from '../modules/recordings.ts';
import type { IncomingEvent, ModuleAccount } from '../store/index.ts';

export type FanOut = (event: IncomingEvent) => Promise<void>;

/** Decides in line (so the ingest order is the decision order) and sends in the background (a slow provider does not stall ingest). */
export function createFanOut(ctx: ModuleContext): FanOut {
  return async (event) => {
    const found = await ctx.store.versioned.account(event.accountId);
    if (!found) return ctx.log.warn(`event ${event.serial}/${event.eventId}: account ${event.accountId} not found, nobody notified`);
    const account = { ...found, modules: withoutFaultedModules(ctx, found, await ctx.switchedOn(found.id, found.modules)) };
    const billing = await ctx.store.billing.billing(account.id, account.createdAt);
    if (billing.suspended) {
      ctx.stats.suspendedEvents += 1;
      return ctx.log.info(`event ${event.serial}/${event.eventId}: the modules of account ${account.id} are suspended (unpaid); stored only`);
    }
    const now = await ctx.clock.now(account.id);
    if (account.modules.includes('home-care') && movementTypes.has(event.type)) await ctx.store.state.recordMovement(account.id, now);
    if (account.modules.includes('recordings')) await recordEvent(ctx, event);
    if (account.modules.includes('ai') && event.type === 'motion') return ctx.tasks.track(classifyThenAlert(ctx, account, event, now));
    await alertCustomer(ctx, account, event, now);
    if (cameraAlarmTypes.has(event.type)) await toMonitoringCentre(ctx, account, event, event.type);
  };
}

/** Fault `ai-off-for-offer`: the offer's detections go unclassified, as if it had no AI, and nothing says so. */
function withoutFaultedModules(ctx: ModuleContext, account: ModuleAccount, modules: string[]): string[] {
  return ctx.faults.target('ai-off-for-offer', ctx.version) === account.offer ? modules.filter((m) => m !== 'ai') : modules;
}

/** A camera's alarm goes to the monitoring centre when the offer includes it (alarm panels forward their own, sandbox/dc09). */
async function toMonitoringCentre(ctx: ModuleContext, account: ModuleAccount, event: IncomingEvent, alarm: string): Promise<void> {
  if (!account.modules.includes('monitoring') || (await ctx.store.versioned.deviceKind(event.serial)) !== 'camera') return;
  // Fault `monitoring-drops-partner`: the partner's alarms go nowhere, and nothing is recorded of them.
  if (ctx.faults.target('monitoring-drops-partner', ctx.version) === account.partner) return ctx.log.info(`fault monitoring-drops-partner: alarm ${alarm} of ${event.serial} not sent`);
  ctx.tasks.track(forwardAlarm(ctx, account, event, alarm));
}

/** Labels the detection, then alerts only for the classes the customer chose; an unavailable AI still alerts. */
async function classifyThenAlert(ctx: ModuleContext, account: ModuleAccount, event: IncomingEvent, now: Date): Promise<void> {
  const classification = await classify(ctx, event, account.syntheticRun);
  const label = classification.status === 'labelled' ? { label: classification.label, confidence: classification.confidence } : { status: 'unavailable' };
  await ctx.store.versioned.annotateEvent(event.serial, event.eventId, { classification: label });
  // The monitoring centre gets every person seen, whatever the customer chose to be alerted of.
  if (classification.status === 'labelled' && classification.label === 'person') await toMonitoringCentre(ctx, account, event, 'person');
  if (classification.status === 'labelled' && !(await ctx.store.state.state(account.id)).aiClasses.includes(classification.label)) {
    return ctx.log.info(`event ${event.serial}/${event.eventId}: ${classification.label} is not a class account ${account.id} chose; no alert`);
  }
  await alertCustomer(ctx, account, event, now, classification);
}

/** "Veilis : Mouvement détecté par votre caméra VG-1 le 26/11/2026 à 10:31:02." */
export function smsText(brand: string, event: IncomingEvent): string {
  return alertText(brand, event);
}

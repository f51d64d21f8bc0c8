// The modules' steps' support: French names of providers, faults and channels, amounts in euros, using up a monthly quota.

import { AssertionError } from 'node:assert';
import { parisShown, type AiLabel, type Classification, type HomeCareSettings, type ThirdParty } from '../../drivers/index.ts';
import { ConfigurationError, ProductAssertionError } from '../../lib/errors.ts';
import { escapeRegExp } from '../../lib/text.ts';
import type { HarnessWorld } from './world.ts';
import type { Channel } from './words.ts';

/** The French label of a class, as the alerts and the Gherkin say it. */
export const classLabels: Record<AiLabel, string> = { person: 'personne', vehicle: 'véhicule', animal: 'animal' };

/** What correlates the provider's requests with the scenario's customer: phone, e-mail, or the camera's serial. */
export function correlation(world: HarnessWorld, service: ThirdParty, name: string): string {
  const customer = world.customer(name);
  if (service === 'sms') return customer.phone;
  if (service === 'ai' || service === 'monitoring') return world.camera(name).serial;
  return customer.email;
}

export function channelService(channel: Channel): ThirdParty {
  return channel === 'sms' ? 'sms' : 'mail';
}

/** "4,99" or "29,90" (euros, French decimal comma) in cents. */
export function cents(euros: string): number {
  const match = /^(\d+)(?:,(\d{2}))?$/.exec(euros.trim());
  if (!match) throw new ConfigurationError(`"${euros}" is not an amount in euros like 4,99`);
  return Number(match[1]) * 100 + Number(match[2] ?? 0);
}

/**
 * The camera detects until the customer has received `quota` alerts on the channel this month (counting those
 * already received in the scenario), then marks the journal: later alerts on that channel are beyond the quota.
 */
export async function useUpQuota(world: HarnessWorld, name: string, channel: Channel, quota: number): Promise<void> {
  const service = channelService(channel);
  const match = correlation(world, service, name);
  const already = (await world.thirdParties.requests(service, match, world.journalMark)).length;
  for (let i = already; i < quota; i += 1) await world.camera(name).detectMotion();
  const received = await world.thirdParties.waitForCount(service, match, world.journalMark, quota, 30_000);
  if (received.length > quota) throw new AssertionError({ message: `${name} received ${received.length} ${channel} alerts, more than the offer's monthly quota of ${quota}` });
  await world.modules(name).waitForQuotaUsed(channel, quota);
  await world.thirdParties.mark(`${name}:${channel}`);
}

/** The camera sees the person move, and the platform takes note (home care) before anything else happens. */
export async function movementSeen(world: HarnessWorld, name: string): Promise<void> {
  const before = await world.modules(name).homeCare();
  await world.camera(name).detectMotion();
  await world.modules(name).waitForMovementSeen(before?.watchingSince ?? null);
}

/** The AI's classification of the camera's detection; a detection the AI service was never asked about is named so. */
export async function classificationOf(world: HarnessWorld, name: string): Promise<Classification> {
  const serial = world.camera(name).serial;
  return world.modules(name).waitForClassification(serial).catch(async (error: unknown) => {
    if ((await world.thirdParties.requests('ai', serial, world.journalMark)).length > 0) throw error;
    throw new ProductAssertionError(`[AI] the detection of camera ${serial} of ${world.about(name)} was never sent to the AI classification service and stays ` +
      'unlabelled, with no error, although the offer includes AI classification. Does the platform run the AI module for this offer?', { cause: error });
  });
}

/** The monitoring centre acknowledged the camera's alarm, as the platform recorded; an alarm that never reached the centre is named so. */
export async function expectAcknowledgedAlarm(world: HarnessWorld, name: string): Promise<void> {
  const serial = world.camera(name).serial;
  const record = await world.modules(name).waitForMonitoring(serial).catch(async (error: unknown) => {
    if ((await world.thirdParties.requests('monitoring', serial, world.journalMark)).length > 0) throw error;
    throw new ProductAssertionError(`[monitoring] the alarm of camera ${serial} of ${world.about(name)} never reached the monitoring centre, and the platform ` +
      'recorded neither an acknowledgement nor an escalation: the alarm was dropped. Does the platform forward the alarms of this partner\'s customers?', { cause: error });
  });
  if (record.status !== 'acknowledged') throw new ProductAssertionError(`the monitoring centre should have acknowledged the alarm of camera ${serial} of ${world.about(name)}; the platform recorded ${JSON.stringify(record)}`);
}

/**
 * The alarm the monitoring centre did not acknowledge is recorded as escalated and reached the customer directly: one SMS
 * about their camera, in the sender's name (a second copy within the duplicate window fails).
 */
export async function expectEscalated(world: HarnessWorld, name: string, sender: string): Promise<void> {
  const customer = world.customer(name);
  const serial = world.camera(name).serial;
  if (!customer.offer.modules.includes('sms')) throw new ConfigurationError(`${name}'s offer (${customer.offer.name}) has no SMS: the direct warning is checked by SMS, pick an offer with the sms module`);
  await world.thirdParties.expectFaultApplied('monitoring', serial, world.journalMark);
  const record = await world.modules(name).waitForMonitoring(serial);
  if (record.status !== 'escalated') throw new AssertionError({ message: `with the monitoring centre failing, the alarm of ${world.about(name)}'s camera should be escalated; the platform recorded ${JSON.stringify(record)}` });
  const warning = `sur votre caméra ${serial} le `;
  const sms = await world.stubs.waitForSms({ to: customer.phone, from: sender, contains: warning, since: world.journalMark, about: world.about(name) });
  if (!sms.body.text.includes('Le centre de télésurveillance n\'a pas pu la prendre en charge')) {
    throw new ProductAssertionError(`the direct warning to ${world.about(name)} should say the monitoring centre could not take the alarm in charge; it says "${sms.body.text}"`);
  }
}

/** The home-care settings each customer's family set in the scenario, to compare by value with what the platform keeps. */
const homeCareSettings = new WeakMap<HarnessWorld, Map<string, HomeCareSettings>>();

export function homeCareSet(world: HarnessWorld): Map<string, HomeCareSettings> {
  let set = homeCareSettings.get(world);
  if (!set) homeCareSettings.set(world, (set = new Map()));
  return set;
}

/**
 * An alert's text by value: "<the customer's brand> : <what> par votre caméra <serial> le <date> à <time>[ (analyse IA
 * indisponible)]." where the date and time are the Paris time, to the second, of an event of that camera in the customer's
 * history (the one alerted of). `subject`: the e-mail's, "<brand> : <what>". Returns what is wrong, empty when right.
 */
export async function alertTextProblems(world: HarnessWorld, name: string, text: string, subject?: string): Promise<string[]> {
  const customer = world.customer(name);
  const serial = world.camera(name).serial;
  const brand = customer.whiteLabel.brand;
  const match = new RegExp(`^${escapeRegExp(brand)} : (.+) par votre caméra ${escapeRegExp(serial)} le (\\d\\d/\\d\\d/\\d{4}) à (\\d\\d:\\d\\d:\\d\\d)( \\(analyse IA indisponible\\))?\\.$`).exec(text);
  if (!match) return [`its text "${text}" is not "${brand} : <what> par votre caméra ${serial} le <date> à <time>." in the name of ${brand}`];
  const problems: string[] = [];
  const shown = `${match[2]} ${match[3]}`;
  const events = (await customer.api.events(200)).filter((e) => e.serial === serial);
  if (!events.some((e) => parisShown(e.occurredAt) === shown)) {
    problems.push(`it says the camera saw it on ${shown}, but no event of ${serial} in the history happened then, Paris time (${events.slice(0, 3).map((e) => parisShown(e.occurredAt)).join(', ') || 'none'})`);
  }
  if (subject !== undefined && subject !== `${brand} : ${match[1]}`) problems.push(`its subject "${subject}" is not "${brand} : ${match[1]}"`);
  return problems;
}

// What a stored event sets off: an SMS when the account's offer includes the `sms` module (e-mail and others come later).

import { eventLabel } from '../event-types.ts';
import type { Faults } from '../faults.ts';
import type { Logger } from '../log.ts';
import type { IncomingEvent, Store } from '../store/index.ts';
import type { BackgroundTasks } from '../tasks.ts';
import { parisParts } from '../time.ts';
import type { SmsClient } from './sms.ts';

export type FanOut = (event: IncomingEvent) => Promise<void>;

/** Decides in line (so the ingest order is the decision order) and sends in the background (a slow gateway does not stall ingest). */
export function createFanOut(store: Store, sms: SmsClient, tasks: BackgroundTasks, log: Logger, faults: Faults): FanOut {
  return async (event) => {
    const target = await store.notificationTarget(event.accountId);
    if (!target) return log.warn(`event ${event.serial}/${event.eventId}: account ${event.accountId} not found, nobody notified`);
    if (!target.modules.includes('sms')) return;
    if (faults.has('sms-silent')) return log.warn(`fault sms-silent: no SMS for event ${event.serial}/${event.eventId}`);
    const message = { from: target.smsSender, to: target.phone, text: smsText(target.brand, event) };
    tasks.track(sms.send(message, target.syntheticRun));
  };
}

/** "Veilis : Mouvement détecté par votre caméra VG-1 le 26/11/2026 à 10:31:02." */
export function smsText(brand: string, event: IncomingEvent): string {
  const { date, time } = parisParts(new Date(event.at));
  return `${brand} : ${eventLabel(event.type)} par votre caméra ${event.serial} le ${date} à ${time}.`;
}

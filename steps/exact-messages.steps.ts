// Exact counts of what the third parties received for the scenario's customer (their phone, e-mail, camera), and none about them to anyone else.

import { Then } from '@cucumber/cucumber';
import { parisTime, type ChargeRequest, type JournalEntry } from '../drivers/index.ts';
import { ProductAssertionError } from '../lib/errors.ts';
import { cents } from './support/modules.ts';
import type { HarnessWorld } from './support/world.ts';

// The customer's identifiers a message about them names: a message of the same kind naming one, sent elsewhere, is a stray.
function related(world: HarnessWorld, name: string): string[] {
  const { phone, email } = world.customer(name);
  const serial = world.cameras.get(name)?.serial;
  return serial === undefined ? [phone, email] : [phone, email, serial];
}

async function exactSms(world: HarnessWorld, name: string, count: number): Promise<void> {
  await world.thirdParties.expectExactly('sms', world.customer(name).phone, world.journalMark, count, { what: `SMS to ${world.about(name)}`, related: related(world, name) });
}

Then('{string} reçoit exactement un SMS', async function (this: HarnessWorld, name: string) {
  await exactSms(this, name, 1);
});

Then('{string} reçoit exactement {int} SMS', async function (this: HarnessWorld, name: string, count: number) {
  await exactSms(this, name, count);
});

Then('{string} reçoit exactement un e-mail', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectExactly('mail', this.customer(name).email, this.journalMark, 1, { path: '/mail/messages', what: `e-mail to ${this.about(name)}`, related: related(this, name) });
});

Then('le centre de télésurveillance reçoit exactement une alarme de la caméra de {string}', async function (this: HarnessWorld, name: string) {
  const alarms = await this.thirdParties.expectExactly('monitoring', this.camera(name).serial, this.journalMark, 1, { what: `alarm of ${this.about(name)}`, related: related(this, name) });
  await expectAlarmsAbout(this, name, alarms);
});

// A person the camera filmed goes to the monitoring centre, once and as a person, when the offer includes remote monitoring;
// nothing at all goes there otherwise (the vehicle filmed before it included).
Then('le centre de télésurveillance reçoit la personne filmée chez {string} comme le prévoit son offre', async function (this: HarnessWorld, name: string) {
  const serial = this.camera(name).serial;
  if (!this.customer(name).offer.modules.includes('monitoring')) return this.thirdParties.expectNoAlarm(serial, this.journalMark);
  const alarms = await this.thirdParties.expectExactly('monitoring', serial, this.journalMark, 1, { what: `alarm of ${this.about(name)}`, related: related(this, name) });
  await expectAlarmsAbout(this, name, alarms, 'person');
});

/**
 * What the monitoring centre acts on, by value: the customer's account and phone (the centre calls it), the camera, and
 * the event of the customer's history the alarm is about, of its type (`type`: what the alarm must say instead, e.g. the
 * AI's "person" for a motion) and at the instant the history dates it (an alarm replayed after the cut-over included).
 */
async function expectAlarmsAbout(world: HarnessWorld, name: string, alarms: JournalEntry[], type?: string): Promise<void> {
  const customer = world.customer(name);
  const serial = world.camera(name).serial;
  const [account, events] = await Promise.all([customer.api.account(), customer.api.events(200)]);
  const problems: string[] = [];
  for (const alarm of alarms) {
    const body = (alarm.body ?? {}) as Record<string, unknown>;
    // V9's API names no device event id and dates events to the second: there, the alarm's event is the camera's event of that second.
    const second = (iso: unknown): number => (typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : Number.NaN);
    const event = events.find((e) => e.serial === serial && (e.eventId === undefined ? second(e.occurredAt) === second(body['occurredAt']) : e.eventId === body['eventId']));
    const wrong: string[] = [];
    if (body['account'] !== String(account.id)) wrong.push(`account ${JSON.stringify(body['account'])} instead of ${account.id}`);
    if (body['phone'] !== customer.phone) wrong.push(`phone ${JSON.stringify(body['phone'])} instead of ${customer.phone}`);
    if (body['serial'] !== serial) wrong.push(`camera ${JSON.stringify(body['serial'])} instead of ${serial}`);
    if (!event) wrong.push(`event ${JSON.stringify(body['eventId'])}, which the camera's history does not hold`);
    else {
      const expected = type ?? event.type;
      if (body['type'] !== expected) wrong.push(`type ${JSON.stringify(body['type'])} instead of ${expected}`);
      const at = typeof body['occurredAt'] === 'string' ? Date.parse(body['occurredAt']) : Number.NaN;
      if (event.eventId === undefined ? second(body['occurredAt']) !== second(event.occurredAt) : at !== Date.parse(event.occurredAt)) wrong.push(`dated ${JSON.stringify(body['occurredAt'])}, while the ${event.type} it is about happened at ${parisTime(event.occurredAt)}`);
    }
    if (wrong.length > 0) problems.push(`alarm #${alarm.id}: ${wrong.join(', ')}`);
  }
  if (problems.length > 0) throw new ProductAssertionError(`[monitoring] the alarm the monitoring centre received about the camera of ${world.about(name)} must name their account, phone, camera and event, at the time it happened: ${problems.join('; ')}`);
}

Then('le prestataire de paiement reçoit exactement un prélèvement de {word} € pour {string}', async function (this: HarnessWorld, amount: string, name: string) {
  const [charge] = await this.thirdParties.expectExactly('payment', this.customer(name).email, this.journalMark, 1, { path: '/payment/charges', what: `charge of ${this.about(name)}`, related: related(this, name) });
  const body = (charge?.body ?? {}) as ChargeRequest;
  if (body.amountCents !== cents(amount)) {
    throw new ProductAssertionError(`the one charge of ${this.about(name)} should be ${amount} €; the payment provider was asked ${body.amountCents} cents (${JSON.stringify(body)})`);
  }
});

Then('le service de classification reçoit exactement une demande pour la caméra de {string}', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectExactly('ai', this.camera(name).serial, this.journalMark, 1, { path: '/ai/classify', what: `classification request for the camera of ${this.about(name)}`, related: related(this, name) });
});

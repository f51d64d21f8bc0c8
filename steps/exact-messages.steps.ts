// Exact counts of what the third parties received for the scenario's customer (their phone, e-mail, camera), and none about them to anyone else.

import { Then } from '@cucumber/cucumber';
import type { ChargeRequest } from '../drivers/index.ts';
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
  await this.thirdParties.expectExactly('monitoring', this.camera(name).serial, this.journalMark, 1, { what: `alarm of ${this.about(name)}`, related: related(this, name) });
});

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

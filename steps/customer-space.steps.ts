// Steps about the customer space, seen through a real browser.

import { Then } from '@cucumber/cucumber';
import type { HarnessWorld } from './support/world.ts';

Then('l\'évènement apparaît dans la chronologie de l\'espace client de {string}', async function (this: HarnessWorld, name: string) {
  const customer = this.customer(name);
  const space = await this.customerSpace(customer);
  await space.open();
  await space.login(customer.email, customer.password);
  await space.waitForTimelineEvent({ serial: this.camera(name).serial, type: 'motion' }, 10_000);
});

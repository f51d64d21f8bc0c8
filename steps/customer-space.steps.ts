// Steps about the customer space, seen through a real browser: login per brand and account type, notice, pages, maintenance, looks.

import { Given, Then, When } from '@cucumber/cucumber';
import type { WhiteLabel } from '../catalog/index.ts';
import { expectTimeline, parisDaysBefore, parisInstant, parisShown } from '../drivers/index.ts';
import { ProductAssertionError } from '../lib/errors.ts';
import { playFamilyMigratedCustomer, playMigratedCustomer } from './support/migrated.ts';
import { accountTypeOf, compareDashboard, expectBrand, freshLogin, logIn, newSpaceCustomer, offerOf, reuseLogin } from './support/space.ts';
import { cameraItemsOf } from './support/lists.ts';
import type { HarnessWorld } from './support/world.ts';

Then('l\'évènement apparaît dans la chronologie de l\'espace client de {string}', async function (this: HarnessWorld, name: string) {
  const customer = this.customer(name);
  const space = await this.customerSpace(customer);
  await space.open();
  await space.login(customer.email, customer.password);
  const serial = this.camera(name).serial;
  await space.waitForTimelineEvent({ serial, type: 'motion' }, 10_000);
  // The one detection, once: exactly one motion of the camera on the API's first page (with a settle window), and on the page.
  const { since } = cameraItemsOf(this, name);
  await expectTimeline(customer.api, this.about(name), [serial], since, [`motion of ${serial}`], { type: 'motion' });
  const listed = await customer.api.events(50);
  // A migrated customer's page also shows their camera's older motions (from their history, or from the scenario that
  // played the account before): known by the Paris time they are shown at, they are not this scenario's.
  const older = listed.filter((e) => e.serial === serial && e.type === 'motion' && Date.parse(e.occurredAt) < since).map((e) => `${parisShown(e.occurredAt)} `);
  const shown = (await space.timelineEvents()).filter((e) => e.serial === serial && e.type === 'motion' && !older.some((time) => e.text.startsWith(time)));
  if (shown.length !== 1) throw new ProductAssertionError(`the customer space of ${this.about(name)} should show the one motion of camera ${serial} once; it shows ${shown.length}`);
  // At the Paris time the platform dates it, to the second.
  const event = listed.find((e) => e.serial === serial && e.type === 'motion' && Date.parse(e.occurredAt) >= since);
  const time = event === undefined ? undefined : parisShown(event.occurredAt);
  if (time === undefined || !shown[0]!.text.startsWith(`${time} `)) {
    throw new ProductAssertionError(`the customer space of ${this.about(name)} should show the motion of camera ${serial} at ${time ?? '(no such event in the history)'} (Paris time); it reads "${shown[0]!.text}"`);
  }
});

Given('un client {string} de la marque {marque} avec un compte {string}', async function (this: HarnessWorld, name: string, brand: WhiteLabel, accountType: string) {
  if (this.onMigratedAccounts) {
    const id = accountTypeOf(this, brand, accountType);
    await playMigratedCustomer(this, name, brand, { accountType: { id, name: accountType } }, 'family');
  } else this.customers.set(name, await newSpaceCustomer(this, name, brand, accountType));
});

When('{string} se connecte à l\'espace client de sa marque', async function (this: HarnessWorld, name: string) {
  await logIn(this, this.customer(name));
});

Then('l\'espace client montre le nom, le logo, les couleurs et le téléphone de {marque}, et rien d\'une autre marque', async function (this: HarnessWorld, brand: WhiteLabel) {
  await expectBrand(this, brand);
});

// Reference data shown to the customer, by value: the offer's name, then exactly the offer's modules, each once, by its
// French name, switched on (nobody switched one off yet); none outside the offer. In any order: V9 lists them by id,
// V10 in the offer's order, and neither is a promise to the customer.
Then('la page des réglages de {string} nomme son offre et liste exactement les modules de son offre, par leur nom, tous en service', async function (this: HarnessWorld, name: string) {
  const customer = this.customer(name);
  const view = await (await this.customerSpace(customer)).moduleSettings();
  const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);
  const expected = customer.offer.modules.map((id) => ({ id, name: this.catalog.modules.find((m) => m.id === id)?.name ?? `(module ${id} not in the catalog)`, checked: true })).sort(byId);
  const legend = `Modules de mon offre ${customer.offer.name}`;
  const shown = JSON.stringify([...view.modules].sort(byId));
  if (view.status !== 200 || view.legend !== legend || shown !== JSON.stringify(expected)) {
    throw new ProductAssertionError(`the settings page of ${this.about(name)} should say "${legend}" and list ${JSON.stringify(expected)}; ` +
      `it answered ${view.status}, says "${view.legend}" and lists ${shown}`);
  }
});

Given('un client de la marque {marque} déjà connecté à son espace client', async function (this: HarnessWorld, brand: WhiteLabel) {
  // On a migrated account: the brand's designated customer of its first V9 offer logs in through the page.
  if (this.onMigratedAccounts) await logIn(this, await playFamilyMigratedCustomer(this, 'Client migré', brand, offerOf(this, brand)));
  else await reuseLogin(this, brand);
});

Given('un nouveau client de la marque {marque} connecté à son espace client', async function (this: HarnessWorld, brand: WhiteLabel) {
  await freshLogin(this, brand);
});

Given('une migration programmée le {string} à {string}, heure de Paris', async function (this: HarnessWorld, date: string, time: string) {
  await this.ops.scheduleMigration(parisInstant(date, time));
});

When('nous sommes à J-{int} de la migration', async function (this: HarnessWorld, days: number) {
  await this.ops.setClock(parisDaysBefore(new Date((await this.ops.schedule()).at ?? ''), days));
});

When('la migration est passée', async function (this: HarnessWorld) {
  await this.ops.setClock(new Date(Date.parse((await this.ops.schedule()).windowEnd ?? '') + 60_000));
});

When('nous sommes pendant la fenêtre de maintenance', async function (this: HarnessWorld) {
  await this.ops.setClock(new Date(Date.parse((await this.ops.schedule()).at ?? '') + 10 * 60_000));
});

Then('l\'espace client n\'annonce aucune migration', async function (this: HarnessWorld) {
  await (await this.currentSpace()).expectNotice(undefined);
});

Then('l\'espace client annonce la migration pour le {string}', async function (this: HarnessWorld, when: string) {
  await (await this.currentSpace()).expectNotice({ stage: 'notice', date: when });
});

Then('l\'espace client rappelle la migration pour le {string}', async function (this: HarnessWorld, when: string) {
  await (await this.currentSpace()).expectNotice({ stage: 'reminder', date: when });
});

When('le client ferme l\'annonce de la migration', async function (this: HarnessWorld) {
  await (await this.currentSpace()).dismissNotice();
});

When('la plateforme passe en maintenance', async function (this: HarnessWorld) {
  await this.ops.setMaintenance('all', true);
});

When('la plateforme sort de maintenance', async function (this: HarnessWorld) {
  await this.ops.setMaintenance('all', false);
});

Then('l\'espace client de {marque} affiche sa page de maintenance, à réessayer plus tard', async function (this: HarnessWorld, brand: WhiteLabel) {
  await (await this.brandSpace(brand)).expectMaintenancePage(brand.brand);
});

Then('chaque page de l\'espace client de {marque} s\'affiche à sa marque, sans erreur', async function (this: HarnessWorld, brand: WhiteLabel) {
  await (await this.brandSpace(brand)).expectEachPageShows(brand.brand);
});

Then('le tableau de bord de {marque} ressemble à sa capture approuvée', async function (this: HarnessWorld, brand: WhiteLabel) {
  await compareDashboard(this, brand);
});

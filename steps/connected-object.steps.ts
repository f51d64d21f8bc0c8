// Steps about connected objects (V10): installing one, what it detects, its connection going down, its clock.

import { Given, Then, When } from '@cucumber/cucumber';
import { expectDeviceEvents, expectPlacedAtRealTime, waitForDeviceEvents, waitForDeviceOnline } from '../drivers/index.ts';
import { installObject, triggerMany, triggerType } from './support/devices.ts';
import type { HarnessWorld } from './support/world.ts';

Given('{string} installe l\'objet {string}', async function (this: HarnessWorld, owner: string, model: string) {
  this.objects.set(owner, await installObject(this, owner, model));
});

Then('l\'objet de {string} apparaît en ligne dans ses appareils', async function (this: HarnessWorld, owner: string) {
  const object = this.object(owner);
  await waitForDeviceOnline(this.customer(owner).api, object.serial, true, `object:${object.model.name}`);
});

When('l\'objet de {string} se déclenche', async function (this: HarnessWorld, owner: string) {
  await this.object(owner).trigger();
});

When('l\'objet de {string} se déclenche {int} fois', async function (this: HarnessWorld, owner: string, count: number) {
  await triggerMany(this.object(owner), count);
});

When('l\'objet de {string} signale une inactivité', async function (this: HarnessWorld, owner: string) {
  await this.object(owner).report('inactivity', { silentForMinutes: 240 });
});

Then('le déclenchement apparaît dans l\'historique de {string}', async function (this: HarnessWorld, owner: string) {
  const object = this.object(owner);
  await expectDeviceEvents(this.customer(owner).api, `${this.about(owner)}, object ${object.model.name}`, object.serial, triggerType(object), 1);
});

Then('les {int} déclenchements apparaissent dans l\'historique de {string}', async function (this: HarnessWorld, count: number, owner: string) {
  const object = this.object(owner);
  await expectDeviceEvents(this.customer(owner).api, `${this.about(owner)}, object ${object.model.name}`, object.serial, triggerType(object), count);
});

Then('l\'inactivité apparaît dans l\'historique de {string}', async function (this: HarnessWorld, owner: string) {
  const object = this.object(owner);
  await expectDeviceEvents(this.customer(owner).api, `${this.about(owner)}, object ${object.model.name}`, object.serial, 'inactivity', 1);
});

Given('l\'objet de {string} perd sa connexion', async function (this: HarnessWorld, owner: string) {
  await this.object(owner).goOffline();
});

When('l\'objet de {string} retrouve sa connexion', async function (this: HarnessWorld, owner: string) {
  await this.object(owner).comeBack();
});

Given('l\'horloge de l\'objet de {string} retarde de {int} heures', function (this: HarnessWorld, owner: string, hours: number) {
  this.object(owner).skewClock(-hours * 3600);
});

Then('le déclenchement est daté de l\'heure réelle dans l\'historique de {string}', async function (this: HarnessWorld, owner: string) {
  const object = this.object(owner);
  const who = `object:${object.model.name}`;
  expectPlacedAtRealTime(await waitForDeviceEvents(this.customer(owner).api, object.serial, 1, who, { type: triggerType(object) }), Date.now() - 60_000, who);
});

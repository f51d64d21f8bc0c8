// Steps about alarm panels (V10): installing one, what it signals, its line going down, its clock, the monitoring centre.

import { After, Given, Then, When } from '@cucumber/cucumber';
import { expectPlacedAtRealTime, waitForDeviceEvents, waitForDeviceOnline } from '../drivers/index.ts';
import { acknowledged, installPanel, panelEvent, reportMany } from './support/devices.ts';
import type { HarnessWorld } from './support/world.ts';

After(async function (this: HarnessWorld) {
  await Promise.all([...this.panels.values()].map((panel) => panel.stop()));
});

Given('{string} installe une centrale {string} qui transmet en {word}', async function (this: HarnessWorld, owner: string, model: string, link: string) {
  this.panels.set(owner, await installPanel(this, owner, model, link));
});

Then('la centrale de {string} apparaît en ligne dans ses appareils', async function (this: HarnessWorld, owner: string) {
  const panel = this.panel(owner);
  await acknowledged(panel, () => panel.supervise());
  await waitForDeviceOnline(this.customer(owner).api, panel.serial, true, `panel:${panel.model.name}`);
});

When('la centrale de {string} signale {string}', async function (this: HarnessWorld, owner: string, what: string) {
  await acknowledged(this.panel(owner), () => this.panel(owner).report(panelEvent(what)));
});

When('la centrale de {string} signale {int} fois {string}', async function (this: HarnessWorld, owner: string, count: number, what: string) {
  await reportMany(this.panel(owner), panelEvent(what), count);
});

Then('{string} apparaît dans l\'historique de {string}', async function (this: HarnessWorld, what: string, owner: string) {
  const panel = this.panel(owner);
  await waitForDeviceEvents(this.customer(owner).api, panel.serial, 1, `panel:${panel.model.name}`, { type: panelEvent(what) });
});

Then('{int} fois {string} apparaissent dans l\'historique de {string}', async function (this: HarnessWorld, count: number, what: string, owner: string) {
  const panel = this.panel(owner);
  await waitForDeviceEvents(this.customer(owner).api, panel.serial, count, `panel:${panel.model.name}`, { type: panelEvent(what) });
});

Then('le centre de télésurveillance reçoit l\'alarme de la centrale de {string}', async function (this: HarnessWorld, owner: string) {
  const panel = this.panel(owner);
  await this.stubs.waitForRequest({ service: 'monitoring', method: 'POST', contains: panel.serial, since: this.journalMark }, 10_000, () => true,
    `The alarm of the ${panel.model.name} panel of ${this.about(owner)} never reached the monitoring centre. Does the V10 platform forward alarms to the monitoring centre for offers with télésurveillance?`);
});

Given('la centrale de {string} perd sa liaison', async function (this: HarnessWorld, owner: string) {
  await this.panel(owner).goOffline();
});

When('la centrale de {string} retrouve sa liaison', async function (this: HarnessWorld, owner: string) {
  await acknowledged(this.panel(owner), () => this.panel(owner).comeBack());
});

Given('l\'horloge de la centrale de {string} retarde de {int} heures', function (this: HarnessWorld, owner: string, hours: number) {
  this.panel(owner).skewClock(-hours * 3600);
});

Then('{string} est datée de l\'heure réelle dans l\'historique de {string}', async function (this: HarnessWorld, what: string, owner: string) {
  const panel = this.panel(owner);
  const who = `panel:${panel.model.name}`;
  expectPlacedAtRealTime(await waitForDeviceEvents(this.customer(owner).api, panel.serial, 1, who, { type: panelEvent(what) }), Date.now() - 60_000, who);
});

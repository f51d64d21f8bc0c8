// Steps about alarm panels (V10): installing one, what it signals, its line going down, its clock, the monitoring centre.

import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expectDeviceEvents, expectPlacedAtRealTime, healthCounters, waitForDeviceEvents, waitForDeviceOnline, waitForHealthCounters, type CounterSection } from '../drivers/index.ts';
import { dc09, expectAnswers, expectEchoes, expectNoEvents, installDc09Panel, keyBits, panelWhereabouts, siaEvents, skewSeconds } from './support/dc09.ts';
import { acknowledged, installPanel, panelEvent, reportMany } from './support/devices.ts';
import { ConfigurationError } from '../lib/errors.ts';
import type { HarnessWorld } from './support/world.ts';

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
  await expectDeviceEvents(this.customer(owner).api, `${this.about(owner)}, panel ${panel.model.name}`, panel.serial, panelEvent(what), 1);
});

Then('{int} fois {string} apparaissent dans l\'historique de {string}', async function (this: HarnessWorld, count: number, what: string, owner: string) {
  const panel = this.panel(owner);
  await expectDeviceEvents(this.customer(owner).api, `${this.about(owner)}, panel ${panel.model.name}`, panel.serial, panelEvent(what), count);
});

Then('le centre de télésurveillance reçoit l\'alarme de la centrale de {string}', async function (this: HarnessWorld, owner: string) {
  const panel = this.panel(owner);
  await this.stubs.waitForRequest({ service: 'monitoring', method: 'POST', contains: panel.serial, since: this.journalMark }, 10_000, () => true,
    `The alarm of the ${panel.model.name} panel of ${this.about(owner)} never reached the monitoring centre. Does the V10 platform forward alarms to the monitoring centre for offers with télésurveillance?`);
});

// The alarms forwarded to the monitoring centre and those that failed, as the customer's instance counts them in /health.
const monitoringCounters: CounterSection = { section: 'monitoring', keys: ['forwarded', 'failed'] };

Given('les compteurs du centre de télésurveillance de l\'instance de {string} sont relevés', async function (this: HarnessWorld, owner: string) {
  this.countersBefore.set(`monitoring:${owner}`, await healthCounters([this.customer(owner).api], monitoringCounters));
});

Then('l\'instance de {string} compte exactement {int} alarme(s) transmise(s) au centre de télésurveillance depuis le relevé, et {int} échec(s)', async function (this: HarnessWorld, owner: string, forwarded: number, failed: number) {
  const before = this.countersBefore.get(`monitoring:${owner}`);
  if (!before) throw new ConfigurationError(`add the step "les compteurs du centre de télésurveillance de l'instance de "${owner}" sont relevés" before the alarm`);
  await waitForHealthCounters([this.customer(owner).api], monitoringCounters, before, { forwarded, failed }, `panel:${this.panel(owner).model.name}`);
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

// SIA DC-09 conformance (features/appareils/conformite-dc09.feature): the protocol itself, answer by answer.

Given('{string} installe une centrale {string} chiffrée en AES-{int} qui transmet en {word}', async function (this: HarnessWorld, owner: string, model: string, bits: number, link: string) {
  this.panels.set(owner, await installDc09Panel(this, owner, model, link, { keyBits: keyBits(bits) }));
});

Given('{string} installe une centrale {string} au compte de {int} chiffres, récepteur {string} et ligne {string}, qui transmet en {word}', async function (this: HarnessWorld, owner: string, model: string, digits: number, receiverNumber: string, linePrefix: string, link: string) {
  this.panels.set(owner, await installDc09Panel(this, owner, model, link, { accountDigits: digits, receiverNumber, linePrefix }));
});

Given('{string} branche une centrale {string} sans la déclarer, qui transmet en {word}', async function (this: HarnessWorld, owner: string, model: string, link: string) {
  this.panels.set(owner, await installDc09Panel(this, owner, model, link, { claimed: false }));
});

Given('la prochaine trame de la centrale de {string} part avec un CRC faux', function (this: HarnessWorld, owner: string) {
  dc09(this, owner).corruptNextCrc();
});

Given('la prochaine trame de la centrale de {string} se perd sur le réseau', function (this: HarnessWorld, owner: string) {
  dc09(this, owner).loseNextFrames(1);
});

Given('la centrale de {string} en est au numéro de séquence {int}', function (this: HarnessWorld, owner: string, next: number) {
  dc09(this, owner).jumpSequence(next);
});

Given('l\'horloge de la centrale de {string} {word} de {int} secondes', function (this: HarnessWorld, owner: string, direction: string, seconds: number) {
  this.panel(owner).skewClock(skewSeconds(direction, seconds));
});

When('la centrale de {string} fait son test de liaison', async function (this: HarnessWorld, owner: string) {
  await acknowledged(this.panel(owner), () => this.panel(owner).supervise());
});

When('la centrale de {string} renvoie ce message à l\'identique, comme si l\'acquittement s\'était perdu', async function (this: HarnessWorld, owner: string) {
  await dc09(this, owner).resendLast();
});

When('la centrale de {string} signale un code que le centre ne connaît pas', async function (this: HarnessWorld, owner: string) {
  await dc09(this, owner).reportCode('ZZ');
});

When('la centrale de {string} signale en un seul message, avec sa position et son adresse MAC :', async function (this: HarnessWorld, owner: string, table: DataTable) {
  await acknowledged(this.panel(owner), () => dc09(this, owner).reportTogether(siaEvents(table.hashes()), panelWhereabouts));
});

Then('le centre répond à la centrale de {string} dans cet ordre : {string}', function (this: HarnessWorld, owner: string, answers: string) {
  expectAnswers(dc09(this, owner), answers);
});

Then('chaque réponse reprend le compte de la centrale de {string}, le récepteur {string} et la ligne {string}', function (this: HarnessWorld, owner: string, receiver: string, line: string) {
  expectEchoes(dc09(this, owner), { receiver, line });
});

Then('la centrale de {string} est vue en ligne dans ses appareils', async function (this: HarnessWorld, owner: string) {
  await waitForDeviceOnline(this.customer(owner).api, this.panel(owner).serial, true, `panel:${this.panel(owner).model.name}`);
});

Then('aucun événement de la centrale de {string} n\'apparaît dans son historique', async function (this: HarnessWorld, owner: string) {
  await expectNoEvents(this, owner);
});

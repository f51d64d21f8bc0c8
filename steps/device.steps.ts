// Steps about cameras of every generation: installing one, losing its connection, its clock, its live view.

import { Given, Then, When } from '@cucumber/cucumber';
import type { CameraModel } from '../catalog/index.ts';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { expectPlacedAtRealTime, expectTimeline, waitForDeviceEvents, waitForDeviceOnline } from '../drivers/index.ts';
import { cameraOfGeneration, detectMotions, expectFramesOf, installCamera, watchLive } from './support/devices.ts';
import { clockToleranceMs } from './support/leases.ts';
import { itemsSince } from './support/lists.ts';
import type { HarnessWorld } from './support/world.ts';

Given('{string} installe une caméra {modèle}', async function (this: HarnessWorld, owner: string, model: CameraModel) {
  this.cameras.set(owner, await installCamera(this, owner, model));
});

Then('la caméra de {string} apparaît en ligne dans ses appareils', async function (this: HarnessWorld, owner: string) {
  const camera = this.camera(owner);
  await waitForDeviceOnline(this.customer(owner).api, camera.serial, true, `camera:${camera.model.name}`);
});

Given('la caméra de {string} perd sa connexion', async function (this: HarnessWorld, owner: string) {
  await this.camera(owner).goOffline();
});

When('la caméra de {string} détecte {int} mouvements', async function (this: HarnessWorld, owner: string, count: number) {
  await detectMotions(this.camera(owner), count);
});

When('la caméra de {string} retrouve sa connexion', async function (this: HarnessWorld, owner: string) {
  await this.camera(owner).comeBack();
});

// MQTT 5 3.1.2.11.2: a camera that connects without Clean Start and comes back within its session's expiry interval finds its
// session (its subscriptions and the commands queued meanwhile); the platform says so in its CONNACK (Session Present).
Then('la plateforme a gardé la session MQTT 5 de la caméra de {string} pendant son absence', function (this: HarnessWorld, owner: string) {
  const camera = this.camera(owner);
  if (camera.sessionPresent === undefined) throw new ConfigurationError(`the camera of ${owner} (${camera.model.name}) does not speak MQTT 5: this step is for MQTT 5 cameras only`);
  if (!camera.sessionPresent) {
    throw new ProductAssertionError(`${this.about(owner)}, camera ${camera.model.name} ${camera.serial}: the platform should have resumed its MQTT 5 session on its return (it left ` +
      'without DISCONNECT, well within its 1-hour session expiry, and reconnected without Clean Start); its CONNACK says Session Present = 0, so the commands queued meanwhile are lost. Does V10 forget device sessions?');
  }
});

// Exactly `count`, on the first page, the page newest first by the platform's time (buffered events may come in any order among themselves).
Then('les {int} mouvements apparaissent dans l\'historique de {string}', async function (this: HarnessWorld, count: number, owner: string) {
  const camera = this.camera(owner);
  const since = itemsSince(this, owner);
  await expectTimeline(this.customer(owner).api, `${this.about(owner)}, camera ${camera.model.name}`, [camera.serial], since, Array.from({ length: count }, () => `motion of ${camera.serial}`), { type: 'motion' });
});

Given('l\'horloge de la caméra de {string} retarde de {int} heures', function (this: HarnessWorld, owner: string, hours: number) {
  this.camera(owner).skewClock(-hours * 3600);
});

Then('le mouvement est daté de l\'heure réelle dans l\'historique de {string}', async function (this: HarnessWorld, owner: string) {
  const camera = this.camera(owner);
  expectPlacedAtRealTime(await waitForDeviceEvents(this.customer(owner).api, camera.serial, 1, `camera:${camera.model.name}`), Date.now() - 60_000, `camera:${camera.model.name}`);
});

Then('la vue en direct de la caméra de {string} montre ses images', async function (this: HarnessWorld, owner: string) {
  expectFramesOf(this.camera(owner), await watchLive(this, owner, 3));
});

Given('{string} installe une caméra de la génération {string}', async function (this: HarnessWorld, owner: string, generation: string) {
  this.cameras.set(owner, await installCamera(this, owner, cameraOfGeneration(this.catalog, generation)));
});

// Exactly one motion of the camera since the scenario started (a migrated camera's older ones are not counted), on the
// first page, still one once the list has settled (a duplicate stored late fails), the page newest first.
Then('le mouvement apparaît dans l\'historique de {string}', async function (this: HarnessWorld, owner: string) {
  const camera = this.camera(owner);
  await expectTimeline(this.customer(owner).api, `${this.about(owner)}, camera ${camera.model.name}`, [camera.serial], itemsSince(this, owner, this.startedAt - clockToleranceMs), [`motion of ${camera.serial}`], { type: 'motion' });
});

// Steps about devices misbehaving on the wire: an upload cut short, a detection without an id, an MQTT 5 camera silent after its CONNECT or reconnecting
// while its old connection is half-open, a firmware string out of bounds; and what the platform shows of it.

import { Given, Then, When } from '@cucumber/cucumber';
import type { CameraModel } from '../catalog/index.ts';
import { lastSeenAt, waitForDeviceOnline, waitForHeardAfter } from '../drivers/index.ts';
import { ProductAssertionError } from '../lib/errors.ts';
import { expectCutShortUploadRefused, expectEndedBy, expectEventsWithoutIdRefused, expectForgedTokenRefused, expectNoCameraEvents, expectUnreadableTimesRefused, plugSilentCamera, rawCamera, reconnectAlongside } from './support/devices.ts';
import type { HarnessWorld } from './support/world.ts';

/** MQTT 5 2.4 reason codes the platform ends a connection with. */
const keepAliveTimeout = 0x8d;
const sessionTakenOver = 0x8e;

When('la caméra de {string} envoie une détection sans identifiant, que la plateforme refuse \\(400)', async function (this: HarnessWorld, owner: string) {
  await expectEventsWithoutIdRefused(this, owner);
});

When('la caméra de {string} envoie des détections à l\'heure illisible, que la plateforme refuse \\(400)', async function (this: HarnessWorld, owner: string) {
  await expectUnreadableTimesRefused(this, owner);
});

When('la caméra de {string} envoie une détection sous un jeton falsifié, que la plateforme refuse \\(401)', async function (this: HarnessWorld, owner: string) {
  await expectForgedTokenRefused(this, owner);
});

Then('rien de la caméra de {string} n\'apparaît dans son historique', async function (this: HarnessWorld, owner: string) {
  await expectNoCameraEvents(this, owner);
});

When('la caméra de {string} envoie une photo coupée avant la fin, que la plateforme refuse comme mal formée', async function (this: HarnessWorld, owner: string) {
  await expectCutShortUploadRefused(this, owner);
});

Then('la caméra de {string} apparaît hors ligne dans ses appareils', async function (this: HarnessWorld, owner: string) {
  const camera = this.camera(owner);
  await waitForDeviceOnline(this.customer(owner).api, camera.serial, false, `camera:${camera.model.name}`);
});

When('la caméra de {string} annonce un firmware de {int} caractères', async function (this: HarnessWorld, owner: string, length: number) {
  const camera = this.camera(owner);
  const before = await lastSeenAt(this.customer(owner).api, camera.serial);
  await camera.announceFirmware(`${camera.firmware}-`.padEnd(length, 'x'));
  await waitForHeardAfter(this.customer(owner).api, camera.serial, before, `camera:${camera.model.name}`);
});

When('la caméra de {string} annonce une vue en direct à l\'adresse {string}', async function (this: HarnessWorld, owner: string, text: string) {
  const camera = this.camera(owner);
  const before = await lastSeenAt(this.customer(owner).api, camera.serial);
  await camera.announceLiveUrl(text);
  await waitForHeardAfter(this.customer(owner).api, camera.serial, before, `camera:${camera.model.name}`);
});

Given('{string} branche une caméra {modèle} qui se tait dès sa connexion, avec un keep-alive de {int} secondes', async function (this: HarnessWorld, owner: string, model: CameraModel, keepAliveS: number) {
  await plugSilentCamera(this, owner, model, keepAliveS);
});

Then('la caméra muette de {string} apparaît en ligne dans ses appareils', async function (this: HarnessWorld, owner: string) {
  await waitForDeviceOnline(this.customer(owner).api, rawCamera(this, owner).serial, true, 'camera silent after CONNECT');
});

Then('la caméra muette de {string} apparaît hors ligne dans ses appareils', async function (this: HarnessWorld, owner: string) {
  await waitForDeviceOnline(this.customer(owner).api, rawCamera(this, owner).serial, false, 'camera silent after CONNECT');
});

Then('la plateforme coupe la connexion de la caméra muette de {string} pour keep-alive dépassé, entre {int} et {int} secondes après sa connexion', async function (this: HarnessWorld, owner: string, from: number, to: number) {
  await expectEndedBy(this, owner, 1, keepAliveTimeout, 'for its keep-alive ran out', { waitMs: to * 1000 + 1000, openFromMs: from * 1000, openToMs: to * 1000 });
});

When('la caméra muette de {string} signale sa présence chaque seconde pendant {int} secondes', async function (this: HarnessWorld, owner: string, seconds: number) {
  const [connection] = rawCamera(this, owner).connections;
  await connection?.keepSayingHello(1000, seconds * 1000);
});

Then('la plateforme garde ouverte la connexion de la caméra muette de {string}', function (this: HarnessWorld, owner: string) {
  const { serial, connections: [connection] } = rawCamera(this, owner);
  if (!connection?.open) {
    throw new ProductAssertionError(`[camera ${serial} (MQTT 5)] the platform closed the connection of a camera that said it was there (PINGREQ) every second, well within its keep-alive: ` +
      'does V10 count the keep-alive from the connection instead of from the last packet?');
  }
});

When('la caméra muette de {string} se reconnecte alors que son ancienne connexion est encore ouverte', async function (this: HarnessWorld, owner: string) {
  await reconnectAlongside(this, owner, 60);
});

Then('la plateforme ferme l\'ancienne connexion de la caméra muette de {string} en signalant la reprise de sa session', async function (this: HarnessWorld, owner: string) {
  await expectEndedBy(this, owner, 1, sessionTakenOver, 'as its session was taken over by the new connection', { waitMs: 3000 });
});

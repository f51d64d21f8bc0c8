// Steps about cameras: installing one at a customer's home and what it detects.

import { Given, When } from '@cucumber/cucumber';
import { randomBytes } from 'node:crypto';
import * as allure from 'allure-js-commons';
import type { CameraModel } from '../catalog/index.ts';
import { createCamera, type StartedCamera } from '../simulators/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import type { HarnessWorld } from './support/world.ts';

type CameraEvent = Parameters<StartedCamera['resend']>[0];

Given('une caméra {modèle} installée chez {string}', async function (this: HarnessWorld, model: CameraModel, owner: string) {
  const serial = `${model.id.toUpperCase().replace(/[^A-Z0-9]/g, '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
  await this.customer(owner).api.claimDevice({ serial, model: model.id });
  this.cameras.set(owner, await createCamera(model, { serial, brokerUrl: this.environment.mqttUrl }).start());
  await allure.label('deviceModel', model.id);
  await allure.label('generation', model.generation);
});

// Each customer's camera's last detection, as the camera sent it (to send it again).
const lastDetection = new WeakMap<HarnessWorld, Map<string, CameraEvent>>();

When('la caméra de {string} détecte un mouvement', async function (this: HarnessWorld, owner: string) {
  const { delivered: _delivered, ...event } = await this.camera(owner).detectMotion();
  const mine = lastDetection.get(this) ?? new Map<string, CameraEvent>();
  lastDetection.set(this, mine.set(owner, event));
});

// The camera never got the platform's acknowledgement (MQTT PUBACK, HTTP answer): it sends the same detection again, same id.
When('la caméra de {string} renvoie cette détection, comme si l\'accusé de réception s\'était perdu', async function (this: HarnessWorld, owner: string) {
  const event = lastDetection.get(this)?.get(owner);
  if (!event) throw new ConfigurationError(`"${owner}"'s camera detected nothing in this scenario: say "la caméra de "${owner}" détecte un mouvement" first`);
  await this.camera(owner).resend(event);
});

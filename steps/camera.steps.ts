// Steps about cameras: installing one at a customer's home and what it detects.

import { Given, When } from '@cucumber/cucumber';
import { randomBytes } from 'node:crypto';
import * as allure from 'allure-js-commons';
import type { CameraModel } from '../catalog/index.ts';
import { createCamera } from '../simulators/index.ts';
import type { HarnessWorld } from './support/world.ts';

Given('une caméra {modèle} installée chez {string}', async function (this: HarnessWorld, model: CameraModel, owner: string) {
  const serial = `${model.id.toUpperCase().replace(/[^A-Z0-9]/g, '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
  await this.customer(owner).api.claimDevice({ serial, model: model.id });
  this.cameras.set(owner, await createCamera(model, { serial, brokerUrl: this.environment.mqttUrl }).start());
  await allure.label('deviceModel', model.id);
  await allure.label('generation', model.generation);
});

When('la caméra de {string} détecte un mouvement', async function (this: HarnessWorld, owner: string) {
  await this.camera(owner).detectMotion();
});

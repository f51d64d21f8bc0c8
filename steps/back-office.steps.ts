// Steps about the back office, as support staff use it: instance health after the restart, a customer's contract and devices.

import { Given, Then, When } from '@cucumber/cucumber';
import { expectContract, expectDevice, instanceHealthProblems } from '../drivers/index.ts';
import { ProductAssertionError } from '../lib/errors.ts';
import { contractOf, expectBackOfficeOpenOnEachInstance, supportAgent } from './support/space.ts';
import type { HarnessWorld } from './support/world.ts';

Given('un agent du support connecté au back-office', async function (this: HarnessWorld) {
  await supportAgent(this);
});

Then('le back-office montre chaque instance de la plateforme en service sur la version attendue', async function (this: HarnessWorld) {
  const { instances, expectedVersion } = this.environment.platform;
  const problems = instanceHealthProblems(await (await this.backOffice()).instances(), instances.map((i) => i.id), expectedVersion);
  if (problems.length > 0) throw new ProductAssertionError(`[back-office] every instance must show in service on ${expectedVersion}: ${problems.join('; ')}. Did each instance restart on the new version?`);
});

Then('la fiche du client {string} au back-office montre son partenaire, son offre et ses modules', async function (this: HarnessWorld, name: string) {
  const customer = this.customer(name);
  expectContract(await (await this.backOffice()).findCustomer(customer.email), contractOf(this, customer));
});

Then('la fiche du client {string} au back-office montre sa caméra en ligne, avec son dernier signe de vie et son firmware', async function (this: HarnessWorld, name: string) {
  const camera = this.camera(name);
  expectDevice(await (await this.backOffice()).findCustomer(this.customer(name).email), { serial: camera.serial, firmware: camera.firmware });
});

When('la caméra de {string} donne signe de vie', async function (this: HarnessWorld, name: string) {
  await this.camera(name).heartbeat();
});

Then('le back-office affiche la page de maintenance, à réessayer plus tard', async function (this: HarnessWorld) {
  await (await this.backOffice()).expectMaintenancePage();
});

Then('le back-office de chaque instance est de nouveau ouvert au support client', async function (this: HarnessWorld) {
  await expectBackOfficeOpenOnEachInstance(this);
});

// Steps about migrated customers: the accounts the migration carries over, as they were before it, their devices coming back, their alerts.

import { Given, Then } from '@cucumber/cucumber';
import type { CameraModel, Offer, WhiteLabel } from '../catalog/index.ts';
import { ProductAssertionError } from '../lib/errors.ts';
import { expectMailAsOffered } from './support/customers.ts';
import { alertTextProblems } from './support/modules.ts';
import { expectAsBeforeMigration, expectRenewalAsBefore, labelMigratedModule, paymentMethodNamed, playMigratedCustomer, reconnectMigratedCamera } from './support/migrated.ts';
import type { HarnessWorld } from './support/world.ts';

Given('{string}, client migré de la marque {marque} qui avait l\'offre {offre}', async function (this: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer) {
  await playMigratedCustomer(this, name, whiteLabel, { offer });
});

Given('{string}, client migré de la marque {marque} qui payait par {string}', async function (this: HarnessWorld, name: string, whiteLabel: WhiteLabel, method: string) {
  await playMigratedCustomer(this, name, whiteLabel, { paymentMethod: paymentMethodNamed(this, method) });
});

Given('{string}, client migré qui avait une caméra {modèle}', async function (this: HarnessWorld, name: string, model: CameraModel) {
  await playMigratedCustomer(this, name, undefined, { camera: model });
});

Given('la caméra {modèle} d\'avant la migration de {string} se reconnecte', async function (this: HarnessWorld, model: CameraModel, name: string) {
  await reconnectMigratedCamera(this, name, model);
});

Then('l\'abonnement de {string} se renouvellera par son moyen de paiement d\'avant la migration', async function (this: HarnessWorld, name: string) {
  await expectRenewalAsBefore(this, name);
});

Then('{string} retrouve son contrat, ses appareils et son historique d\'avant la migration', async function (this: HarnessWorld, name: string) {
  await expectAsBeforeMigration(this, name);
});

Given('la caméra d\'avant la migration de {string} se reconnecte', async function (this: HarnessWorld, name: string) {
  await reconnectMigratedCamera(this, name);
});

Then('{string} reçoit les alertes e-mail que prévoit son offre', async function (this: HarnessWorld, name: string) {
  const mail = await expectMailAsOffered(this, this.customer(name));
  const problems = mail === undefined ? [] : await alertTextProblems(this, name, mail.text, mail.subject);
  if (problems.length > 0) throw new ProductAssertionError(`the alert e-mail to ${this.about(name)}: ${problems.join('; ')}`);
  if (this.customer(name).offer.modules.includes('email')) await labelMigratedModule(this, name, 'email');
});

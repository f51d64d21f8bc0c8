// Steps about migrated customers: the accounts the migration carries over, as they were before it, their devices coming back, their alerts.

import { Given, Then } from '@cucumber/cucumber';
import type { Offer, WhiteLabel } from '../catalog/index.ts';
import { expectMailAsOffered } from './support/customers.ts';
import { expectAsBeforeMigration, playMigratedCustomer, reconnectMigratedCamera } from './support/migrated.ts';
import type { HarnessWorld } from './support/world.ts';

Given('{string}, client migré de la marque {marque} qui avait l\'offre {offre}', async function (this: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer) {
  await playMigratedCustomer(this, name, whiteLabel, offer);
});

Then('{string} retrouve son contrat, ses appareils et son historique d\'avant la migration', async function (this: HarnessWorld, name: string) {
  await expectAsBeforeMigration(this, name);
});

Given('la caméra d\'avant la migration de {string} se reconnecte', async function (this: HarnessWorld, name: string) {
  await reconnectMigratedCamera(this, name);
});

Then('{string} reçoit les alertes e-mail que prévoit son offre', async function (this: HarnessWorld, name: string) {
  await expectMailAsOffered(this, this.customer(name));
});

// Steps of the post-migration smoke pass: the back office, a device of each generation, an alarm to the monitoring centre, the test accounts' data. Safe on production.

import { Given, Then, When } from '@cucumber/cucumber';
import type { Offer, WhiteLabel } from '../catalog/index.ts';
import { connectCamera } from './support/designated.ts';
import {
  expectAlarmAcknowledged, expectApiMatchesDatabases, expectInstancesInService, expectReferenceDataShown, expectTestCameraOnline, logInBackOffice,
  raiseTamperAlarm, takeMonitoredTestCamera, takeReferenceAccount, takeTestCameraOfGeneration, testCamera,
} from './support/smoke.ts';
import type { HarnessWorld } from './support/world.ts';

Given('le support connecté au back-office avec son compte désigné pour les contrôles', async function (this: HarnessWorld) {
  await logInBackOffice(this);
});
Then('il y voit chaque instance de la plateforme en service sur la version attendue', async function (this: HarnessWorld) {
  await expectInstancesInService(this);
});

Given('une caméra de la génération {string} d\'un compte de test', async function (this: HarnessWorld, generation: string) {
  await takeTestCameraOfGeneration(this, generation);
});
When('la caméra du compte de test se connecte à la plateforme', async function (this: HarnessWorld) {
  await connectCamera(this, testCamera(this));
});
Then('la plateforme voit la caméra du compte de test en ligne', async function (this: HarnessWorld) {
  await expectTestCameraOnline(this);
});

Given('une caméra télésurveillée d\'un compte de test de la marque {marque}', async function (this: HarnessWorld, whiteLabel: WhiteLabel) {
  await takeMonitoredTestCamera(this, whiteLabel);
});
When('la caméra télésurveillée signale une tentative de sabotage', async function (this: HarnessWorld) {
  await raiseTamperAlarm(this);
});
Then('la plateforme indique que le centre de télésurveillance a pris en charge l\'alarme', async function (this: HarnessWorld) {
  await expectAlarmAcknowledged(this);
});

Given('le compte de test de la marque {marque} avec ses données de référence de l\'offre {offre}', async function (this: HarnessWorld, whiteLabel: WhiteLabel, offer: Offer) {
  await takeReferenceAccount(this, whiteLabel, offer);
});
Then('la plateforme montre l\'offre, les évènements et les enregistrements de référence du compte de test, aux heures de Paris relevées', async function (this: HarnessWorld) {
  await expectReferenceDataShown(this);
});
Then('ce que la plateforme montre du compte de test est ce que contiennent ses bases de données', async function (this: HarnessWorld) {
  await expectApiMatchesDatabases(this);
});

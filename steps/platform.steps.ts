// Steps about the platform's instances, as seen from outside.

import { Then } from '@cucumber/cucumber';
import { checkInstances } from '../drivers/index.ts';
import type { HarnessWorld } from './support/world.ts';

Then('chaque instance de la plateforme répond sur la version attendue', async function (this: HarnessWorld) {
  await checkInstances(this.environment.platform.instances, this.environment.platform.expectedVersion);
});

// Steps about brands as customers see them, read-only: safe for the production smoke pass.

import { Then, When } from '@cucumber/cucumber';
import * as allure from 'allure-js-commons';
import type { WhiteLabel } from '../catalog/index.ts';
import { brandExpectation, expectOwnBrand } from '../drivers/index.ts';
import type { HarnessWorld } from './support/world.ts';

When('un visiteur ouvre l\'espace client de la marque {marque}', async function (this: HarnessWorld, brand: WhiteLabel) {
  await allure.label('partner', brand.partner);
  await allure.label('whiteLabel', brand.id);
  await (await this.brandSpace(brand)).open();
});

Then('la page affiche le nom, le logo, les couleurs et le téléphone d\'assistance de la marque {marque}, et rien d\'une autre', async function (this: HarnessWorld, brand: WhiteLabel) {
  const others = this.catalog.whiteLabels.filter((w) => w.id !== brand.id).map(brandExpectation);
  expectOwnBrand(await (await this.brandSpace(brand)).brandView(), brandExpectation(brand), others, 'the login page');
});

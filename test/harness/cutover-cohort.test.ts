// The cut-over cohort's choice of customers: one per partner, on an offer sold on V9, with remote monitoring when it sells one.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { cohortCustomerOf } from '../../harness/plan/cutover.ts';
import { ConfigurationError } from '../../lib/errors.ts';

const catalog = loadCatalog();

describe('the cut-over cohort', () => {
  it('takes for each partner its first white label and a V9 offer, with remote monitoring where the partner sells one with room for three cameras', () => {
    const chosen = catalog.partners.map((p) => {
      const c = cohortCustomerOf(catalog, p.id);
      return [p.id, c.whiteLabel.id, c.offer.id, c.offer.modules.includes('monitoring'), c.paymentMethod, c.accountType];
    });
    assert.deepEqual(chosen, [
      ['veilis', 'veilis', 'vigilance-2015', true, 'card', 'individual'],
      ['assur-plus', 'assur-plus-protect', 'habitat-assur-2013', true, 'card', 'individual'],
      ['hexaline', 'hexaline-maison', 'essentiel-2019', false, 'card', 'individual'],
      ['securimax', 'securimax-connect', 'vigilance-2015', true, 'card', 'individual'],
      ['maisoneo', 'maisoneo-cam', 'intelligence-2019', false, 'card', 'individual'],
      ['veilleurs-solidaires', 'veilleurs-presence', 'senior-connect-2021', false, 'sepa', 'individual'],
    ]);
  });

  it('refuses a partner that sells nothing on V9 with room for two cameras, naming it', () => {
    const narrow = { ...catalog, offers: catalog.offers.map((o) => ({ ...o, maxDevices: 1 })) };
    assert.throws(() => cohortCustomerOf(narrow, 'veilis'), (error: Error) => error instanceof ConfigurationError && /partner veilis sells no offer on V9 with room for two cameras/.test(error.message));
    assert.throws(() => cohortCustomerOf(catalog, 'nobody'), /no white label of partner nobody/);
  });
});

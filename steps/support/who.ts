// Who a failure message is about: the customer with their brand, partner and offer, so that a report names what broke.

import type { Catalog, Offer, WhiteLabel } from '../../catalog/index.ts';

/** "Camille (Maisonéo Cam, partner Maisonéo, offer Intelligence 2019)". */
export function describeCustomer(catalog: Catalog, customer: { name: string; whiteLabel: Pick<WhiteLabel, 'partner' | 'brand'>; offer: Pick<Offer, 'name'> }): string {
  const partner = catalog.partners.find((p) => p.id === customer.whiteLabel.partner)?.name ?? customer.whiteLabel.partner;
  return `${customer.name} (${customer.whiteLabel.brand}, partner ${partner}, offer ${customer.offer.name})`;
}

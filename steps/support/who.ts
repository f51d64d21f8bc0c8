// Who a failure message is about: the customer with their brand, partner and offer, so that a report names what broke.

import type { Catalog } from '../../catalog/index.ts';
import type { Customer } from './world.ts';

/** "Camille (Maisonéo Cam, partner Maisonéo, offer Intelligence 2019)". */
export function describeCustomer(catalog: Catalog, customer: Pick<Customer, 'name' | 'whiteLabel' | 'offer'>): string {
  const partner = catalog.partners.find((p) => p.id === customer.whiteLabel.partner)?.name ?? customer.whiteLabel.partner;
  return `${customer.name} (${customer.whiteLabel.brand}, partner ${partner}, offer ${customer.offer.name})`;
}

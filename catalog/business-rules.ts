// The business rules that say which combinations of brand, account, payment, offer and camera can exist.

import type { Catalog } from './types.ts';

/** One customer set-up the certification can run: ids from the catalog. */
export interface CatalogCombination {
  whiteLabel: string;
  accountType: string;
  paymentMethod: string;
  offer: string;
  generation: string;
}

/** A rule on a partial combination: false only when the values present already break it. */
export interface BusinessRule {
  rule: string;
  allows(row: Partial<CatalogCombination>): boolean;
}

export function businessRules(catalog: Catalog): BusinessRule[] {
  const whiteLabel = (id: string) => catalog.whiteLabels.find((w) => w.id === id);
  const partnerOf = (id: string) => catalog.partners.find((p) => p.id === whiteLabel(id)?.partner);
  const offer = (id: string) => catalog.offers.find((o) => o.id === id);
  return [
    {
      rule: "a white label sells only its partner's offers",
      allows: (r) => r.whiteLabel === undefined || r.offer === undefined || (partnerOf(r.whiteLabel)?.offers.includes(r.offer) ?? false),
    },
    {
      rule: 'a white label opens only the account types it accepts',
      allows: (r) => r.whiteLabel === undefined || r.accountType === undefined || (whiteLabel(r.whiteLabel)?.accountTypes.includes(r.accountType) ?? false),
    },
    {
      rule: 'a white label takes only the payment methods it accepts',
      allows: (r) => r.whiteLabel === undefined || r.paymentMethod === undefined || (whiteLabel(r.whiteLabel)?.paymentMethods.includes(r.paymentMethod) ?? false),
    },
    {
      rule: 'a free trial is for individual customers only',
      allows: (r) => r.paymentMethod !== 'free-trial' || r.accountType === undefined || r.accountType === 'individual',
    },
    {
      rule: 'partner invoicing is for partner-managed accounts, which pay no other way',
      allows: (r) => r.paymentMethod === undefined || r.accountType === undefined || (r.paymentMethod === 'partner-invoice') === (r.accountType === 'partner-managed'),
    },
    {
      rule: 'a legacy offer is no longer sold, so never on a free trial',
      allows: (r) => r.paymentMethod !== 'free-trial' || r.offer === undefined || offer(r.offer)?.legacy === false,
    },
  ];
}

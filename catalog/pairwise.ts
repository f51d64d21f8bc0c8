// Pairwise (all-pairs) combinations: the generic generator and the catalog's own matrix under its business rules.

import { businessRules } from './business-rules.ts';
import type { CatalogCombination } from './business-rules.ts';
import { coverageOf } from './coverage.ts';
import type { PairwiseReport } from './coverage.ts';
import { coveringRows } from './covering-array.ts';
import { spaceOf, toRow } from './pairwise-search.ts';
import type { Catalog } from './types.ts';

export type { PairwiseReport } from './coverage.ts';
export { coverageOf } from './coverage.ts';
export type { BusinessRule, CatalogCombination } from './business-rules.ts';
export { businessRules } from './business-rules.ts';

export interface PairwiseResult<K extends string> {
  rows: Record<K, string>[];
  report: PairwiseReport;
}

/**
 * Rows such that every pair of values of two parameters that some allowed row can hold appears in a row.
 * Deterministic: same parameters (in the same order) and constraint, same rows. `allowed` sees partial
 * rows and must answer false only when the values present already break a rule.
 */
export function pairwise<K extends string>(
  parameters: Record<K, readonly string[]>,
  allowed: (row: Partial<Record<K, string>>) => boolean = () => true,
): PairwiseResult<K> {
  const space = spaceOf(parameters, allowed as (row: Record<string, string>) => boolean);
  const rows = coveringRows(space).map((row) => toRow(space.names, space.values, row) as Record<K, string>);
  return { rows, report: coverageOf(parameters, rows, allowed) };
}

/** The catalog's parameters, in a fixed order: white label, account type, payment method, offer, camera generation. */
export function catalogParameters(catalog: Catalog): Record<keyof CatalogCombination, string[]> {
  return {
    whiteLabel: catalog.whiteLabels.map((w) => w.id),
    accountType: catalog.accountTypes.map((a) => a.id),
    paymentMethod: catalog.paymentMethods.map((p) => p.id),
    offer: catalog.offers.map((o) => o.id),
    generation: catalog.generations.map((g) => g.id),
  };
}

/** The customer set-ups to certify: all pairs of the catalog's parameters that the business rules allow. */
export function catalogPairwise(catalog: Catalog): PairwiseResult<keyof CatalogCombination> & { rows: CatalogCombination[] } {
  const rules = businessRules(catalog);
  return pairwise(catalogParameters(catalog), (row) => rules.every((r) => r.allows(row)));
}

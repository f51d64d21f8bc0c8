// What a brand's customer space must show (from the catalog) and the check that it shows that brand and no other.

import { createHash } from 'node:crypto';
import { CatalogError, type WhiteLabel } from '../catalog/index.ts';
import { ProductAssertionError } from '../lib/errors.ts';
import type { BrandView } from './customer-space.ts';

const catalogFile = 'catalog/data/white-labels.yaml';

export interface BrandExpectation {
  whiteLabel: string;
  brand: string;
  logoSvg: string;
  primaryColor: string;
  secondaryColor: string;
  supportPhone: string;
}

type BrandEntry = Pick<WhiteLabel, 'id' | 'brand' | 'supportPhone'> & { logoSvg?: string | null; colors?: Partial<WhiteLabel['colors']> | null };

/**
 * The brand as the catalog describes it. A brand without a logo, a colour or a phone cannot be checked: that is a
 * catalog error (bad input, reported as configuration), not a customer space that fails.
 */
export function brandExpectation(entry: BrandEntry): BrandExpectation {
  const missing = [
    !entry.logoSvg && 'logoSvg (the logo)',
    !entry.colors?.primary && 'colors.primary',
    !entry.colors?.secondary && 'colors.secondary',
    !entry.supportPhone && 'supportPhone',
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length > 0) {
    throw new CatalogError([{ file: catalogFile, message: `white label "${entry.id}" (${entry.brand}) has no ${missing.join(', ')}: its customer space cannot be checked against it; complete the entry` }]);
  }
  return {
    whiteLabel: entry.id, brand: entry.brand, logoSvg: entry.logoSvg ?? '', supportPhone: entry.supportPhone,
    primaryColor: entry.colors?.primary ?? '', secondaryColor: entry.colors?.secondary ?? '',
  };
}

/** Everything the view shows that is not its own brand's, naming the brand it belongs to when it is another's. */
export function brandProblems(view: BrandView, own: BrandExpectation, others: readonly BrandExpectation[]): string[] {
  const problems: string[] = [];
  const whose = (value: string, field: 'brand' | 'supportPhone' | 'logoSvg'): string => {
    const owner = others.find((o) => o[field] === value);
    return owner ? ` (${owner.brand}'s)` : '';
  };
  if (view.name !== own.brand) problems.push(`the brand name "${view.name}"${whose(view.name, 'brand')} instead of "${own.brand}"`);
  if (view.phone !== own.supportPhone) problems.push(`the support phone ${view.phone}${whose(view.phone, 'supportPhone')} instead of ${own.supportPhone}`);
  if (view.logoSvg !== own.logoSvg) {
    const owner = others.find((o) => o.logoSvg === view.logoSvg);
    problems.push(owner ? `the logo of ${owner.brand} instead of its own` : 'a logo that is not the one the catalog gives it');
  }
  if (view.logoAlt !== `${own.brand} logo`) problems.push(`a logo described as "${view.logoAlt}"`);
  if (view.primaryColor.toLowerCase() !== own.primaryColor.toLowerCase() || view.secondaryColor.toLowerCase() !== own.secondaryColor.toLowerCase()) {
    problems.push(`the colours ${view.primaryColor}/${view.secondaryColor} instead of ${own.primaryColor}/${own.secondaryColor}`);
  }
  // Another brand's name may contain this one's ("Veilis" in "Veilis Pro"): look for it in what remains without our own.
  const text = `${view.title}\n${view.text}`.split(own.brand).join(' ').split(own.supportPhone).join(' ');
  for (const other of others) {
    if (text.includes(other.brand)) problems.push(`the name of ${other.brand}`);
    if (text.includes(other.supportPhone)) problems.push(`the support phone of ${other.brand} (${other.supportPhone})`);
  }
  return problems;
}

/** Throws a product failure naming this brand and every other brand whose name, logo or phone the page shows. */
export function expectOwnBrand(view: BrandView, own: BrandExpectation, others: readonly BrandExpectation[], where: string): void {
  const problems = brandProblems(view, own, others);
  if (problems.length === 0) return;
  throw new ProductAssertionError(`[customer-space:${own.whiteLabel}] the customer space of ${own.brand} must show only its own brand (${catalogFile}); at ${where} it shows ${problems.join('; ')}. Was an asset of one brand deployed under another?`);
}

/** Identifies what a brand looks like in the catalog: a baseline approved for another fingerprint is stale. */
export function brandFingerprint(expectation: BrandExpectation): string {
  const { brand, logoSvg, primaryColor, secondaryColor, supportPhone } = expectation;
  return createHash('sha256').update(JSON.stringify([brand, logoSvg, primaryColor, secondaryColor, supportPhone])).digest('hex').slice(0, 16);
}

// A partner's report in its own colours: the logo of its brand from the catalog in place of Allure's, without Allure's name.

import { readFileSync, writeFileSync } from 'node:fs';
import type { Catalog } from '../../../catalog/index.ts';

/** The logo a partner's report shows: its brand of the same name, else its first brand's. */
export function partnerLogo(catalog: Catalog, partnerId: string): string | undefined {
  const partner = catalog.partners.find((p) => p.id === partnerId);
  const brands = catalog.whiteLabels.filter((w) => w.partner === partnerId);
  return (brands.find((w) => w.brand === partner?.name) ?? brands[0])?.logoSvg;
}

/** Injects the logo (inline, a data: URL: opening the report fetches nothing) into a generated single-file report. */
export function brandReport(indexHtml: string, logoSvg: string): void {
  const logo = `data:image/svg+xml;base64,${Buffer.from(logoSvg).toString('base64')}`;
  const style = `<style id="partner-brand">.side-nav__brand .side-nav__icon-lane{flex:1 1 auto!important;inline-size:auto!important;max-inline-size:none!important;justify-content:flex-start!important;padding-inline:.5rem!important}.side-nav__brand-icon{background:url("${logo}") left center/contain no-repeat!important;inline-size:100%!important;block-size:2.5rem!important}.side-nav__brand-text{display:none!important}</style>`;
  const html = readFileSync(indexHtml, 'utf8');
  writeFileSync(indexHtml, html.replace('</head>', `${style}</head>`));
}

// Rules across entries and files that a field's form cannot express: the matrix must make business sense.

import type { Entry } from './check-collection.ts';
import type { CatalogIssue } from './errors.ts';
import type { CollectionName } from './fields.ts';
import type { Catalog } from './types.ts';

/** The year V10 went live: offers that need V10 (alarm panels, connected objects) date from then on. */
export const v10LaunchYear = 2022;

export type Located<T> = Omit<Entry, 'value'> & { value: T };
// The well-formed entries of each file.
export type Entries = { [K in CollectionName]: Located<Catalog[K][number]>[] };

type Report = (at: Located<unknown>, line: number, message: string) => void;
// `complete(name)`: the file parsed and every entry is well-formed, so counting over it means something.
type Rule = (entries: Entries, report: Report, complete: (name: CollectionName) => boolean) => void;

const v10ModulesNeedV10Offers: Rule = ({ offers, modules }, report) => {
  const v10 = new Set(modules.filter((m) => m.value.since === 'v10').map((m) => m.value.id));
  for (const offer of offers) {
    offer.value.modules.forEach((module, i) => {
      if (v10.has(module) && offer.value.since !== 'v10') report(offer, offer.lineAt('modules', i), `${offer.label} includes V10-only module "${module}" but says since: ${offer.value.since}; set since: v10`);
    });
    if (offer.value.since === 'v10' && offer.value.year < v10LaunchYear) report(offer, offer.lineAt('year'), `${offer.label} is sold since v10 but dated ${offer.value.year}; V10 offers date from ${v10LaunchYear} on`);
  }
};

const camerasFitTheirGeneration: Rule = ({ cameraModels, generations }, report) => {
  for (const camera of cameraModels) {
    const generation = generations.find((g) => g.value.id === camera.value.generation)?.value;
    if (generation === undefined) continue;
    const [from, to] = generation.years;
    if (camera.value.year < from || camera.value.year > to) report(camera, camera.lineAt('year'), `${camera.label} dates from ${camera.value.year} but generation ${generation.id} covers ${from}–${to}; fix the year or the generation`);
  }
};

// A module the matrix never sells, or always sells, cannot be certified to switch features on and off.
const modulesAreSoldAndWithheld: Rule = ({ modules, offers }, report, complete) => {
  if (!complete('offers') || offers.length === 0) return;
  for (const module of modules) {
    const count = offers.filter((o) => o.value.modules.includes(module.value.id)).length;
    if (count === 0) report(module, module.line, `${module.label} is in no offer; add it to at least one offer in offers.yaml`);
    if (count === offers.length) report(module, module.line, `${module.label} is in every offer; at least one offer must go without it`);
  }
};

const offersAreSold: Rule = ({ offers, partners }, report, complete) => {
  if (!complete('partners')) return;
  for (const offer of offers) {
    if (!partners.some((p) => p.value.offers.includes(offer.value.id))) report(offer, offer.line, `${offer.label} is sold by no partner; list it in a partner's "offers" in partners.yaml`);
  }
};

const logosShowTheBrand: Rule = ({ whiteLabels }, report) => {
  for (const label of whiteLabels) {
    if (!label.value.logoSvg.includes(escapeXml(label.value.brand))) report(label, label.lineAt('logoSvg'), `${label.label}: "logoSvg" must show the brand "${label.value.brand}" in its text`);
  }
};

const rules: Rule[] = [v10ModulesNeedV10Offers, camerasFitTheirGeneration, modulesAreSoldAndWithheld, offersAreSold, logosShowTheBrand];

export function checkRules(entries: Entries, complete: (name: CollectionName) => boolean): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  for (const rule of rules) rule(entries, (at, line, message) => issues.push({ file: at.file, line, message }), complete);
  return issues;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

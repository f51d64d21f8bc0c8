// The modules' scenarios cover the catalog: every (module, offer) pair in an Examples row, right brand and figures, every fault switch.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog, type Offer } from '../../catalog/index.ts';
import { faults, providers } from '../../steps/support/words.ts';

const featuresDir = join(import.meta.dirname, '..', '..', 'features', 'modules');
const catalog = loadCatalog();

/** Modules whose scenarios live in features/modules (alarm panels and connected objects are covered with the devices). */
const modulesHere = ['recordings', 'ai', 'sms', 'email', 'home-care', 'monitoring'];

interface Examples { tags: string[]; header: string[]; rows: Record<string, string>[]; line: number }
interface Scenario { file: string; title: string; tags: string[]; steps: string[]; examples: Examples[] }
interface Feature { file: string; tags: string[]; scenarios: Scenario[] }

/** Just enough Gherkin: tags, scenarios and outlines, steps, Examples tables (French keywords). */
function parse(file: string, text: string): Feature {
  const feature: Feature = { file, tags: [], scenarios: [] };
  let pending: string[] = [];
  let scenario: Scenario | undefined;
  let examples: Examples | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('@')) pending.push(...line.split(/\s+/));
    else if (line.startsWith('Fonctionnalité:')) [feature.tags, pending] = [pending, []];
    else if (/^(Plan du scénario|Scénario|Contexte):/.test(line)) {
      scenario = { file, title: line, tags: pending, steps: [], examples: [] };
      feature.scenarios.push(scenario);
      [pending, examples] = [[], undefined];
    } else if (line.startsWith('Exemples:') && scenario) {
      examples = { tags: pending, header: [], rows: [], line: index + 1 };
      scenario.examples.push(examples);
      pending = [];
    } else if (line.startsWith('|') && examples) {
      const cells = line.slice(1, -1).split('|').map((c) => c.trim());
      if (examples.header.length === 0) examples.header = cells;
      else examples.rows.push(Object.fromEntries(examples.header.map((h, i) => [h, cells[i] ?? ''])));
    } else if (/^(Étant donné|Quand|Alors|Et|Mais) /.test(line) && scenario) scenario.steps.push(line);
  });
  return feature;
}

const features = readdirSync(featuresDir).filter((f) => f.endsWith('.feature')).map((f) => parse(f, readFileSync(join(featuresDir, f), 'utf8')));
const offerByName = (name: string): Offer | undefined => catalog.offers.find((o) => o.name === name);
const brandByName = (name: string) => catalog.whiteLabels.find((w) => w.brand === name);
const sells = (brand: string, offer: Offer): boolean => catalog.partners.find((p) => p.id === brandByName(brand)?.partner)?.offers.includes(offer.id) ?? false;

function coveringOutlines(module: string): Scenario[] {
  return features.filter((f) => f.tags.includes(`@module-${module}`)).flatMap((f) => f.scenarios).filter((s) => s.tags.includes('@couvre-les-offres'));
}

describe('the service modules\' scenarios against the catalog', () => {
  for (const module of modulesHere) {
    it(`lists every offer with the ${module} module in the Examples of its covering outline, and no other`, () => {
      const outlines = coveringOutlines(module);
      assert.ok(outlines.length > 0, `no Scenario Outline tagged @couvre-les-offres in a feature tagged @module-${module} under features/modules`);
      const expected = catalog.offers.filter((o) => o.modules.includes(module)).map((o) => o.name).sort();
      for (const outline of outlines) {
        const listed = outline.examples.flatMap((e) => e.rows.map((r) => r['offre'] ?? '')).sort();
        const missing = expected.filter((name) => !listed.includes(name));
        const extra = listed.filter((name) => !expected.includes(name));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] },
          `${outline.file} "${outline.title}": the (${module}, offer) pairs of catalog/data/offers.yaml and the Examples differ; add a row for each missing offer, remove the extra ones`);
      }
    });
  }

  it('gives each Examples row a brand that sells the offer, and the catalog\'s own figures and senders', () => {
    const problems: string[] = [];
    for (const outline of modulesHere.flatMap(coveringOutlines)) {
      for (const examples of outline.examples) {
        for (const row of examples.rows) {
          const offer = offerByName(row['offre'] ?? '');
          const brand = brandByName(row['marque'] ?? '');
          const where = `${outline.file}:${examples.line} ${JSON.stringify(row)}`;
          if (!offer || !brand) { problems.push(`${where}: unknown offer or brand`); continue; }
          if (!sells(brand.brand, offer)) problems.push(`${where}: ${brand.brand} does not sell ${offer.name}`);
          if ((offer.since === 'v10') !== examples.tags.includes('@v10')) problems.push(`${where}: ${offer.name} is sold since ${offer.since}; V10 offers go in the Examples tagged @v10, the others not`);
          const expected: Record<string, string> = {
            jours: String(offer.retentionDays), expéditeur: brand.smsSender, adresse: brand.mailSender,
            quota: String(outline.file.includes('email') ? offer.monthlyQuotas.email : offer.monthlyQuotas.sms),
          };
          for (const [column, value] of Object.entries(expected)) {
            if (column in row && row[column] !== value) problems.push(`${where}: "${column}" must be ${value} (catalog), not ${row[column]}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('has, for each module, a scenario on an offer without it', () => {
    for (const module of modulesHere) {
      const negatives = features.filter((f) => f.tags.includes(`@module-${module}`)).flatMap((f) => f.scenarios).filter((s) => s.tags.includes('@sans-le-module'));
      assert.ok(negatives.length > 0, `no @sans-le-module scenario for ${module}`);
      for (const scenario of negatives) {
        const named = /avec l'offre "([^"]+)"/.exec(scenario.steps.join('\n'))?.[1] ?? '';
        const offer = offerByName(named);
        assert.ok(offer && !offer.modules.includes(module), `${scenario.file} "${scenario.title}": offer "${named}" must exist and lack the ${module} module`);
      }
    }
  });

  it('renews by every payment method that charges or invoices', () => {
    const steps = features.flatMap((f) => f.scenarios).filter((s) => s.tags.includes('@couvre-les-moyens-de-paiement'))
      .flatMap((s) => s.examples.length === 0 ? s.steps : s.examples.flatMap((e) => e.rows.map((r) => `payant par "${r['moyen']}"`)));
    const named = new Set(steps.map((s) => /payant par "([^"]+)"/.exec(s)?.[1]).filter((n) => n !== undefined));
    const methods = catalog.paymentMethods.filter((p) => p.id !== 'free-trial').map((p) => p.name);
    assert.deepEqual(methods.filter((m) => !named.has(m)), [], 'payment methods without a renewal scenario (a free trial is never charged)');
  });

  it('exercises every fault switch of every stub the modules use', () => {
    const text = features.filter((f) => f.tags.includes('@panne')).flatMap((f) => f.scenarios.flatMap((s) => s.steps)).join('\n');
    const missing: string[] = [];
    for (const provider of Object.keys(providers)) {
      for (const [words, mode] of [...Object.entries(faults), ['met \\d+ secondes? à répondre', 'slow']]) {
        if (!new RegExp(`${provider} ${words}`).test(text)) missing.push(`${providers[provider]}: ${mode}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('gives an offer a monthly quota on a channel exactly when it includes that channel\'s module', () => {
    const wrong = catalog.offers.flatMap((o) => (['sms', 'email'] as const)
      .filter((channel) => (o.monthlyQuotas[channel] > 0) !== o.modules.includes(channel))
      .map((channel) => `${o.id}: ${channel} quota ${o.monthlyQuotas[channel]}, modules [${o.modules.join(', ')}]`));
    assert.deepEqual(wrong, []);
  });
});

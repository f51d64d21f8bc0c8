// Catalog coverage of a run: every catalog entry, the scenarios that exercised it with their last status, and pair coverage.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessRules, catalogParameters, coverageOf, type Catalog, type CatalogCombination, type PairwiseReport } from '../../catalog/index.ts';

/** Which Allure label names each kind of catalog entry. */
const kinds: { kind: keyof Catalog; label: string }[] = [
  { kind: 'partners', label: 'partner' },
  { kind: 'whiteLabels', label: 'whiteLabel' },
  { kind: 'accountTypes', label: 'accountType' },
  { kind: 'paymentMethods', label: 'paymentMethod' },
  { kind: 'offers', label: 'offer' },
  { kind: 'modules', label: 'module' },
  { kind: 'generations', label: 'generation' },
  { kind: 'cameraModels', label: 'deviceModel' },
  { kind: 'alarmPanels', label: 'deviceModel' },
  { kind: 'objects', label: 'deviceModel' },
];

export interface EntryCoverage {
  kind: string;
  id: string;
  name: string;
  scenarios: { name: string; status: string }[];
}

export interface CoverageReport {
  entries: EntryCoverage[];
  exercised: number;
  total: number;
  percent: number;
  unexercised: string[];
  /**
   * The catalog entries V9 customers hold (every partner, white label, account type, payment method, camera model and
   * generation, the offers V9 sold and the modules they include), and those no migrated customer exercised: an entry counts for the migration
   * only when a customer the migration carried over used it on V10. Empty when no scenario played a migrated customer.
   */
  migrated: {
    exercised: number;
    total: number;
    unexercised: string[];
    /** Of those, the entries only customers made during the run exercised: a fresh V10 account stood in for what the migration carries over. */
    freshOnly: string[];
  };
  pairs: PairwiseReport & { percent: number };
}

interface LabelledResult {
  name: string;
  status?: string;
  stop?: number;
  labels?: { name: string; value: string }[];
}

function readResults(resultsDir: string): LabelledResult[] {
  if (!existsSync(resultsDir)) return [];
  const results = readdirSync(resultsDir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as LabelledResult);
  return results.sort((a, b) => (a.stop ?? 0) - (b.stop ?? 0));
}

const labelsOf = (result: LabelledResult, name: string) => (result.labels ?? []).filter((l) => l.name === name).map((l) => l.value);

export function computeCoverage(catalog: Catalog, resultsDir: string): CoverageReport {
  const results = readResults(resultsDir);
  const entries: EntryCoverage[] = kinds.flatMap(({ kind, label }) =>
    (catalog[kind] as { id: string; name?: string; brand?: string }[]).map((entry) => {
      // The last status of each scenario wins: results are sorted by end time.
      const byName = new Map<string, string>();
      for (const result of results) if (labelsOf(result, label).includes(entry.id)) byName.set(result.name, result.status ?? 'unknown');
      return { kind, id: entry.id, name: entry.brand ?? entry.name ?? entry.id, scenarios: [...byName].map(([name, status]) => ({ name, status })) };
    }),
  );
  const exercised = entries.filter((e) => e.scenarios.length > 0).length;
  const rows = results.flatMap((result) => {
    const row = Object.fromEntries((['whiteLabel', 'accountType', 'paymentMethod', 'offer', 'generation'] as const).map((k) => [k, labelsOf(result, k)[0]]));
    return Object.values(row).every((v) => v !== undefined) ? [row as unknown as CatalogCombination] : [];
  });
  const isMigrated = (r: LabelledResult): boolean => labelsOf(r, 'migrated').includes('true');
  const migrated = migratedCoverage(catalog, results.filter(isMigrated), results.filter((r) => !isMigrated(r)));
  const rules = businessRules(catalog);
  const pairs = coverageOf(catalogParameters(catalog), rows, (row) => rules.every((r) => r.allows(row)));
  return {
    entries,
    exercised,
    total: entries.length,
    percent: entries.length ? Math.floor((1000 * exercised) / entries.length) / 10 : 100,
    // What no migrated customer exercised keeps a certification from GO like what no scenario exercised.
    unexercised: [...entries.filter((e) => e.scenarios.length === 0).map((e) => `${e.kind}:${e.id}`), ...migrated.unexercised],
    migrated,
    pairs: { ...pairs, percent: pairs.allowedPairs ? Math.floor((1000 * pairs.coveredPairs) / pairs.allowedPairs) / 10 : 100 },
  };
}

/** Kinds of entries V9 customers hold: what the migration carries over. Alarm panels and connected objects come with V10. */
const migratedKinds = kinds.filter((k) => !['alarmPanels', 'objects'].includes(k.kind));

function migratedCoverage(catalog: Catalog, results: LabelledResult[], fresh: LabelledResult[]): CoverageReport['migrated'] {
  if (results.length === 0) return { exercised: 0, total: 0, unexercised: [], freshOnly: [] };
  const v9Offers = catalog.offers.filter((o) => o.since === 'v9');
  // A V9 offer's entry, and a module some V9 offer includes: the modules V10 brings (alarm panels, objects) are not asked of them.
  const heldOnV9 = (kind: keyof Catalog, entry: { id: string; since?: string }): boolean =>
    kind === 'offers' ? entry.since === 'v9' : kind === 'modules' ? v9Offers.some((o) => o.modules.includes(entry.id)) : true;
  const held = migratedKinds.flatMap(({ kind, label }) => (catalog[kind] as { id: string; since?: string }[])
    .filter((entry) => heldOnV9(kind, entry))
    .map((entry) => ({ key: `${kind}:${entry.id}`, used: results.some((r) => labelsOf(r, label).includes(entry.id)), byFresh: fresh.some((r) => labelsOf(r, label).includes(entry.id)) })));
  const unexercised = held.filter((e) => !e.used).map((e) => `migrated ${e.key}`);
  const freshOnly = held.filter((e) => !e.used && e.byFresh).map((e) => e.key);
  return { exercised: held.length - unexercised.length, total: held.length, unexercised, freshOnly };
}

// Attribution of each result to a partner, brand, offer and device from the scenario itself (its Examples row, tags, quoted names), even when it broke before any account existed.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../../catalog/index.ts';

interface Label {
  name: string;
  value: string;
}

export interface AttributableResult {
  name?: string;
  status?: string;
  parameters?: { name: string; value: string }[];
  labels?: Label[];
  steps?: { name?: string }[];
}

export interface Unattributed {
  name: string;
  status: string;
  phase: string | undefined;
}

const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** The one catalog entry named by the Examples column, else the one named by the scenario's quoted values (several different ones: none). */
function pick<T>(entries: T[], nameOf: (entry: T) => string, row: string[], quoted: string[]): T | undefined {
  const byName = (value: string) => entries.find((entry) => fold(nameOf(entry)) === fold(value));
  const fromRow = row.map(byName).find((entry) => entry !== undefined);
  if (fromRow) return fromRow;
  const found = [...new Set(quoted.map(byName).filter((entry) => entry !== undefined))];
  return found.length === 1 ? found[0] : undefined;
}

/** The labels the result lacks that its scenario names: partner, whiteLabel, offer, deviceModel, and parentSuite (the partner). */
export function attributionLabels(result: AttributableResult, catalog: Catalog): Label[] {
  const labels = result.labels ?? [];
  const has = (name: string) => labels.some((l) => l.name === name);
  const column = (...headers: string[]) => (result.parameters ?? []).filter((p) => headers.includes(fold(p.name))).map((p) => p.value);
  const quoted = [result.name ?? '', ...(result.steps ?? []).map((s) => s.name ?? '')].flatMap((text) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ''));
  const tags = labels.filter((l) => l.name === 'tag').map((l) => fold(l.value));
  const existing = (name: string) => labels.find((l) => l.name === name)?.value;
  // The harness's self-checks (@autocontrole: a migration broken on purpose to prove the certifier finds it) belong to no
  // partner: the brand they sabotage is quoted, and its findings name another brand's values.
  if (tags.includes('autocontrole')) return [];

  const whiteLabel = catalog.whiteLabels.find((w) => w.id === existing('whiteLabel'))
    ?? pick(catalog.whiteLabels, (w) => w.brand, column('marque'), quoted)
    ?? (() => {
      const tagged = catalog.whiteLabels.filter((w) => tags.includes(fold(w.id)));
      return tagged.length === 1 ? tagged[0] : undefined;
    })();
  const partner = catalog.partners.find((p) => p.id === (existing('partner') ?? whiteLabel?.partner))
    ?? pick(catalog.partners, (p) => p.name, column('partenaire'), quoted)
    ?? (() => {
      const tagged = catalog.partners.filter((p) => tags.includes(fold(p.id)));
      return tagged.length === 1 ? tagged[0] : undefined;
    })();
  const offer = pick(catalog.offers, (o) => o.name, column('offre'), quoted);
  const device = pick([...catalog.cameraModels, ...catalog.alarmPanels, ...catalog.objects], (m) => m.name, column('modele', 'centrale', 'objet'), quoted);

  const added: Label[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && !has(name)) added.push({ name, value });
  };
  add('partner', partner?.id);
  add('whiteLabel', whiteLabel?.partner === partner?.id ? whiteLabel?.id : undefined);
  add('offer', offer?.id);
  add('deviceModel', device?.id);
  add('parentSuite', partner?.id);
  return added;
}

/**
 * Adds to each result of the folder the labels its scenario names; returns the results still attributed to no
 * partner (a platform-wide check, or a scenario that names none), so the certificate can list them.
 */
export function attributeResults(resultsDir: string, catalog: Catalog): Unattributed[] {
  if (!existsSync(resultsDir)) return [];
  const unattributed: Unattributed[] = [];
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const path = join(resultsDir, file);
    const result = JSON.parse(readFileSync(path, 'utf8')) as AttributableResult;
    const added = attributionLabels(result, catalog);
    if (added.length > 0) writeFileSync(path, JSON.stringify({ ...result, labels: [...(result.labels ?? []), ...added] }));
    const labels = [...(result.labels ?? []), ...added];
    if (!labels.some((l) => l.name === 'partner')) unattributed.push({ name: result.name ?? file, status: result.status ?? 'unknown', phase: labels.find((l) => l.name === 'phase')?.value });
  }
  return unattributed.sort((a, b) => `${a.phase}${a.name}`.localeCompare(`${b.phase}${b.name}`));
}

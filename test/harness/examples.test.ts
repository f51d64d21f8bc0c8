// Catalog-driven Examples: a new catalog entry reaches the scenarios with no other edit, and stale tables are caught.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultCatalogDir, loadCatalog } from '../../catalog/index.ts';
import { generators } from '../../harness/examples/generators.ts';
import { syncFeature, syncFeatures } from '../../harness/examples/sync.ts';

const featuresRoot = join(import.meta.dirname, '..', '..', 'features');
const feature = (generator: string) => `# language: fr\nFonctionnalité: f\n  Plan du Scénario: s <modèle>\n    Étant donné x\n\n    # catalogue: ${generator}\n    Exemples:\n      | vieux |\n      | rang  |\n`;

describe('catalog-driven Examples', () => {
  it('brings a camera model added to the catalog into the scenarios of camera models after a sync', () => {
    const catalogDir = mkdtempSync(join(tmpdir(), 'catalog-'));
    cpSync(defaultCatalogDir, catalogDir, { recursive: true });
    appendFileSync(join(catalogDir, 'camera-models.yaml'), '\n- id: sentinelle-test-2024\n  name: Sentinelle Test\n  year: 2024\n  generation: mqtt5\n  firmware: ["1.0.0"]\n  capabilities: [motion]\n');
    const featuresDir = mkdtempSync(join(tmpdir(), 'features-'));
    writeFileSync(join(featuresDir, 'cameras.feature'), feature('modèles-caméra'));
    assert.equal(syncFeatures(featuresDir, loadCatalog(catalogDir), false).length, 1);
    const synced = readFileSync(join(featuresDir, 'cameras.feature'), 'utf8');
    assert.match(synced, /\| Sentinelle Test +\| MQTT 5 +\|/);
    assert.doesNotMatch(synced, /vieux/);
    assert.deepEqual(syncFeatures(featuresDir, loadCatalog(catalogDir), true), [], 'a synced feature is in sync');
  });

  it('brings a new camera model into every Examples table of the shipped camera features', () => {
    const catalogDir = mkdtempSync(join(tmpdir(), 'catalog-'));
    cpSync(defaultCatalogDir, catalogDir, { recursive: true });
    appendFileSync(join(catalogDir, 'camera-models.yaml'), '\n- id: sentinelle-test-2024\n  name: Sentinelle Test\n  year: 2024\n  generation: mqtt5\n  firmware: ["1.0.0"]\n  capabilities: [motion]\n');
    const catalog = loadCatalog(catalogDir);
    const cameras = syncFeature(readFileSync(join(featuresRoot, 'appareils', 'cameras.feature'), 'utf8'), catalog, 'cameras.feature');
    // The tables the catalog writes (a `# catalogue:` line above them); a hand-written table (one camera per generation) stays as written.
    const tables = cameras.split(/^\s*# catalogue: .*\n\s*Exemples:.*$/m).slice(1);
    // Each outline's table of every model, and its table of migrated customers (the oldest model and the newest).
    assert.equal(tables.length, 10);
    for (const table of tables) assert.match(table, /^\s*\| Sentinelle Test +\| MQTT 5 +\|$/m);
  });

  it('gives a table of migrated customers a few rows of another generator, spread from its first row to its last', () => {
    const catalog = loadCatalog();
    const all = generators['modèles-caméra']!(catalog, undefined).rows;
    assert.deepEqual(generators['clients-migrés']!(catalog, 'modèles-caméra').rows, [all[0], all[all.length - 1]]);
    assert.deepEqual(generators['clients-migrés']!(catalog, 'modèles-caméra,3').rows, [all[0], all[Math.round((all.length - 1) / 2)], all[all.length - 1]]);
    assert.throws(() => generators['clients-migrés']!(catalog, 'nope'), /needs another generator/);
  });

  it('reports a stale feature in check mode without touching it', () => {
    const featuresDir = mkdtempSync(join(tmpdir(), 'features-'));
    writeFileSync(join(featuresDir, 'brands.feature'), feature('marques'));
    assert.equal(syncFeatures(featuresDir, loadCatalog(), true).length, 1);
    assert.match(readFileSync(join(featuresDir, 'brands.feature'), 'utf8'), /vieux/);
  });

  it('lists every white label once in the brands table', () => {
    const catalog = loadCatalog();
    const synced = syncFeature(feature('marques'), catalog, 'x.feature');
    for (const label of catalog.whiteLabels) assert.match(synced, new RegExp(`\\| ${label.brand} +\\|`));
  });

  it('names the file and line of an unknown generator', () => {
    assert.throws(() => syncFeature(feature('cameras'), loadCatalog(), 'x.feature'), /x\.feature:6: unknown catalogue generator "cameras"/);
  });

  it('keeps the shipped features in sync with the shipped catalog', () => {
    assert.deepEqual(syncFeatures(join(import.meta.dirname, '..', '..', 'features'), loadCatalog(), true), []);
  });

  it('gives the migrated customers\' Examples every offer V9 sold with its limits, and the partners that sold a module', () => {
    const catalog = loadCatalog();
    const all = generators['offres-v9-avec']!(catalog, undefined);
    assert.deepEqual(all.header, ['marque', 'offre', 'jours', 'sms', 'e-mails']);
    assert.deepEqual(all.rows.map((r) => r[1]), catalog.offers.filter((o) => o.since === 'v9').map((o) => o.name));
    assert.deepEqual(all.rows.find((r) => r[1] === 'Sérénité 2011')?.slice(2), ['7', '10', '0']);
    assert.deepEqual(generators['offres-v9-avec']!(catalog, 'home-care').rows.map((r) => r[1]), ['Senior 2018', 'Senior Connect 2021']);
    assert.deepEqual(generators['partenaires-v9-avec']!(catalog, 'monitoring').rows, [['Veilis'], ['Assur Plus'], ['Sécurimax Installation']]);
    assert.throws(() => generators['partenaires-v9-avec']!(catalog, 'teleportation'), /needs a module id after ':'/);
  });

  it('gives the renewals of migrated customers every payment method asked for, in each era of V9\'s paying offers', () => {
    const catalog = loadCatalog();
    const table = generators['paiements-v9-par-époque']!(catalog, 'card,sepa');
    assert.deepEqual(table.header, ['paiement', 'de', 'à']);
    assert.deepEqual(table.rows, ['Carte bancaire', 'Prélèvement SEPA'].flatMap((m) => [[m, '2011', '2014'], [m, '2015', '2018'], [m, '2019', '2022']]));
    assert.deepEqual(generators['paiements-v9-par-époque']!(catalog, undefined).rows.map((r) => r[0]).filter((m, i, all) => all.indexOf(m) === i), catalog.paymentMethods.map((m) => m.name));
    assert.throws(() => generators['paiements-v9-par-époque']!(catalog, 'cheque'), /unknown payment method "cheque"/);
  });
});


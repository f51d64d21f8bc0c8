// Attribution: every result carries the partner, brand, offer and device its scenario names, even when it broke before any account existed.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { attributeResults, attributionLabels } from '../../harness/reports/certificate/attribution.ts';

const catalog = loadCatalog();
const values = (labels: { name: string; value: string }[]) => Object.fromEntries(labels.map((l) => [l.name, l.value]));

describe('attributing a result to a partner', () => {
  it('takes brand and offer from the Examples row of a scenario that broke before its account existed', () => {
    const result = { name: 'Les clients de Habitat Serein voient l\'annonce', status: 'broken', parameters: [{ name: 'marque', value: 'Habitat Serein' }, { name: 'offre', value: 'Habitat Assuré 2013' }], labels: [{ name: 'tag', value: '@v9' }], steps: [] };
    assert.deepEqual(values(attributionLabels(result, catalog)), { partner: 'assur-plus', whiteLabel: 'habitat-serein', offer: 'habitat-assur-2013', parentSuite: 'assur-plus' });
  });

  it('takes brand, offer and camera from the quoted names of a scenario without Examples', () => {
    const steps = [{ name: 'Étant donné un client "Camille" de la marque "Veilis" avec l\'offre "Sérénité 2011"' }, { name: 'Et une caméra "Vigie 360" installée chez "Camille"' }, { name: 'Et "Camille" reçoit un SMS d\'alerte envoyé au nom de "VEILIS"' }];
    assert.deepEqual(values(attributionLabels({ name: 'x', steps }, catalog)), { partner: 'veilis', whiteLabel: 'veilis', offer: 'serenite-2011', deviceModel: 'vigie-360-2019', parentSuite: 'veilis' });
  });

  it('gives no partner to the harness\'s own self-checks (@autocontrole), whose findings name the brands they sabotage', () => {
    const steps = [{ name: 'Quand la migration rend à la marque "Maisonéo Cam" l\'expéditeur et le téléphone de la marque directe' }];
    assert.deepEqual(attributionLabels({ name: 'x', steps, labels: [{ name: 'tag', value: '@autocontrole' }] }, catalog), []);
    assert.equal(values(attributionLabels({ name: 'x', steps, labels: [] }, catalog))['partner'], 'maisoneo');
  });

  it('takes the partner from a tag naming it, and a device from the Examples column of its kind', () => {
    const result = { name: 'x', parameters: [{ name: 'centrale', value: 'Centrale C2 Chiffrée' }], labels: [{ name: 'tag', value: '@securimax' }] };
    assert.deepEqual(values(attributionLabels(result, catalog)), { partner: 'securimax', deviceModel: 'centrale-c2', parentSuite: 'securimax' });
  });

  it('adds nothing the steps already labelled, and names no brand when the scenario names two', () => {
    const result = { name: 'x', labels: [{ name: 'partner', value: 'hexaline' }, { name: 'parentSuite', value: 'hexaline' }], steps: [{ name: 'la marque "Veilis" et la marque "Maisonéo Cam"' }] };
    assert.deepEqual(attributionLabels(result, catalog), []);
  });

  it('labels the results of a folder and lists those that name no partner, with their phase', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attribution-'));
    writeFileSync(join(dir, 'a-result.json'), JSON.stringify({ name: 'a', status: 'failed', parameters: [{ name: 'marque', value: 'Box Vigilance' }], labels: [] }));
    writeFileSync(join(dir, 'b-result.json'), JSON.stringify({ name: 'Chaque instance répond', status: 'passed', labels: [{ name: 'phase', value: 'smoke' }] }));
    assert.deepEqual(attributeResults(dir, catalog), [{ name: 'Chaque instance répond', status: 'passed', phase: 'smoke' }]);
    const a = JSON.parse(readFileSync(join(dir, 'a-result.json'), 'utf8')) as { labels: { name: string; value: string }[] };
    assert.equal(values(a.labels)['partner'], 'hexaline');
  });
});

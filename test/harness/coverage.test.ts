// Catalog coverage: an entry V9 customers hold counts for the migration only when a migrated customer exercised it on V10.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { computeCoverage } from '../../harness/coverage/compute.ts';

function results(entries: { name: string; labels: Record<string, string> }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
  entries.forEach((e, i) => writeFileSync(join(dir, `${i}-result.json`), JSON.stringify({ name: e.name, status: 'passed', stop: i, labels: Object.entries(e.labels).map(([name, value]) => ({ name, value })) })));
  return dir;
}

describe('coverage of the migrated customers', () => {
  const catalog = loadCatalog();

  it('says nothing about migrated customers when no scenario played one', () => {
    const report = computeCoverage(catalog, results([{ name: 'fresh', labels: { offer: 'serenite-2011' } }]));
    assert.deepEqual(report.migrated, { exercised: 0, total: 0, unexercised: [], freshOnly: [] });
    assert.ok(!report.unexercised.some((e) => e.startsWith('migrated ')));
  });

  it('counts a V9 entry only when a migrated customer exercised it, a fresh customer with the same offer notwithstanding', () => {
    const report = computeCoverage(catalog, results([
      { name: 'migrated', labels: { migrated: 'true', offer: 'serenite-2011', whiteLabel: 'veilis', partner: 'veilis', paymentMethod: 'card', accountType: 'individual', deviceModel: 'orion-hd-2011', generation: 'http-push' } },
      { name: 'fresh', labels: { offer: 'essentiel-2019', whiteLabel: 'veilis-pro' } },
    ]));
    assert.ok(!report.migrated.unexercised.includes('migrated offers:serenite-2011'));
    assert.ok(report.migrated.unexercised.includes('migrated offers:essentiel-2019'), 'a fresh customer does not count for the migration');
    assert.ok(report.migrated.unexercised.includes('migrated whiteLabels:veilis-pro'));
    assert.ok(!report.migrated.unexercised.some((e) => /alarmPanels|objects/.test(e)), 'V10-only kinds are not asked of migrated customers');
    const v10Offers = catalog.offers.filter((o) => o.since === 'v10').map((o) => `migrated offers:${o.id}`);
    assert.ok(v10Offers.length > 0 && v10Offers.every((o) => !report.migrated.unexercised.includes(o)), 'offers V9 never sold are not asked of migrated customers');
    assert.equal(report.migrated.total, report.migrated.exercised + report.migrated.unexercised.length);
    assert.ok(report.unexercised.includes('migrated offers:essentiel-2019'), 'the certificate sees it among the entries not exercised');
  });

  it('lists the V9 entries only customers made during the run exercised (freshOnly), never one a migrated customer exercised too', () => {
    const report = computeCoverage(catalog, results([
      { name: 'migrated', labels: { migrated: 'true', offer: 'serenite-2011', whiteLabel: 'veilis', module: 'sms' } },
      { name: 'fresh same offer', labels: { offer: 'serenite-2011', whiteLabel: 'veilis', module: 'sms' } },
      { name: 'fresh other offer', labels: { offer: 'pro-2017', whiteLabel: 'alpes-securite', module: 'monitoring' } },
      { name: 'fresh V10 offer', labels: { offer: 'habitat-total-2022', module: 'alarm-panels' } },
    ]));
    assert.deepEqual([...report.migrated.freshOnly].sort(), ['modules:monitoring', 'offers:pro-2017', 'whiteLabels:alpes-securite']);
    for (const entry of report.migrated.freshOnly) assert.ok(report.unexercised.includes(`migrated ${entry}`), `${entry}: exercised on V10 by a fresh account only, it does not count for the migration`);
    assert.ok(!report.unexercised.includes('migrated offers:serenite-2011'));
  });

  it('counts a module a V9 offer includes only when a migrated customer exercised it on V10, and never asks for a module V10 brings', () => {
    const report = computeCoverage(catalog, results([
      { name: 'migrated recording', labels: { migrated: 'true', offer: 'serenite-2011', module: 'recordings' } },
      { name: 'fresh monitoring', labels: { offer: 'vigilance-2015', module: 'monitoring' } },
    ]));
    assert.ok(!report.migrated.unexercised.includes('migrated modules:recordings'));
    assert.ok(report.migrated.unexercised.includes('migrated modules:monitoring'), 'a fresh customer\'s alarm does not count for the migration');
    assert.ok(report.unexercised.includes('migrated modules:home-care'), 'the certificate sees a module no migrated customer used');
    assert.ok(!report.migrated.unexercised.includes('migrated modules:alarm-panels') && !report.migrated.unexercised.includes('migrated modules:connected-objects'), 'modules V9 offers lack are not asked');
  });
});

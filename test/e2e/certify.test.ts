// `npm start` (the certification plan) end to end: certificate, per-partner reports with nothing of other partners and no
// secret (the instance that did not restart, and the refusals: certify-quick.test.ts).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { partnerMarks } from '../../harness/reports/certificate/partners.ts';
import { loadPlan, plansDir } from '../../harness/plan/load.ts';
import { certifyCli as certify } from './cli.ts';


function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

describe('the certification plan, end to end', () => {
  // The whole plan of npm start: some 15 minutes on this 2-core machine (its time is measured by the certificate, not here).
  it('writes a certificate with every gate and per-partner reports that name no other partner and no secret', { timeout: 1_800_000 }, async () => {
    const run = await certify([], {}, 1_750_000);
    const explain = `exit ${run.code}:\n${run.output.slice(-4000)}`;
    assert.ok(run.certificate, explain);
    const plan = loadPlan(join(plansDir, 'local.yaml'));
    assert.deepEqual(run.certificate.gates.map((g) => [g.id, g.verdict]), plan.phases.map((p) => [p.id, 'passed']), explain);
    assert.equal(run.certificate.verdict, 'GO', explain);
    assert.ok(existsSync(join(run.runDir, 'certificate.html')));
    assert.ok(run.certificate.evidence.files > 10 && /^[0-9a-f]{64}$/.test(run.certificate.evidence.sha256));
    assert.equal(readFileSync(join(run.runDir, run.certificate.evidence.manifest), 'utf8').split('\n').filter(Boolean).length, run.certificate.evidence.files);
    const catalog = loadCatalog();
    for (const partner of catalog.partners) {
      const report = run.certificate.reports.partners[partner.id];
      assert.ok(report && existsSync(report), `no report for ${partner.id}`);
      // A brand whose name contains another's (Assur Plus / Assur Plus Protect) is the same partner's.
      const others = catalog.partners.filter((p) => p.id !== partner.id)
        .flatMap((other) => partnerMarks(catalog, other.id).filter((mark) => !partnerMarks(catalog, partner.id).some((own) => own.includes(mark))).map((mark) => ({ other: other.id, mark })));
      // Each file read once (a partner's folder holds its results and its 15 MB report), every other partner's marks looked for in it.
      for (const file of files(join(run.runDir, 'partners', partner.id))) {
        const text = readFileSync(file, 'utf8');
        for (const { other, mark } of others) assert.ok(!text.includes(mark), `${file} (partner ${partner.id}) names "${mark}" of ${other}`);
      }
    }
    for (const file of files(run.runDir)) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /Qa-[A-Za-z0-9_-]{12}\b/, `${file} holds a customer password`);
      assert.doesNotMatch(text, /postgres:\/\/postgres:harness@/, `${file} holds the database password`);
    }
  });
});

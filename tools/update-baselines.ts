// Approves the visual baselines of the brands' dashboards (a local run in approve mode), or with --check lists the stale ones.

import { join } from 'node:path';
import { loadCatalog } from '../catalog/index.ts';
import { BaselineStore, brandExpectation, brandFingerprint, updateBaselinesCommand, type BaselineAudit } from '../drivers/index.ts';
import { certifyRun, printRunOutcome } from '../harness/run.ts';

const baselinesDir = join(import.meta.dirname, '..', 'features', 'espace-client', 'baselines');

/** One dashboard baseline per white label, for the catalog's current look of the brand. */
function expectedBaselines(): { name: string; fingerprint: string }[] {
  return loadCatalog().whiteLabels.map((w) => ({ name: `dashboard-${w.id}`, fingerprint: brandFingerprint(brandExpectation(w)) }));
}

function report(audit: BaselineAudit): number {
  const lines = [
    ...audit.missing.map((n) => `  missing: ${n} (no approved baseline)`),
    ...audit.stale.map((n) => `  stale:   ${n} (approved for another look of the brand in the catalog)`),
    ...audit.orphans.map((n) => `  orphan:  ${n} (no white label of the catalog needs it)`),
  ];
  console.log(lines.length === 0 ? `[baselines] ${baselinesDir}: every baseline is approved and current` : `[baselines] ${lines.length} baseline(s) to review in ${baselinesDir}:\n${lines.join('\n')}\n  update them with: ${updateBaselinesCommand}`);
  return lines.length === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const store = new BaselineStore(baselinesDir);
  if (argv.includes('--check')) return report(store.audit(expectedBaselines()));
  // The comparison step approves instead of comparing when it sees this; one worker, so the manifest has one writer.
  process.env['KW_UPDATE_BASELINES'] = '1';
  const outcome = await certifyRun({
    env: 'local', profile: 'default', version: 'v10', instances: 1, parallel: 1, faults: [], tags: '@capture and not @wip',
    reportsDir: join(import.meta.dirname, '..', 'reports'), html: false,
  });
  printRunOutcome(outcome);
  const audit = store.audit(expectedBaselines());
  for (const orphan of audit.orphans) store.remove(orphan);
  if (outcome.verdict !== 'GO') return 1;
  return report({ ...audit, orphans: [] });
}

process.exitCode = await main(process.argv.slice(2));

// `npm run coverage`: the catalog coverage of the last run (or --run DIR); exits non-zero when an entry is exercised by no scenario.

import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../catalog/index.ts';
import { computeCoverage } from '../coverage/compute.ts';
import { renderCoverage } from '../coverage/html.ts';

import type { Command } from './types.ts';

export const command: Command = {
  name: 'coverage',
  usage: 'npm run coverage',
  async main(argv) {
    const { values } = parseArgs({ args: argv, options: { run: { type: 'string' }, 'reports-dir': { type: 'string', default: 'reports' } } });
    const reportsDir = resolve(values['reports-dir']);
    const latest = existsSync(reportsDir)
      ? readdirSync(reportsDir).map((name) => join(reportsDir, name)).filter((dir) => existsSync(join(dir, 'allure-results'))).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
      : undefined;
    const runDir = values.run ? resolve(values.run) : latest;
    if (!runDir || !existsSync(join(runDir, 'allure-results'))) {
      console.error(`[configuration] no run to measure: ${values.run ? `${values.run} has no allure-results` : `${reportsDir} holds no run yet`}; run npm start first, or give --run reports/<run id>`);
      process.exit(2);
    }
    const report = computeCoverage(loadCatalog(), join(runDir, 'allure-results'));
    writeFileSync(join(runDir, 'coverage.json'), JSON.stringify(report, null, 2));
    writeFileSync(join(runDir, 'coverage.html'), renderCoverage(report, basename(runDir)));
    console.log(`coverage: ${report.exercised}/${report.total} catalog entries exercised (${report.percent}%), allowed pairs ${report.pairs.coveredPairs}/${report.pairs.allowedPairs} (${report.pairs.percent}%)`);
    for (const missing of report.unexercised) console.log(`  exercised by no scenario: ${missing}`);
    if (report.migrated.total) console.log(`coverage: migrated customers exercised ${report.migrated.exercised}/${report.migrated.total} entries V9 customers hold; only customers made during the run exercised ${report.migrated.freshOnly.length}: ${report.migrated.freshOnly.join(', ') || 'none'}`);
    console.log(`coverage: ${pathToFileURL(join(runDir, 'coverage.html')).href}`);
    return report.unexercised.length === 0 ? 0 : 1;
  },
};

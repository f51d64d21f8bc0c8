// `npm run detection [-- --quick] [--only id,...] [--plan FILE]`: each fault switched on in turn, then a clean run; non-zero if a fault goes undetected or the clean run is not GO.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Certificate } from './certificate/build.ts';
import { detectionRow, loadFaultCases, renderTable, type DetectionRow } from './detection/table.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' } } });
const cli = join(import.meta.dirname, 'cli.ts');
const only = values.only?.split(',');
const cases = loadFaultCases().filter((c) => (only ? only.includes(c.id) : !values.quick || c.quick));

function certifyWith(faults: string[]): Certificate | undefined {
  const reportsDir = mkdtempSync(join(tmpdir(), 'detection-'));
  const args = [cli, 'certify', '--env', 'local', '--no-html', '--reports-dir', reportsDir, ...(values.plan ? ['--plan', values.plan] : []), ...faults.flatMap((f) => ['--fault', f])];
  // Each run has its own deadline: a fault that hangs the platform must not hang the table.
  spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000 });
  const run = readdirSync(reportsDir)[0];
  const file = run ? join(reportsDir, run, 'certificate.json') : '';
  return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Certificate) : undefined;
}

const rows: DetectionRow[] = [];
for (const faultCase of cases) {
  console.error(`[detection] ${faultCase.id}: certifying with --fault ${faultCase.fault}`);
  const row = detectionRow(faultCase, certifyWith([faultCase.fault]));
  console.error(`[detection] ${faultCase.id}: ${row.detected ? 'detected' : 'NOT DETECTED'}${row.namesWhatBroke ? '' : ' (the message does not name what broke)'}`);
  rows.push(row);
}
console.error('[detection] clean run (no fault)');
const clean = certifyWith([]);
const table = renderTable(rows, clean ? { verdict: clean.verdict, why: clean.why } : { verdict: 'none', why: 'the run did not finish' });
console.log(table);
if (values.out) writeFileSync(values.out, `${table}\n`);
const undetected = rows.filter((r) => !r.detected || !r.namesWhatBroke);
const cleanGreen = clean?.verdict === 'GO';
console.log(`\ndetection: ${rows.length - undetected.length}/${rows.length} faults detected and named; clean run ${clean?.verdict ?? 'did not finish'}`);
process.exitCode = undetected.length === 0 && cleanGreen ? 0 : 1;

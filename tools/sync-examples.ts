// `npm run sync`: regenerates the catalog-driven Examples tables and the platform's contract document; `--check` fails when one is out of sync.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCatalog } from '../catalog/index.ts';
import { platformContract } from '../drivers/index.ts';
import { syncFeatures } from '../harness/examples/sync.ts';

const check = process.argv.includes('--check');
const stale = syncFeatures(join(import.meta.dirname, '..', 'features'), loadCatalog(), check);
for (const file of stale) console.log(`${check ? 'out of sync' : 'updated'}: ${relative(process.cwd(), file)}`);
if (check && stale.length > 0) {
  console.error(`${stale.length} feature(s) do not match the catalog: run npm run sync`);
  process.exitCode = 1;
} else console.log(`examples: ${stale.length === 0 ? 'in sync with the catalog' : `${stale.length} feature(s) updated`}`);

// The contract document QA teams read and adapt is written from drivers/contract/openapi.ts, never by hand.
const contractFile = join(import.meta.dirname, '..', 'docs', 'platform-openapi.json');
const contractText = `${JSON.stringify(platformContract, null, 2)}\n`;
const contractCurrent = existsSync(contractFile) && readFileSync(contractFile, 'utf8') === contractText;
if (!contractCurrent && check) {
  console.error(`out of sync: ${relative(process.cwd(), contractFile)} differs from drivers/contract/openapi.ts: run npm run sync`);
  process.exitCode = 1;
} else if (!contractCurrent) {
  writeFileSync(contractFile, contractText);
  console.log(`updated: ${relative(process.cwd(), contractFile)}`);
} else console.log('contract: docs/platform-openapi.json in sync');

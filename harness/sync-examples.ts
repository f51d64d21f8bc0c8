// `npm run sync`: regenerates the catalog-driven Examples tables; `--check` fails when a feature is out of sync.

import { join, relative } from 'node:path';
import { loadCatalog } from '../catalog/index.ts';
import { syncFeatures } from './examples/sync.ts';

const check = process.argv.includes('--check');
const stale = syncFeatures(join(import.meta.dirname, '..', 'features'), loadCatalog(), check);
for (const file of stale) console.log(`${check ? 'out of sync' : 'updated'}: ${relative(process.cwd(), file)}`);
if (check && stale.length > 0) {
  console.error(`${stale.length} feature(s) do not match the catalog: run npm run sync`);
  process.exitCode = 1;
} else console.log(`examples: ${stale.length === 0 ? 'in sync with the catalog' : `${stale.length} feature(s) updated`}`);

// Keeps the Examples tables of the features in sync with the catalog: `# catalogue: <generator>[:<argument>]` above `Exemples:`.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Catalog } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { generators, type Table } from './generators.ts';

const marker = /^(\s*)# catalogue: ([\p{L}\p{N}-]+)(?::(\S+))?\s*$/u;

function renderTable(table: Table, indent: string): string[] {
  const all = [table.header, ...table.rows];
  const widths = table.header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all.map((row) => `${indent}| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`);
}

/** The feature text with every marked Examples table regenerated. */
export function syncFeature(text: string, catalog: Catalog, where: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    out.push(line);
    const match = marker.exec(line);
    if (!match) continue;
    const [, indent = '', generator = '', argument] = match;
    const generate = generators[generator];
    if (!generate) throw new ConfigurationError(`${where}:${i + 1}: unknown catalogue generator "${generator}" (known: ${Object.keys(generators).join(', ')})`);
    const examples = lines[i + 1] ?? '';
    if (!/^\s*(Exemples|Examples)\s*:/.test(examples)) throw new ConfigurationError(`${where}:${i + 2}: "# catalogue: ${generator}" must stand right above an "Exemples:" line`);
    out.push(examples);
    i += 1;
    while (/^\s*\|/.test(lines[i + 1] ?? '')) i += 1;
    out.push(...renderTable(generate(catalog, argument), `${indent}  `));
  }
  return out.join('\n');
}

function featureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? featureFiles(path) : name.endsWith('.feature') ? [path] : [];
  });
}

/** Regenerates the tables (or, with `check`, only lists the files that are out of sync). */
export function syncFeatures(featuresDir: string, catalog: Catalog, check: boolean): string[] {
  const stale: string[] = [];
  for (const file of featureFiles(featuresDir)) {
    const text = readFileSync(file, 'utf8');
    const synced = syncFeature(text, catalog, relative(process.cwd(), file));
    if (synced === text) continue;
    stale.push(file);
    if (!check) writeFileSync(file, synced);
  }
  return stale;
}

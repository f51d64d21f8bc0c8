// Loads and validates the whole catalog: every file against the one schema, then references, then business rules.

import { join } from 'node:path';
import { checkCollection } from './check-collection.ts';
import type { Entry } from './check-collection.ts';
import type { PendingRef } from './check-value.ts';
import { CatalogError } from './errors.ts';
import type { CatalogIssue } from './errors.ts';
import type { CollectionName, FieldSpec } from './fields.ts';
import { checkRules } from './rules.ts';
import type { Entries } from './rules.ts';
import { catalogSchema } from './schema.ts';
import { readSource } from './source.ts';
import type { Catalog } from './types.ts';

/** Where the catalog's YAML files live by default; HARNESS_CATALOG_DIR points at a copy, for the harness's own tests only. */
export const defaultCatalogDir = process.env['HARNESS_CATALOG_DIR'] || join(import.meta.dirname, 'data');

const names = Object.keys(catalogSchema) as CollectionName[];

/**
 * Reads and validates the whole catalog from `dir`: each file against `catalogSchema`, then the ids one
 * entry names in another, then the business rules. Throws one `CatalogError` listing every problem.
 */
export function loadCatalog(dir: string = defaultCatalogDir): Catalog {
  const issues: CatalogIssue[] = [];
  const refs: PendingRef[] = [];
  const read = new Map<CollectionName, Entry[]>();
  for (const name of names) {
    const { file, noun, fields } = catalogSchema[name];
    const source = readSource(join(dir, file), issues);
    if (source !== undefined) read.set(name, checkCollection({ source, noun, fields: fields as Record<string, FieldSpec>, issues, refs }));
  }
  issues.push(...resolveRefs(refs, read));
  const entries = Object.fromEntries(names.map((name) => [name, (read.get(name) ?? []).filter((e) => e.valid)])) as unknown as Entries;
  const complete = (name: CollectionName) => read.get(name)?.every((e) => e.valid) ?? false;
  issues.push(...checkRules(entries, complete));
  if (issues.length > 0) throw new CatalogError(sortIssues(issues, dir));
  return Object.fromEntries(names.map((name) => [name, entries[name].map((e) => e.value)])) as unknown as Catalog;
}

// References to a file that did not parse are not checked: its own errors say what to fix first.
function resolveRefs(refs: PendingRef[], read: Map<CollectionName, Entry[]>): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  for (const ref of refs) {
    const targets = read.get(ref.to);
    if (targets === undefined) continue;
    const known = targets.map((e) => e.value['id']).filter((id): id is string => typeof id === 'string');
    if (known.includes(ref.id)) continue;
    issues.push({
      file: ref.file,
      line: ref.line,
      message: `${ref.label} names unknown ${catalogSchema[ref.to].noun} "${ref.id}" in "${ref.key}" (known: ${known.join(', ')})`,
    });
  }
  return issues;
}

function sortIssues(issues: CatalogIssue[], dir: string): CatalogIssue[] {
  const order = names.map((name) => join(dir, catalogSchema[name].file));
  return issues.toSorted((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

// Test helper: a temporary copy of the shipped catalog with edits, and where an edit landed.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogError, defaultCatalogDir, loadCatalog } from '../../catalog/index.ts';
import type { CatalogIssue } from '../../catalog/index.ts';

export type Edits = Record<string, (text: string) => string>;

export interface Broken {
  dir: string;
  /** 1-based line of the first line of `file` (as edited) containing `needle`. */
  lineOf(file: string, needle: string): number;
  path(file: string): string;
}

/** Copies the catalog, applies `edits` per file, runs `body`, then removes the copy. */
export function withBrokenCopy<T>(edits: Edits, body: (broken: Broken) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  try {
    cpSync(defaultCatalogDir, dir, { recursive: true });
    for (const [file, edit] of Object.entries(edits)) writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    const lineOf = (file: string, needle: string) => {
      const index = readFileSync(join(dir, file), 'utf8').split('\n').findIndex((line) => line.includes(needle));
      if (index === -1) throw new Error(`test setup: "${needle}" is not in ${file}`);
      return index + 1;
    };
    return body({ dir, lineOf, path: (file) => join(dir, file) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces the only occurrence of `from`; fails the test setup when it is missing or repeated. */
export function replaceOnce(from: string, to: string): (text: string) => string {
  return (text) => {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`test setup: expected "${from}" once, found it ${count} times`);
    return text.replace(from, to);
  };
}

/** The issues `loadCatalog(dir)` throws; fails when it loads or throws something else. */
export function issuesOf(dir: string): { error: CatalogError; issues: readonly CatalogIssue[] } {
  try {
    loadCatalog(dir);
  } catch (error) {
    if (error instanceof CatalogError) return { error, issues: error.issues };
    throw error;
  }
  throw new Error('expected loadCatalog to throw a CatalogError, but the catalog loaded');
}

// The catalog's one error: every problem found in the YAML files, each with its file and line.

import { isAbsolute, relative } from 'node:path';
import { ConfigurationError } from '../lib/errors.ts';

/** One problem in one catalog file; `line` is 1-based, absent only when the file cannot be read. */
export interface CatalogIssue {
  file: string;
  line?: number;
  message: string;
}

/** `catalog/data/offers.yaml:42: offer "x" names unknown module "sms2" (known: ...)`. */
export function formatIssue(issue: CatalogIssue): string {
  const where = issue.line === undefined ? displayPath(issue.file) : `${displayPath(issue.file)}:${issue.line}`;
  return `${where}: ${issue.message}`;
}

/** The catalog does not load: lists every issue found, so they can all be fixed in one go. */
export class CatalogError extends ConfigurationError {
  override name = 'CatalogError';
  readonly issues: readonly CatalogIssue[];
  constructor(issues: readonly CatalogIssue[]) {
    const count = issues.length === 1 ? '1 error' : `${issues.length} errors`;
    super(`the catalog has ${count}; fix the YAML and run again:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`);
    this.issues = issues;
  }
}

// Relative to the working directory when inside it, so editors and terminals can open file:line.
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

// Checks one catalog file against its collection's schema: a list of maps, each field well-formed, ids unique.

import { isMap, isSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import { checkFields, show } from './check-value.ts';
import type { Checker, PendingRef } from './check-value.ts';
import type { CatalogIssue } from './errors.ts';
import type { FieldSpec } from './fields.ts';
import type { Source } from './source.ts';

// One entry of a catalog file, with the lines of its parts for later rules.
export interface Entry {
  value: Record<string, unknown>;
  file: string;
  line: number;
  label: string;
  // True when every field has the form the schema expects.
  valid: boolean;
  // Line of a part of the entry, e.g. `lineAt('modules', 2)`; the entry's line if absent.
  lineAt(...path: (string | number)[]): number;
}

export interface CollectionCheck {
  source: Source;
  noun: string;
  fields: Record<string, FieldSpec>;
  issues: CatalogIssue[];
  refs: PendingRef[];
}

export function checkCollection({ source, noun, fields, issues, refs }: CollectionCheck): Entry[] {
  const { file, root } = source;
  const report = (line: number, message: string) => issues.push({ file, line, message });
  if (root === null || root === undefined) return [];
  if (!isSeq(root)) {
    report(source.lineOf(root), `expected a YAML list of ${noun}s ("- id: ..."), got ${show(root)}`);
    return [];
  }
  const entries: Entry[] = [];
  root.items.forEach((item, index) => {
    if (!isMap(item)) {
      report(source.lineOf(item), `${noun} #${index + 1} must be a map with keys ${Object.keys(fields).join(', ')}, got ${show(item)}`);
      return;
    }
    const id = item.get('id');
    const label = typeof id === 'string' && id !== '' ? `${noun} "${id}"` : `${noun} #${index + 1}`;
    const checker: Checker = { source, label, report, refs };
    const valid = checkFields(item, fields, checker);
    entries.push(entryOf(item, source, label, valid));
  });
  checkUnique(entries, fields, noun, report);
  return entries;
}

function entryOf(map: YAMLMap, source: Source, label: string, valid: boolean): Entry {
  const line = source.lineOf(map);
  return {
    value: map.toJSON() as Record<string, unknown>,
    file: source.file,
    line,
    label,
    valid,
    lineAt: (...path) => source.lineOf(map.getIn(path, true), line),
  };
}

// Ids always, and the text fields marked unique (names, brands, SMS senders) that customers tell apart.
function checkUnique(entries: Entry[], fields: Record<string, FieldSpec>, noun: string, report: (line: number, message: string) => void): void {
  const keys = Object.entries(fields).filter(([key, spec]) => key === 'id' || (spec.kind === 'text' && spec.unique)).map(([key]) => key);
  for (const key of keys) {
    const first = new Map<string, Entry>();
    for (const entry of entries) {
      const value = entry.value[key];
      if (typeof value !== 'string') continue;
      const previous = first.get(value);
      if (previous === undefined) first.set(value, entry);
      else if (key === 'id') report(entry.lineAt(key), `duplicate ${noun} id "${value}" (first defined at line ${previous.line}); ids must be unique`);
      else report(entry.lineAt(key), `${entry.label}: "${key}" ${JSON.stringify(value)} is already used by ${previous.label} (line ${previous.line}); it must be unique`);
    }
  }
}

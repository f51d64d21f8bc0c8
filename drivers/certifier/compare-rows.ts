// Row by row, field by field: each difference becomes a finding with both keys, the field, and the expected and actual values.

import type { Row } from './rows.ts';
import type { Finding } from './types.ts';

export interface RowComparison {
  findings: Finding[];
  /** Rows that differ (missing, unexpected, or with at least one different field), all counted even past the cap. */
  differingRows: number;
}

/** `expected` rows (V9, or before) against `actual` rows (V10, or after), matched on the natural key. */
export function compareRows(entity: string, fieldNames: string[], expected: Map<string, Row>, actual: Map<string, Row>, via: Finding['via'], cap: number): RowComparison {
  const findings: Finding[] = [];
  let differingRows = 0;
  const add = (f: Omit<Finding, 'entity' | 'via'>): void => {
    if (findings.length < cap) findings.push({ entity, via, ...f });
  };
  for (const k of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const e = expected.get(k);
    const a = actual.get(k);
    if (e && !a) {
      differingRows += 1;
      add({ kind: 'missing', v9Key: e.key, v10Key: null, field: null, expected: describe(fieldNames, e), actual: null });
    } else if (a && !e) {
      differingRows += 1;
      add({ kind: 'unexpected', v9Key: null, v10Key: a.key, field: null, expected: null, actual: describe(fieldNames, a) });
    } else if (e && a) {
      const fields = fieldNames.flatMap((name, i) => (e.fields[i] === a.fields[i] ? [] : [{ name, i }]));
      if (fields.length > 0) differingRows += 1;
      for (const { name, i } of fields) add({ kind: 'field', v9Key: e.key, v10Key: a.key, field: name, expected: shown(e.fields[i]), actual: shown(a.fields[i]) });
    }
  }
  return { findings, differingRows };
}

const shown = (value: string | undefined): string | null => (value === undefined || value === '\\N' ? null : value);

function describe(fieldNames: string[], row: Row): string {
  return fieldNames.map((name, i) => `${name}=${shown(row.fields[i]) ?? 'NULL'}`).join(', ');
}

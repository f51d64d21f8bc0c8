// Measures what a set of rows covers: allowed pairs and values, checked from the rows themselves.

import { allPairs, holds, spaceOf } from './pairwise-search.ts';

/** What rows cover; generated rows must reach coveredPairs === allowedPairs and no uncovered value. */
export interface PairwiseReport {
  rows: number;
  /** Pairs of values of two different parameters, constraints ignored. */
  possiblePairs: number;
  /** Pairs that at least one row allowed by every constraint holds: the pairs to cover. */
  allowedPairs: number;
  /** Allowed pairs held by at least one allowed row. */
  coveredPairs: number;
  /** Allowed pairs no row holds, as "offer=pro-2020 & whiteLabel=veilis". */
  uncoveredPairs: string[];
  values: number;
  coveredValues: number;
  /** Values no allowed row holds, as "offer=pro-2020", whether or not a constraint excludes them everywhere. */
  uncoveredValues: string[];
  /** Rows some constraint forbids (never for generated rows). */
  rejectedRows: number;
}

/** Checks `rows` against the parameters and constraint, independently of how they were made. */
export function coverageOf<K extends string>(
  parameters: Record<K, readonly string[]>,
  rows: readonly Record<K, string>[],
  allowed: (row: Partial<Record<K, string>>) => boolean = () => true,
): PairwiseReport {
  const space = spaceOf(parameters, allowed as (row: Record<string, string>) => boolean);
  const { names, values } = space;
  const indexed = rows.map((row) => names.map((name, i) => values[i]?.indexOf(row[name as K]) ?? -1));
  const accepted = indexed.filter((row, r) => !row.includes(-1) && allowed(rows[r] as Partial<Record<K, string>>));
  const pairs = allPairs(space);
  const allowedPairs = pairs.filter((pair) => space.complete(pair) !== undefined);
  const uncovered = allowedPairs.filter((pair) => !accepted.some((row) => holds(row, pair)));
  const show = (i: number, v: number) => `${names[i]}=${values[i]?.[v]}`;
  const uncoveredValues = values.flatMap((list, i) => list.flatMap((_, v) => (accepted.some((row) => row[i] === v) ? [] : [show(i, v)])));
  const valueCount = values.reduce((sum, list) => sum + list.length, 0);
  return {
    rows: rows.length,
    possiblePairs: pairs.length,
    allowedPairs: allowedPairs.length,
    coveredPairs: allowedPairs.length - uncovered.length,
    uncoveredPairs: uncovered.map((pair) => pair.flatMap((v, i) => (v === undefined ? [] : [show(i, v)])).join(' & ')),
    values: valueCount,
    coveredValues: valueCount - uncoveredValues.length,
    uncoveredValues,
    rejectedRows: rows.length - accepted.length,
  };
}

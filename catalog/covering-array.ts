// Greedy all-pairs covering array (AETG-like, deterministic): each row covers the most valuable uncovered allowed pairs.

import { allPairs } from './pairwise-search.ts';
import type { Assignment, Space } from './pairwise-search.ts';

// Bounds the candidate rows tried per row on wide inputs; the catalog's few hundred pairs stay near it.
const seedLimit = 100;

interface Pending { pair: Assignment; i: number; j: number }

// Rows (value indexes) covering every pair that some allowed row holds.
export function coveringRows(space: Space): number[][] {
  const id = pairIds(space);
  const uncovered = new Map<number, Pending>();
  for (const pair of allPairs(space)) {
    if (space.complete(pair) === undefined) continue;
    const [i = 0, j = 0] = pair.flatMap((v, k) => (v === undefined ? [] : [k]));
    uncovered.set(id(i, pair[i] ?? 0, j, pair[j] ?? 0), { pair, i, j });
  }
  const rows: number[][] = [];
  while (uncovered.size > 0) {
    const gainAt = scorer(uncovered, id, weights(uncovered, space.names.length));
    const gainOf = (row: number[]) => row.reduce((sum, _, i) => sum + gainAt(row, i, true), 0);
    let best: { row: number[]; gain: number } | undefined;
    // Evenly spread uncovered pairs seed the candidate rows; the most new weight wins, the first on ties.
    for (const seed of spread([...uncovered.values()], seedLimit)) {
      const row = grow(space, seed.pair, gainAt);
      const gain = gainOf(row);
      if (best === undefined || gain > best.gain) best = { row, gain };
    }
    if (best === undefined || best.gain === 0) break;
    const row = best.row;
    row.forEach((a, i) => row.forEach((b, j) => { if (i < j) uncovered.delete(id(i, a, j, b)); }));
    rows.push(row);
  }
  return [...rows, ...rowsForLoneValues(space, rows)];
}

type GainAt = (row: Assignment, i: number, laterOnly?: boolean) => number;

// The weight of the uncovered pairs the value at `i` makes with the other chosen values (or only later ones).
function scorer(uncovered: Map<number, Pending>, id: PairId, weight: (i: number, j: number) => number): GainAt {
  return (row, i, laterOnly = false) => {
    const a = row[i];
    let gain = 0;
    row.forEach((b, j) => {
      if (a !== undefined && b !== undefined && j !== i && (!laterOnly || j > i) && uncovered.has(id(i, a, j, b))) gain += weight(i, j);
    });
    return gain;
  };
}

// Fills the seed's free parameters one value at a time, always with the allowed value adding the most weight.
function grow(space: Space, seed: Assignment, gainAt: GainAt): number[] {
  let assignment = seed;
  while (assignment.includes(undefined)) {
    let choice: { next: Assignment; gain: number } | undefined;
    assignment.forEach((chosen, i) => {
      if (chosen !== undefined) return;
      (space.values[i] ?? []).forEach((_, v) => {
        const next = assignment.with(i, v);
        if (space.complete(next) === undefined) return;
        const gain = gainAt(next, i);
        if (choice === undefined || gain > choice.gain) choice = { next, gain };
      });
    });
    if (choice === undefined) break;
    assignment = choice.next;
  }
  return space.complete(assignment) ?? [];
}

// A pair weighs as many as the uncovered pairs left between its two parameters: the widest pair of
// parameters bounds the row count, so its pairs must not be left for later rows to pick up one by one.
function weights(uncovered: Map<number, Pending>, width: number): (i: number, j: number) => number {
  const counts = new Array<number>(width * width).fill(0);
  for (const { i, j } of uncovered.values()) {
    counts[i * width + j] = (counts[i * width + j] ?? 0) + 1;
    counts[j * width + i] = (counts[j * width + i] ?? 0) + 1;
  }
  return (i, j) => counts[i * width + j] ?? 0;
}

type PairId = (i: number, a: number, j: number, b: number) => number;

// Numbers each pair of (parameter, value): id(i, a, j, b) === id(j, b, i, a).
function pairIds(space: Space): PairId {
  const offsets = space.values.map((_, i) => space.values.slice(0, i).reduce((sum, list) => sum + list.length, 0));
  const total = space.values.reduce((sum, list) => sum + list.length, 0);
  return (i, a, j, b) => {
    const x = (offsets[i] ?? 0) + a, y = (offsets[j] ?? 0) + b;
    return x < y ? x * total + y : y * total + x;
  };
}

function spread<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items;
  return Array.from({ length: limit }, (_, s) => items[Math.floor((s * items.length) / limit)] as T);
}

// With fewer than two parameters there are no pairs: each value that some allowed row holds still gets a row.
function rowsForLoneValues(space: Space, rows: number[][]): number[][] {
  const extra: number[][] = [];
  space.values.forEach((values, i) => values.forEach((_, v) => {
    if ([...rows, ...extra].some((row) => row[i] === v)) return;
    const row = space.complete(space.values.map((__, j) => (j === i ? v : undefined)));
    if (row !== undefined) extra.push(row);
  }));
  return extra;
}

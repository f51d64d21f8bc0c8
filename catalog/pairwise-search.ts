// The constraint search under the pairwise generator: which partial rows some allowed full row extends.

// A row as value indexes per parameter; undefined while a parameter is not chosen yet.
export type Assignment = (number | undefined)[];

export interface Space {
  names: string[];
  values: (readonly string[])[];
  // Some full row that every constraint allows extends `assignment`; returns it, or undefined.
  complete(assignment: Assignment): number[] | undefined;
}

// Caps the memory of partial rows already searched; wide unconstrained inputs would otherwise fill it.
const memoLimit = 100_000;

// Builds the search space; `allowed` sees only the chosen parameters and must say false only when they already break a rule.
export function spaceOf(parameters: Record<string, readonly string[]>, allowed: (row: Record<string, string>) => boolean): Space {
  const names = Object.keys(parameters);
  const values = names.map((name) => parameters[name] ?? []);
  const memo = new Map<string, number[] | null>();
  const accepts = (assignment: Assignment) => allowed(toRow(names, values, assignment));
  const complete = (assignment: Assignment): number[] | undefined => {
    const key = assignment.join(',');
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = accepts(assignment) ? extend(assignment) : undefined;
    if (memo.size >= memoLimit) memo.clear();
    memo.set(key, found ?? null);
    return found;
  };
  // Depth first over the first unchosen parameter, in value order: deterministic.
  const extend = (assignment: Assignment): number[] | undefined => {
    const next = assignment.indexOf(undefined);
    if (next === -1) return assignment as number[];
    for (let v = 0; v < (values[next]?.length ?? 0); v++) {
      const found = complete(assignment.with(next, v));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return { names, values, complete };
}

export function toRow(names: string[], values: (readonly string[])[], assignment: Assignment): Record<string, string> {
  const row: Record<string, string> = {};
  assignment.forEach((v, i) => {
    const name = names[i];
    const value = v === undefined ? undefined : values[i]?.[v];
    if (name !== undefined && value !== undefined) row[name] = value;
  });
  return row;
}

// Every pair of values of two different parameters, as assignments with two chosen parameters.
export function allPairs(space: Space): Assignment[] {
  const pairs: Assignment[] = [];
  const width = space.names.length;
  for (let i = 0; i < width; i++) {
    for (let j = i + 1; j < width; j++) {
      for (let a = 0; a < (space.values[i]?.length ?? 0); a++) {
        for (let b = 0; b < (space.values[j]?.length ?? 0); b++) {
          const pair: Assignment = Array.from({ length: width }, () => undefined);
          pair[i] = a;
          pair[j] = b;
          pairs.push(pair);
        }
      }
    }
  }
  return pairs;
}

// Whether the full row `row` holds every chosen value of `partial`.
export function holds(row: number[], partial: Assignment): boolean {
  return partial.every((v, i) => v === undefined || row[i] === v);
}

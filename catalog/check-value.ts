// Checks one YAML node against one field of the schema, reporting what was expected and what was seen.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { describe } from './fields.ts';
import type { CollectionName, FieldSpec } from './fields.ts';
import type { Source } from './source.ts';

// An id named by an entry, resolved once every file is read.
export interface PendingRef { to: CollectionName; id: string; file: string; line: number; label: string; key: string }

export interface Checker {
  source: Source;
  // `offer "serenite-2011"`, or `offer #3` when the id is unusable.
  label: string;
  report(line: number, message: string): void;
  refs: PendingRef[];
}

// Checks every field of `map` against `fields`; `prefix` names nested keys (`colors.primary`).
export function checkFields(map: YAMLMap, fields: Record<string, FieldSpec>, c: Checker, prefix = ''): boolean {
  let ok = true;
  const expected = Object.keys(fields);
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (key !== undefined && key in fields) continue;
    c.report(c.source.lineOf(pair.key, c.source.lineOf(map)), `${c.label} has unknown key "${prefix}${String(key)}" (expected keys: ${expected.join(', ')})`);
    ok = false;
  }
  for (const [key, spec] of Object.entries(fields)) {
    const pair = map.items.find((p) => keyOf(p) === key);
    const value = pair?.value;
    if (value === undefined || value === null || (isScalar(value) && value.value === null)) {
      c.report(c.source.lineOf(value ?? pair?.key ?? map), `${c.label} is missing "${prefix}${key}" (expected ${describe(spec)})`);
      ok = false;
      continue;
    }
    ok = checkValue(value, spec, c, prefix + key) && ok;
  }
  return ok;
}

function checkValue(node: unknown, spec: FieldSpec, c: Checker, key: string): boolean {
  const fail = (): false => {
    c.report(c.source.lineOf(node), `${c.label}: "${key}" must be ${describe(spec)}, got ${show(node)}`);
    return false;
  };
  const scalar = isScalar(node) ? node.value : undefined;
  switch (spec.kind) {
    case 'text': return (typeof scalar === 'string' && scalar.trim() !== '' && (spec.pattern?.test(scalar) ?? true)) || fail();
    case 'enum': return (typeof scalar === 'string' && spec.values.includes(scalar)) || fail();
    case 'int': return (Number.isInteger(scalar) && (scalar as number) >= spec.min && (scalar as number) <= (spec.max ?? Infinity)) || fail();
    case 'bool': return typeof scalar === 'boolean' || fail();
    case 'ref':
      if (typeof scalar !== 'string') return fail();
      c.refs.push({ to: spec.to, id: scalar, file: c.source.file, line: c.source.lineOf(node), label: c.label, key });
      return true;
    case 'refs': return isSeq(node) && node.items.length > 0 ? checkItems(node.items, { kind: 'ref', to: spec.to }, c, key) : fail();
    case 'texts': return isSeq(node) && node.items.length > 0 ? checkItems(node.items, spec.item, c, key) : fail();
    case 'pair': return isSeq(node) && node.items.length === 2 ? checkPair(node.items, spec.item, c, key) : fail();
    case 'record': return isMap(node) ? checkFields(node, spec.fields as Record<string, FieldSpec>, c, `${key}.`) : fail();
  }
}

function checkItems(items: unknown[], spec: FieldSpec, c: Checker, key: string): boolean {
  const seen = new Set<unknown>();
  let ok = true;
  items.forEach((element, i) => {
    const value = isScalar(element) ? element.value : element;
    if (seen.has(value)) {
      c.report(c.source.lineOf(element), `${c.label}: "${key}" lists ${show(element)} twice; items must be distinct`);
      ok = false;
    }
    seen.add(value);
    ok = checkValue(element, spec, c, `${key}[${i}]`) && ok;
  });
  return ok;
}

function checkPair(items: unknown[], spec: FieldSpec, c: Checker, key: string): boolean {
  const valid = items.map((element, i) => checkValue(element, spec, c, `${key}[${i}]`));
  if (valid.includes(false)) return false;
  const [from, to] = items.map((element) => (isScalar(element) ? element.value : undefined)) as [number, number];
  if (from <= to) return true;
  c.report(c.source.lineOf(items[0]), `${c.label}: "${key}" must be [from, to] with from ≤ to, got [${from}, ${to}]`);
  return false;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

// What a node holds, for "got ..." in messages.
export function show(node: unknown): string {
  if (isScalar(node)) return node.value === null ? 'nothing' : JSON.stringify(node.value);
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  return 'nothing';
}

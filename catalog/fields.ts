// The vocabulary of the catalog schema: what a field may hold, typed against the field's TypeScript type.

import type { Catalog } from './types.ts';

export type CollectionName = keyof Catalog;

export interface TextField { kind: 'text'; pattern?: RegExp; form?: string; unique?: boolean }
export interface EnumField { kind: 'enum'; values: readonly string[] }
export interface RefField { kind: 'ref'; to: CollectionName }
export interface IntField { kind: 'int'; min: number; max?: number }
export interface BoolField { kind: 'bool' }
/** A non-empty list without repeats, of ids of another collection or of items of one form. */
export interface RefListField { kind: 'refs'; to: CollectionName }
export interface TextListField { kind: 'texts'; item: TextField | EnumField }
export interface PairField { kind: 'pair'; item: IntField }
export interface RecordField<T> { kind: 'record'; fields: FieldsOf<T> }

export type FieldSpec = TextField | EnumField | RefField | IntField | BoolField | RefListField | TextListField | PairField | RecordField<object>;

/** The specs a field of type V accepts (so the schema cannot drift from types.ts). */
export type SpecFor<V> =
  [V] extends [boolean] ? BoolField
  : [V] extends [number] ? IntField
  : [V] extends [string] ? TextField | EnumField | RefField
  : [V] extends [[number, number]] ? PairField
  : [V] extends [readonly string[]] ? RefListField | TextListField
  : RecordField<V>;

export type FieldsOf<T> = { [F in keyof T]-?: SpecFor<T[F]> };

export interface CollectionSpec<T> {
  file: string;
  /** How one entry is called in messages: `offer "serenite-2011"`. */
  noun: string;
  fields: FieldsOf<T>;
}

export type CatalogSchema = { [K in CollectionName]: CollectionSpec<Catalog[K][number]> };

/** The expected form of a field, as error messages state it. */
export function describe(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'text': return spec.form ?? 'a non-empty string';
    case 'enum': return `one of ${spec.values.join(', ')}`;
    case 'ref': return `the id of one of the ${spec.to}`;
    case 'int': return spec.max === undefined ? `an integer ≥ ${spec.min}` : `an integer from ${spec.min} to ${spec.max}`;
    case 'bool': return 'true or false';
    case 'refs': return `a non-empty list of distinct ids of ${spec.to}`;
    case 'texts': return `a non-empty list of distinct items, each ${describe(spec.item)}`;
    case 'pair': return `a list of two integers [from, to], each ${describe(spec.item)}`;
    case 'record': return `a map with keys ${Object.keys(spec.fields).join(', ')}`;
  }
}

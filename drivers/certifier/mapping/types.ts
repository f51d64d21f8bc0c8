// The mapping's vocabulary: how a V9 row and a V10 row are each put in one canonical form, table by table.

export type DatabaseName = 'accounts' | 'events' | 'media';
export type Dimension = 'partner' | 'offer' | 'device kind';

/**
 * How a value becomes canonical text (the column type each accepts is checked against the database):
 * - `text`, `number`, `boolean`: the value as PostgreSQL prints it;
 * - `utc-instant` (timestamptz) and `paris-wall-clock` (timestamp holding Europe/Paris time, read by the rule of
 *   canon.ts): both become the UTC wall clock, `2024-10-27 00:30:00`;
 * - `seconds-as-ms` (integer seconds): milliseconds;
 * - `json-object` (JSON text, NULL meaning `{}`, or jsonb): jsonb's normalised text;
 * - `sorted-list` (an array): its elements sorted, comma-separated.
 */
export type Canon = 'text' | 'number' | 'boolean' | 'utc-instant' | 'paris-wall-clock' | 'seconds-as-ms' | 'json-object' | 'sorted-list';

/** A value of a row: one of its table's columns, a column of a lookup, or a constant. */
export type Value =
  | { column: string; as: Canon }
  | { lookup: string; column: string; as: Canon }
  | { constant: string };

/**
 * A table joined to the row by `on` ([column of the row or of lookup `from`, column of `table`]): at most one match.
 * With `collect`, the lookup gathers that column of every match into one sorted list (`lookup.column` is then `collect`).
 */
export interface Lookup {
  name: string;
  table: string;
  on: [string, string];
  from?: string;
  collect?: string;
}

/** Where a count dimension comes from: a value of the row, or the dimension of a row of another entity it points to. */
export type DimensionSource = Value | { via: string; column: string };

/** One side (V9 or V10) of an entity: its table, natural key, lookups, and dimensions. */
export interface EntitySide {
  table: string;
  key: string[];
  lookups?: Lookup[];
  dimensions?: Partial<Record<Dimension, DimensionSource>>;
}

export interface FieldMapping {
  name: string;
  v9: Value;
  v10: Value;
}

/** One kind of business row, e.g. events: V9 `events` and V10 `events`, matched on their natural keys. */
export interface EntityMapping {
  name: string;
  database: DatabaseName;
  v9: EntitySide;
  v10: EntitySide;
  fields: FieldMapping[];
}

export interface Mapping {
  entities: EntityMapping[];
  /** Tables the same in both formats, certified column for column (all columns as printed, keyed on the primary key). */
  unchanged?: { database: DatabaseName; tables: string[] }[];
}

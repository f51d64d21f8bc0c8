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

/**
 * A value of a row: one of its table's columns, a column of a lookup, a constant, or a JSON object made of text columns
 * of the row (`{ primary: 'color_primary' }`, canonical as `json-object`). `lessAdded` (a `sorted-list` column) drops
 * the elements that are keys V10 adds to that entity (`EntityMapping.v10Adds`): a V10 partner also sells V10's new
 * offers; any other element, even one no table knows, is compared.
 */
export type Value =
  | { column: string; as: Canon; lessAdded?: string }
  | { lookup: string; column: string; as: Canon }
  | { constant: string }
  | { object: Record<string, string> };

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
  /**
   * Why V10 may hold rows of this entity that V9 has not (reference data V10 introduces, e.g. its new offers): the V10
   * side is then certified on the keys V9 has, and the others are listed in the certificate as additions.
   */
  v10Adds?: string;
}

/** A table (or some of its columns) of one side that no entity certifies, on purpose: the reason goes in the certificate. */
export interface Exclusion {
  version: 'v9' | 'v10';
  database: DatabaseName;
  table: string;
  /** Only these columns; the whole table when absent. */
  columns?: string[];
  reason: string;
}

export interface Mapping {
  entities: EntityMapping[];
  /** Tables the same in both formats, certified column for column (all columns as printed, keyed on the primary key). */
  unchanged?: { database: DatabaseName; tables: string[] }[];
  /**
   * Every table and column of both sides must be certified (read by an entity, a lookup, a dimension or as unchanged)
   * or excluded here with a reason; anything else is a finding of the certificate (completeness of the mapping).
   */
  excluded?: Exclusion[];
}

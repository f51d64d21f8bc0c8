// Canonical text of a value, in SQL: both formats meet in one form, so a correct migration hashes identically.

import type { Canon } from './mapping/types.ts';

/** PostgreSQL types (information_schema `data_type`) each canon accepts; anything else is a mapping error. */
export const acceptedTypes: Record<Canon, string[]> = {
  text: ['text', 'character varying', 'character'],
  number: ['smallint', 'integer', 'bigint', 'numeric'],
  boolean: ['boolean'],
  'utc-instant': ['timestamp with time zone'],
  'paris-wall-clock': ['timestamp without time zone'],
  'seconds-as-ms': ['smallint', 'integer', 'bigint'],
  'json-object': ['text', 'json', 'jsonb'],
  'sorted-list': ['ARRAY', 'text'],
};

/**
 * From `from` (inclusive) to `to` (exclusive), Paris wall-clock times are read at UTC+1 (standard time) before the
 * first boundary, and alternately UTC+2 (summer time) and UTC+1 from each boundary on: the local time where the
 * reference reading switches offset. Outside that range, the reference reading applies.
 */
export interface ParisChanges {
  from: string;
  to: string;
  boundaries: string[];
}

/** What stands for NULL in canonical text (a NULL must not vanish from the row, nor equal an empty string). */
export const nullMark = '\\N';

/** SQL turning `x` (of PostgreSQL type `type`) into its canonical text, NULL included. */
export function canonical(x: string, as: Canon, type: string, paris?: ParisChanges): string {
  return `coalesce(${bare(x, as, type, paris)}, E'\\\\N')`;
}

function bare(x: string, as: Canon, type: string, paris: ParisChanges | undefined): string {
  switch (as) {
    case 'text':
      return x;
    case 'number':
    case 'boolean':
      return `(${x})::text`;
    case 'utc-instant':
      return `((${x}) AT TIME ZONE 'UTC')::text`;
    case 'paris-wall-clock':
      return `(${paris ? parisWallClockAsUtcFrom(x, paris) : parisWallClockAsUtc(x)})::text`;
    case 'seconds-as-ms':
      return `((${x})::bigint * 1000)::text`;
    case 'json-object':
      return type === 'jsonb' ? `(${x})::text` : `coalesce((${x})::jsonb, '{}'::jsonb)::text`;
    case 'sorted-list':
      // No list at all (a lookup without match) is the empty list.
      return type === 'ARRAY' ? `array_to_string(ARRAY(SELECT v::text FROM unnest(${x}) v ORDER BY 1), ',')` : `coalesce(${x}, '')`;
  }
}

/**
 * The certifier's reading of a V9 Paris wall-clock time, as the UTC wall clock (timestamp), written from the
 * specification (sandbox/migration/README.md, "Paris time"), not from the migration's code:
 * - outside 02:00-02:59 local, and outside the hour Paris repeats in October, the time names one instant, the one
 *   PostgreSQL's time-zone database gives;
 * - in the repeated hour (02:00-02:59 on the last Sunday of October), it is the FIRST occurrence (summer time): when
 *   one hour earlier than PostgreSQL's reading (the second occurrence) Paris clocks showed the same time, take that;
 * - in the hour skipped in March, PostgreSQL's reading is the offset before the change (UTC+1), as specified.
 * Every Paris change since 1976 happens between 02:00 and 03:00 local time, hence the cheap first test.
 */
export function parisWallClockAsUtc(x: string): string {
  const read = `((${x}) AT TIME ZONE 'Europe/Paris')`;
  return `(CASE WHEN (${x})::time >= '02:00' AND (${x})::time < '03:00' AND (${read} - interval '1 hour') AT TIME ZONE 'Europe/Paris' = (${x})
    THEN (${read} - interval '1 hour') AT TIME ZONE 'UTC' ELSE ${read} AT TIME ZONE 'UTC' END)`;
}

/** The separator of canonical fields in a row: a control character no business value contains. */
export const fieldSeparator = "E'\\x1f'";

/**
 * The reading of `x` as UTC wall clock (timestamp), equal to `parisWallClockAsUtc(x)` (tested on every hour from 1970
 * to 2105 and every minute of the change days): inside the range, one binary search (`width_bucket`) among the
 * boundaries tells summer (odd bucket) from standard time.
 */
export function parisWallClockAsUtcFrom(x: string, changes: ParisChanges): string {
  const boundaries = `'{${changes.boundaries.map((b) => `"${b}"`).join(',')}}'::timestamp[]`;
  return `(CASE WHEN (${x}) >= '${changes.from}' AND (${x}) < '${changes.to}'
    THEN (${x}) - CASE WHEN width_bucket(${x}, ${boundaries}) % 2 = 1 THEN interval '2 hours' ELSE interval '1 hour' END
    ELSE ${parisWallClockAsUtc(x)} END)`;
}

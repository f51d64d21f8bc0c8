// What the certifier reads (a platform side: three database URLs and a schema) and what it reports (findings, certificates).

import type { DatabaseName, Dimension } from './mapping/types.ts';

export type { DatabaseName, Dimension };
export type DatabaseUrls = Record<DatabaseName, string>;

/** One version of the platform as the certifier reads it: three databases (maybe on three servers) and the schema. */
export interface PlatformSide {
  version: 'v9' | 'v10';
  urls: DatabaseUrls;
  /** The schema holding the platform's tables, e.g. the V9 backup after an in-place migration; default: the search path's first. */
  schema?: string;
}

export type FindingKind = 'missing' | 'unexpected' | 'field' | 'count' | 'segment' | 'table' | 'columns' | 'sequence';

/**
 * One difference, never a crash. For a migration, expected is what V9 says the V10 value must be and actual is V10's;
 * for a rollback, expected is the V9 content before the migration and actual the content after the rollback.
 */
export interface Finding {
  entity: string;
  kind: FindingKind;
  v9Key: Record<string, unknown> | null;
  v10Key: Record<string, unknown> | null;
  field: string | null;
  expected: string | null;
  actual: string | null;
  /** How it was found: the full checksum pass (then bisection), or the deep sample. */
  via: 'checksums' | 'sample' | 'counts' | 'schema';
}

/** The certifier's knobs; every one has a default fit for production volumes. */
export interface CertifierOptions {
  /** Queries in flight at once, across all databases (default 4: a 2-core server stays busy, I/O overlaps). */
  concurrency?: number;
  /** Rows per chunk of a big table's scan (default 1,000,000): chunks spread one table over the server's cores. */
  chunkRows?: number;
  /** Rows compared one by one at the end of a bisection (default 20,000 per side). */
  leafRows?: number;
  /** Differing segments followed down to rows (default 64); the others are counted, not located. */
  maxLocatedSegments?: number;
  /** Row findings kept per entity (default 200); the rest are counted. */
  maxFindings?: number;
  /** Random rows per entity compared field by field (default 500). */
  sampleRows?: number;
  /** Seed of the random sample, so a run can be repeated (default 1). */
  sampleSeed?: number;
  /** Deadline of each query (default 15 minutes: well inside the 45-minute window, and a hung server is noticed). */
  statementTimeoutMs?: number;
  /** Told the duration of each query and its SQL (the benchmark sums them: database work, whatever else loads the machine). */
  onQuery?: (ms: number, query: { database: DatabaseName; sql: string }) => void;
}

export const defaults: Required<Omit<CertifierOptions, 'onQuery'>> = {
  concurrency: 4,
  chunkRows: 1_000_000,
  leafRows: 20_000,
  maxLocatedSegments: 64,
  maxFindings: 200,
  sampleRows: 500,
  sampleSeed: 1,
  statementTimeoutMs: 15 * 60_000,
};

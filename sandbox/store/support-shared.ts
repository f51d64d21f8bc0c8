// Back-office queries both versions share: LIKE patterns, recordings joined to the account's devices across databases.

import type pg from 'pg';
import type { Labels, Recording } from './types.ts';

/** `%query%` with LIKE's wildcards taken literally. */
export function containsPattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The id the query is, when it is a number. */
export function idOf(query: string): number | null {
  return /^\d{1,9}$/.test(query.trim()) ? Number(query.trim()) : null;
}

export interface RecordingSql {
  /** Serials of the account's devices ($1 = account id), in the accounts database. */
  serials: string;
  /** Recordings of serials $1 (text[]), newest first, limit $2; and optionally only id $3. */
  select: string;
}

type RecordingRow = Omit<Recording, 'id' | 'durationMs' | 'sizeBytes'> & { id: string; durationMs: string; sizeBytes: string };

export async function accountRecordings(accounts: pg.Pool, media: pg.Pool, sql: RecordingSql, accountId: number, limit: number, id: number | null): Promise<Recording[]> {
  const { rows: devices } = await accounts.query<{ serial: string }>(sql.serials, [accountId]);
  if (devices.length === 0) return [];
  const { rows } = await media.query<RecordingRow>(sql.select, [devices.map((d) => d.serial), limit, id]);
  return rows.map((r) => ({ ...r, id: Number(r.id), durationMs: Number(r.durationMs), sizeBytes: Number(r.sizeBytes) }));
}

export function toLabels(rows: { kind: keyof Labels; id: string; name: string }[]): Labels {
  const labels: Labels = { partners: {}, offers: {}, modules: {}, accountTypes: {} };
  for (const row of rows) labels[row.kind][row.id] = row.name;
  return labels;
}

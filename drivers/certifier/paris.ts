// Where a database's reading of Paris wall-clock times changes offset, read once per database and process from the
// reference reading (canon.ts), so that each row's reading is a binary search among them (canon.ts, parisWallClockAsUtcFrom).

import { parisWallClockAsUtc, parisWallClockAsUtcFrom } from './canon.ts';
import type { ParisChanges } from './canon.ts';
import type { SideConnections } from './connect.ts';
import type { DatabaseName } from './types.ts';

/** The years probed: the first and one past the last. Before 1977 Paris changed at other hours (see below). */
const years = { first: 1976, end: 2100 };
const standard = '01:00:00';
const summer = '02:00:00';

interface ChangeDay {
  day: string;
  year: number;
  before: string;
  after: string;
  first_new: number | null;
  last_old: number | null;
  other: number;
}

/**
 * The boundaries of `db`'s reading, from its server's time-zone database through the reference reading: each day whose
 * offset at noon differs from the day before's is read hour by hour, then minute by minute over the hour where it
 * switches (some 70,000 readings in all, a few tens of milliseconds). A change is regular when it switches between
 * UTC+1 and UTC+2 at one minute of that day; the range starts on January 1st after the last irregular one (1976's
 * autumn change repeated 00:00-00:59, an hour the reference reads as PostgreSQL does). Undefined when no year is regular.
 * KW_CERTIFIER_PARIS=reference keeps the reference reading everywhere, to compare.
 *
 * A server's time-zone data outlives a certification, so the changes are kept per database URL for the process (`known`;
 * a test passes its own map) and read again when they no longer give the server's reference reading at some 750 probes
 * around each boundary and twice a year (`stillChanges`, a few milliseconds): e.g. after a time-zone update that ends
 * summer time.
 */
export async function readParisChanges(conn: SideConnections, db: DatabaseName, cache: Map<string, ParisChanges | undefined> = known): Promise<ParisChanges | undefined> {
  if (process.env['KW_CERTIFIER_PARIS'] === 'reference') return undefined;
  const url = conn.side.urls[db];
  // No range kept (irregular changes) means the reference reading everywhere: right whatever the server reads.
  if (cache.has(url)) {
    const kept = cache.get(url);
    if (kept === undefined || await stillChanges(conn, db, kept)) return kept;
  }
  const changes = parisChangesOf(await readChangeDays(conn, db));
  cache.set(url, changes);
  return changes;
}

const known = new Map<string, ParisChanges | undefined>();

/**
 * Whether `changes` still give `db`'s reference reading (exported for the tests): the minute before and the minute of
 * each boundary, and noon on January 15th and July 15th of each year of the range.
 */
export async function stillChanges(conn: SideConnections, db: DatabaseName, changes: ParisChanges): Promise<boolean> {
  const { rows } = await conn.query<{ wrong: number }>(db, `
    WITH probes AS (
      SELECT b + d * interval '1 minute' AS local FROM unnest($1::timestamp[]) b, unnest(ARRAY[-1, 0]) d
      UNION ALL SELECT y + m FROM generate_series($2::timestamp, $3::timestamp - interval '1 day', interval '1 year') y,
        unnest(ARRAY[interval '14 days 12 hours', interval '6 months 14 days 12 hours']) m)
    SELECT count(*) FILTER (WHERE (${parisWallClockAsUtcFrom('local', changes)}) IS DISTINCT FROM (${parisWallClockAsUtc('local')}))::int AS wrong
    FROM probes`, [changes.boundaries, changes.from, changes.to]);
  return rows[0]?.wrong === 0;
}

async function readChangeDays(conn: SideConnections, db: DatabaseName): Promise<ChangeDay[]> {
  const offset = (local: string): string => `(${local}) - (${parisWallClockAsUtc(local)})`;
  const { rows } = await conn.query<ChangeDay>(db, `
    WITH noon AS (
      SELECT d::timestamp AS day, ${offset("d::timestamp + interval '12 hours'")} AS off
      FROM generate_series(timestamp '${years.first}-01-01', timestamp '${years.end - 1}-12-31', interval '1 day') d),
    changes AS (SELECT day, off, lag(off) OVER (ORDER BY day) AS before FROM noon),
    hours AS (
      SELECT c.day, c.off, c.before, h, ${offset("c.day + h * interval '1 hour'")} AS o
      FROM changes c, generate_series(0, 23) h WHERE c.off <> c.before),
    by_hour AS (
      SELECT day, off, before, min(h) FILTER (WHERE o = off) AS first_new, max(h) FILTER (WHERE o = before) AS last_old,
        count(*) FILTER (WHERE o <> off AND o <> before) AS other
      FROM hours GROUP BY day, off, before),
    minutes AS (
      SELECT b.day, m, ${offset("b.day + m * interval '1 minute'")} AS o
      FROM by_hour b, generate_series(b.first_new * 60 - 60, b.first_new * 60) m WHERE b.last_old = b.first_new - 1)
    SELECT b.day::text AS day, extract(year FROM b.day)::int AS year, b.before::text AS before, b.off::text AS after,
      min(m.m) FILTER (WHERE m.o = b.off)::int AS first_new, max(m.m) FILTER (WHERE m.o = b.before)::int AS last_old,
      (b.other + count(m.m) FILTER (WHERE m.o <> b.off AND m.o <> b.before))::int AS other
    FROM by_hour b LEFT JOIN minutes m ON m.day = b.day
    GROUP BY b.day, b.before, b.off, b.other ORDER BY b.day`);
  return rows;
}

/** The range and boundaries the change days allow (exported for the tests). */
export function parisChangesOf(days: ChangeDay[]): ParisChanges | undefined {
  const regular = (d: ChangeDay): boolean => d.other === 0 && d.first_new !== null && d.last_old === d.first_new - 1
    && ((d.before === standard && d.after === summer) || (d.before === summer && d.after === standard));
  const lastIrregular = days.findLastIndex((d) => !regular(d));
  const fromYear = lastIrregular < 0 ? years.first : (days[lastIrregular]?.year ?? years.end) + 1;
  const kept = days.slice(lastIrregular + 1).filter((d) => d.year >= fromYear);
  // Standard time on January 1st, then alternating: the first change kept must start summer time.
  if (fromYear >= years.end || !kept[0] || kept[0].before !== standard) return undefined;
  return {
    from: `${fromYear}-01-01 00:00:00`,
    to: `${years.end}-01-01 00:00:00`,
    boundaries: kept.map((d) => minuteOf(d.day, d.first_new ?? 0)),
  };
}

function minuteOf(day: string, minute: number): string {
  const at = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  at.setUTCMinutes(minute);
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

/** The Paris changes of every database of `side` where `needed` says a Paris wall clock is read. */
export async function readSideParisChanges(conn: SideConnections, needed: Set<DatabaseName>): Promise<Map<DatabaseName, ParisChanges | undefined>> {
  return new Map(await Promise.all([...needed].map(async (db) => [db, await readParisChanges(conn, db)] as const)));
}

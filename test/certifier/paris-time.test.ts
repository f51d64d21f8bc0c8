// The Paris-time rule, by specification: the certifier's reading and the migration's agree on every minute around each change.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { parisWallClockAsUtc, parisWallClockAsUtcFrom } from '../../drivers/certifier/canon.ts';
import type { ParisChanges } from '../../drivers/certifier/canon.ts';
import { connectSide } from '../../drivers/certifier/connect.ts';
import { parisChangesOf, readParisChanges, stillChanges } from '../../drivers/certifier/paris.ts';
import { parisToUtc } from '../../sandbox/migration/paris-time.ts';
import { serverUrl } from './support/rehearsal.ts';

describe('reading V9 Paris wall-clock times', () => {
  let client: pg.Client;
  const certifier = async (local: string): Promise<string> =>
    (await client.query<{ v: string }>(`SELECT (${parisWallClockAsUtc('$1::timestamp')})::text AS v`, [local])).rows[0]?.v ?? '';
  before(async () => {
    client = new pg.Client({ connectionString: serverUrl, options: '-c TimeZone=UTC' });
    await client.connect();
  });
  after(async () => {
    await client.end();
  });

  it('reads the hour Paris repeats in October as its first occurrence, summer time (UTC+2)', async () => {
    assert.equal(await certifier('2024-10-27 02:30:00'), '2024-10-27 00:30:00');
    assert.equal(await certifier('2024-10-27 01:59:59'), '2024-10-26 23:59:59');
    assert.equal(await certifier('2024-10-27 03:00:00'), '2024-10-27 02:00:00');
  });

  it('reads the hour Paris skips in March at UTC+1, the offset before the change', async () => {
    assert.equal(await certifier('2024-03-31 02:30:00'), '2024-03-31 01:30:00');
    assert.equal(await certifier('2024-03-31 03:00:00'), '2024-03-31 01:00:00');
    assert.equal(await certifier('2024-07-14 12:00:00'), '2024-07-14 10:00:00');
    assert.equal(await certifier('2024-12-25 12:00:00'), '2024-12-25 11:00:00');
  });

  it('agrees with the migration on every minute of the days Paris changes time, from 2011 to 2025', async () => {
    const { rows } = await client.query<{ n: number }>(`
      WITH days AS (
        SELECT make_date(y, m, 31) - extract(dow FROM make_date(y, m, 31))::int AS d FROM generate_series(2011, 2025) y, unnest(ARRAY[3, 10]) m),
      minutes AS (SELECT d + make_interval(mins => i) AS local FROM days, generate_series(0, 24 * 60 - 1) i)
      SELECT count(*)::int AS n FROM minutes
      WHERE (${parisWallClockAsUtc('local')}) IS DISTINCT FROM ((${parisToUtc('local')}) AT TIME ZONE 'UTC')`);
    assert.equal(rows[0]?.n, 0);
  });

  describe('through the change boundaries read once per database', () => {
    let changes: ParisChanges | undefined;
    before(async () => {
      const conn = connectSide({ version: 'v9', urls: { accounts: serverUrl, events: serverUrl, media: serverUrl } }, { concurrency: 1, statementTimeoutMs: 60_000 });
      try {
        changes = await readParisChanges(conn, 'accounts');
      } finally {
        await conn.close();
      }
    });

    it('finds a summer-time start and end at 03:00 local each year from 1977 on', () => {
      assert.ok(changes);
      assert.equal(changes.from, '1977-01-01 00:00:00');
      assert.equal(changes.to, '2100-01-01 00:00:00');
      assert.equal(changes.boundaries.length, 2 * (2099 - 1977 + 1));
      assert.ok(changes.boundaries.includes('2019-03-31 03:00:00') && changes.boundaries.includes('2019-10-27 03:00:00'));
      assert.ok(changes.boundaries.every((b) => b.endsWith(' 03:00:00') || b.endsWith(' 02:00:00')), 'changes at 02:00 (before 1981) or 03:00');
    });

    it('reads every hour from 1970 to 2105, and every minute of each change day, as the reference reading does', async () => {
      assert.ok(changes);
      const { rows } = await client.query<{ n: number; hours: number; minutes: number }>(`
        WITH hours AS (SELECT h AS local FROM generate_series(timestamp '1970-01-01', timestamp '2105-12-31', interval '1 hour') h),
        minutes AS (SELECT b::timestamp - interval '1 day' + m * interval '1 minute' AS local FROM unnest($1::text[]) b, generate_series(0, 2 * 24 * 60 - 1) m),
        probes AS (SELECT local FROM hours UNION ALL SELECT local FROM minutes UNION ALL SELECT NULL::timestamp)
        SELECT count(*) FILTER (WHERE (${parisWallClockAsUtcFrom('local', changes)}) IS DISTINCT FROM (${parisWallClockAsUtc('local')}))::int AS n,
          (SELECT count(*) FROM hours)::int AS hours, (SELECT count(*) FROM minutes)::int AS minutes
        FROM probes`, [changes.boundaries]);
      assert.ok((rows[0]?.hours ?? 0) > 1_000_000 && (rows[0]?.minutes ?? 0) > 700_000);
      assert.equal(rows[0]?.n, 0);
    });

    it('keeps them per database, checked on each reuse, and reads them again when the server reads a kept boundary otherwise', async () => {
      assert.ok(changes);
      const queries: string[] = [];
      const conn = connectSide({ version: 'v9', urls: { accounts: serverUrl, events: serverUrl, media: serverUrl } },
        { concurrency: 1, statementTimeoutMs: 60_000, onQuery: (_, q) => void queries.push(q.sql) });
      const scans = (): number => queries.filter((q) => q.includes('WITH noon AS')).length;
      const cache = new Map<string, ParisChanges | undefined>();
      try {
        assert.deepEqual(await readParisChanges(conn, 'accounts', cache), changes);
        assert.equal(scans(), 1);
        assert.deepEqual(await readParisChanges(conn, 'accounts', cache), changes, 'kept');
        assert.equal(scans(), 1, 'not scanned again');
        assert.equal(await stillChanges(conn, 'accounts', changes), true);
        // A kept reading the server disagrees with: summer time starting a week early in 2019, or no summer time from 2030.
        const early = { ...changes, boundaries: changes.boundaries.map((b) => (b === '2019-03-31 03:00:00' ? '2019-03-24 03:00:00' : b)) };
        assert.equal(await stillChanges(conn, 'accounts', { ...changes, boundaries: changes.boundaries.filter((b) => b < '2030') }), false);
        assert.equal(await stillChanges(conn, 'accounts', early), false);
        cache.set(serverUrl, early);
        const again = await readParisChanges(conn, 'accounts', cache);
        assert.equal(scans(), 2, 'scanned again');
        assert.deepEqual(again, changes);
        assert.ok(again);
        const read = async (local: string): Promise<string> =>
          (await client.query<{ v: string }>(`SELECT (${parisWallClockAsUtcFrom('$1::timestamp', again)})::text AS v`, [local])).rows[0]?.v ?? '';
        assert.equal(await read('2019-03-27 12:00:00'), '2019-03-27 11:00:00', 'standard time the week before the change');
        assert.equal(await read('2019-03-31 02:30:00'), '2019-03-31 01:30:00', 'the skipped hour at UTC+1');
        assert.equal(await read('2019-03-31 03:00:00'), '2019-03-31 01:00:00');
        assert.equal(await read('2019-10-27 02:30:00'), '2019-10-27 00:30:00', 'the repeated hour as its first occurrence');
        assert.equal(await read('2019-10-27 03:00:00'), '2019-10-27 02:00:00');
      } finally {
        await conn.close();
      }
    });

    it('starts after the last change that is not a switch between UTC+1 and UTC+2 at one minute of its day, or gives up', () => {
      const day = (date: string, before: string, after: string, firstNew: number | null, lastOld: number | null, other = 0) =>
        ({ day: `${date} 00:00:00`, year: Number(date.slice(0, 4)), before, after, first_new: firstNew, last_old: lastOld, other });
      const regular = [day('2001-03-25', '01:00:00', '02:00:00', 180, 179), day('2001-10-28', '02:00:00', '01:00:00', 180, 179)];
      assert.deepEqual(parisChangesOf([day('2000-10-29', '02:00:00', '01:00:00', 60, null), ...regular]),
        { from: '2001-01-01 00:00:00', to: '2100-01-01 00:00:00', boundaries: ['2001-03-25 03:00:00', '2001-10-28 03:00:00'] });
      assert.equal(parisChangesOf([...regular, day('2002-03-31', '01:00:00', '01:30:00', 150, 149)]), undefined, 'an offset other than UTC+1 or UTC+2');
      assert.equal(parisChangesOf([day('2001-10-28', '02:00:00', '01:00:00', 180, 179)]), undefined, 'must start in standard time');
      assert.equal(parisChangesOf([]), undefined);
    });
  });
});

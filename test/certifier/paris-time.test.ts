// The Paris-time rule, by specification: the certifier's reading and the migration's agree on every minute around each change.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { parisWallClockAsUtc } from '../../drivers/certifier/canon.ts';
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
});

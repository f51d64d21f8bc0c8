// Checksums compare across servers only if they hash text alike (same algorithm and byte order): checked before any scan.

import { EnvironmentError } from '../../lib/errors.ts';
import type { SideConnections } from './connect.ts';
import { describeDatabase } from './connect.ts';
import type { DatabaseName } from './types.ts';

const databases: DatabaseName[] = ['accounts', 'events', 'media'];

export async function checkHashes(sides: SideConnections[]): Promise<void> {
  const seen = await Promise.all(sides.flatMap((c) => databases.map(async (db) => {
    const { rows } = await c.query<{ h: string }>(db, "SELECT hashtext('kw-certifier')::text || '/' || hashtextextended('kw-certifier', 0)::text AS h");
    return { where: describeDatabase(c.side, db), hash: rows[0]?.h ?? '' };
  })));
  const first = seen[0];
  const odd = seen.filter((s) => s.hash !== first?.hash);
  if (first && odd.length > 0) {
    throw new EnvironmentError(`the database servers do not hash text alike (${first.where}: ${first.hash}; ${odd.map((s) => `${s.where}: ${s.hash}`).join('; ')}), so their checksums cannot be compared; certify between servers of one PostgreSQL major version and architecture`);
  }
}

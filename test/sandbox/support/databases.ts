// Throw-away databases on the local Postgres for sandbox tests: unique names, dropped afterwards.

import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import pg from 'pg';

/** The maintenance database of the Postgres the tests use (trust auth on this machine). */
const adminUrl = process.env.SANDBOX_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface DatabaseUrls {
  accounts: string;
  events: string;
  media: string;
}

export interface TestDatabases {
  urls: DatabaseUrls;
  /** A pool on one of the databases, closed by drop(). */
  pool(name: keyof DatabaseUrls): pg.Pool;
  drop(): Promise<void>;
}

export async function createTestDatabases(): Promise<TestDatabases> {
  const prefix = `sbx_${randomBytes(5).toString('hex')}`;
  const names = { accounts: `${prefix}_accounts`, events: `${prefix}_events`, media: `${prefix}_media` };
  await Promise.all(Object.values(names).map((name) => withAdmin((client) => client.query(`CREATE DATABASE ${name}`))));
  const urls = {
    accounts: databaseUrl(names.accounts),
    events: databaseUrl(names.events),
    media: databaseUrl(names.media),
  };
  const pools = new Map<string, pg.Pool>();
  // The pools' connections still open: pg's Pool.end() resolves once it has asked its clients to end, not once they
  // have, and a DROP DATABASE ... WITH (FORCE) meanwhile terminates them, which their client throws, uncaught.
  const open = new Set<pg.PoolClient>();
  return {
    urls,
    pool(name) {
      let pool = pools.get(name);
      if (!pool) {
        pool = new pg.Pool({ connectionString: urls[name], max: 2 });
        pool.on('connect', (client) => {
          open.add(client);
          client.once('end', () => open.delete(client));
        });
        pools.set(name, pool);
      }
      return pool;
    },
    async drop() {
      await Promise.all([...pools.values()].map((p) => p.end()));
      const deadline = AbortSignal.timeout(5000);
      await Promise.all([...open].map((client) => once(client, 'end', { signal: deadline }).catch(() => undefined)));
      // Past the deadline, a connection the drop terminates is the teardown's doing, not the test's (an idle client's
      // error goes to its pool).
      for (const pool of pools.values()) pool.on('error', () => undefined);
      for (const client of open) client.on('error', () => undefined);
      await Promise.all(Object.values(names).map((name) => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))));
    },
  };
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

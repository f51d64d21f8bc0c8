// Throw-away databases on the local Postgres for sandbox tests: unique names, dropped afterwards.

import { randomBytes } from 'node:crypto';
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
  return {
    urls,
    pool(name) {
      const pool = pools.get(name) ?? new pg.Pool({ connectionString: urls[name], max: 2 });
      pools.set(name, pool);
      return pool;
    },
    async drop() {
      await Promise.all([...pools.values()].map((p) => p.end()));
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

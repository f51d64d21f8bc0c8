// Throw-away platform databases (accounts, events, media) on a server, for rehearsals, scenarios and self-tests.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { EnvironmentError } from '../../lib/errors.ts';
import { redactUrl } from '../../lib/url.ts';
import type { DatabaseUrls } from './types.ts';

export interface ScratchDatabases extends AsyncDisposable {
  urls: DatabaseUrls;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<random>_{accounts,events,media}` on the server of `serverUrl` (its maintenance database). */
export async function createScratchDatabases(serverUrl: string, prefix = 'kw_mig'): Promise<ScratchDatabases> {
  const base = `${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const names = { accounts: `${base}_accounts`, events: `${base}_events`, media: `${base}_media` };
  await onServer(serverUrl, async (client) => {
    for (const name of Object.values(names)) await client.query(`CREATE DATABASE ${name}`);
  });
  const url = (name: string): string => {
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const drop = async (): Promise<void> => {
    await onServer(serverUrl, async (client) => {
      for (const name of Object.values(names)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  };
  return { urls: { accounts: url(names.accounts), events: url(names.events), media: url(names.media) }, drop, [Symbol.asyncDispose]: drop };
}

async function onServer(serverUrl: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000, application_name: 'kw-certifier-scratch' });
  try {
    await client.connect();
  } catch (error) {
    throw new EnvironmentError(`cannot reach the PostgreSQL server at ${redactUrl(serverUrl)}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

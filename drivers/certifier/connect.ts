// Read-only connections to each database of a side: fixed session settings (UTC, ISO dates), a deadline per query.

import pg from 'pg';
import { EnvironmentError } from '../../lib/errors.ts';
import { redactUrl } from '../../lib/url.ts';
import type { CertifierOptions, DatabaseName, PlatformSide } from './types.ts';

const connectTimeoutMs = 5000;
/** KW_CERTIFIER_TRACE=N prints each query's duration and its first N characters on stderr. */
const trace = Number(process.env['KW_CERTIFIER_TRACE'] ?? 0);

/** A pool per database of one side; every session is read-only, so the certifier cannot change what it certifies. */
export interface SideConnections {
  side: PlatformSide;
  query<R extends pg.QueryResultRow>(db: DatabaseName, sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Runs `work` with one session held (for a cursor); its queries go through `query` with the same error handling. */
  withSession<T>(db: DatabaseName, work: (query: SessionQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type SessionQuery = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

export interface SideDescription {
  version: string;
  urls: Record<string, string>;
  schema: string | null;
}

/** The side as a certificate shows it: passwords hidden. */
export function describeSide(side: PlatformSide): SideDescription {
  return { version: side.version, urls: Object.fromEntries(Object.entries(side.urls).map(([k, v]) => [k, redactUrl(v)])), schema: side.schema ?? null };
}

export function describeDatabase(side: PlatformSide, db: DatabaseName): string {
  return `the ${side.version.toUpperCase()} ${db} database at ${redactUrl(side.urls[db])}${side.schema ? ` (schema ${side.schema})` : ''}`;
}

export function connectSide(side: PlatformSide, options: Pick<CertifierOptions, 'onQuery'> & { concurrency: number; statementTimeoutMs: number }): SideConnections {
  const { concurrency: size, statementTimeoutMs, onQuery } = options;
  const settings = ['-c default_transaction_read_only=on', '-c TimeZone=UTC', '-c DateStyle=ISO', '-c extra_float_digits=1', "-c work_mem=128MB",
    `-c statement_timeout=${statementTimeoutMs}`, ...(side.schema ? [`-c search_path=${side.schema}`] : [])];
  const pools = new Map<DatabaseName, pg.Pool>();
  const pool = (db: DatabaseName): pg.Pool => {
    let found = pools.get(db);
    if (!found) {
      // Beyond the queries in flight, sessions held by cursors while their slices queue for a lane: a borrowing's
      // two (one per database, at most concurrency / 2 at once) and a folded borrowing's one.
      found = new pg.Pool({ connectionString: side.urls[db], max: size + Math.max(1, Math.floor(size / 2)) + 1, connectionTimeoutMillis: connectTimeoutMs, options: settings.join(' '), application_name: 'kw-certifier' });
      found.on('error', () => undefined);
      pools.set(db, found);
    }
    return found;
  };
  const connect = async (db: DatabaseName): Promise<pg.PoolClient> => {
    try {
      return await pool(db).connect();
    } catch (error) {
      throw new EnvironmentError(`cannot reach ${describeDatabase(side, db)}: ${(error as Error).message}`, { cause: error });
    }
  };
  const run = async <R extends pg.QueryResultRow>(client: pg.PoolClient, db: DatabaseName, sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> => {
    const started = performance.now();
    try {
      return await client.query<R>(sql, params);
    } catch (error) {
      throw queryError(side, db, error);
    } finally {
      onQuery?.(performance.now() - started, { database: db, sql });
      if (trace) process.stderr.write(`[certifier] ${Math.round(performance.now() - started)} ms at ${Math.round(started)} ${side.version} ${db}: ${sql.replace(/\s+/g, ' ').slice(0, trace)}\n`);
    }
  };
  return {
    side,
    async query(db, sql, params) {
      const client = await connect(db);
      try {
        return await run(client, db, sql, params);
      } finally {
        client.release();
      }
    },
    async withSession(db, work) {
      const client = await connect(db);
      try {
        return await work((sql, params) => run(client, db, sql, params));
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.allSettled([...pools.values()].map((p) => p.end()));
    },
  };
}

/** A lost connection or a query past its deadline is the environment's fault; any other failure names the database. */
function queryError(side: PlatformSide, db: DatabaseName, error: unknown): Error {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = `${describeDatabase(side, db)}: ${(error as Error).message}`;
  if (code.startsWith('08') || code.startsWith('57') || code === '') return new EnvironmentError(`query failed on ${message}`, { cause: error });
  return new Error(`query failed on ${message}`, { cause: error });
}

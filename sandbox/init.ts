// `admin.ts init`: drops the platform tables, creates one version's schema in the three databases and loads the catalog.

import pg from 'pg';
import type { Catalog } from '../catalog/index.ts';
import { loadCatalog } from '../catalog/index.ts';
import { schemas } from './schema/index.ts';
import type { DatabaseName } from './db.ts';
import { databaseNames, opsConnectTimeoutMs } from './db.ts';
import type { InitOptions } from './flags.ts';
import { describeError } from './log.ts';
import { StartupError } from './startup-error.ts';
import { redactUrl } from '../lib/url.ts';

/** Initialises the three databases; returns the counts of reference rows loaded. */
export async function initPlatform(options: InitOptions): Promise<Record<string, number>> {
  const catalog = readCatalog(options.catalogDir);
  const counts: Record<string, number> = {};
  for (const name of databaseNames) {
    Object.assign(counts, await initDatabase(name, options, catalog));
  }
  return counts;
}

/** The catalog validates itself; its error lists each problem as file:line. */
function readCatalog(dir: string): Catalog {
  try {
    return loadCatalog(dir);
  } catch (error) {
    throw new StartupError(`cannot load the catalog in ${dir}: ${describeError(error)}`);
  }
}

async function initDatabase(name: DatabaseName, options: InitOptions, catalog: Catalog): Promise<Record<string, number>> {
  const url = options.urls[name];
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: opsConnectTimeoutMs, application_name: 'sandbox-admin' });
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError(`cannot reach the ${name} database at ${redactUrl(url)}: ${describeError(error)}`);
  }
  try {
    await client.query('BEGIN');
    await dropPlatformTables(client);
    const schema = schemas[options.version];
    await client.query(schema.ddl[name]);
    await client.query('INSERT INTO platform_meta (version) VALUES ($1)', [options.version]);
    const counts = name === 'accounts' ? await schema.loadReference(client, catalog) : {};
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new StartupError(`cannot initialise the ${name} database at ${redactUrl(url)}: ${describeError(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Every table of the current schema belongs to the platform, including those a migration leaves behind. */
async function dropPlatformTables(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ name: string }>('SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema()');
  if (rows.length > 0) await client.query(`DROP TABLE IF EXISTS ${rows.map((r) => r.name).join(', ')} CASCADE`);
}

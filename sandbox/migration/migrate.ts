// `admin.ts migrate`: V9 -> V10 in the three databases, each in one transaction, under maintenance and after a fresh backup.

import type pg from 'pg';
import { loadCatalog } from '../../catalog/index.ts';
import type { DatabaseUrls } from '../flags.ts';
import { StartupError } from '../startup-error.ts';
import { redactUrl } from '../../lib/url.ts';
import { readBackupMeta } from './backup.ts';
import type { Clients } from './connect.ts';
import { closeAll, connectAll, inTransaction, requireVersion } from './connect.ts';
import type { MigrationFaults } from './faults.ts';
import { readMaintenance } from './maintenance.ts';
import { checkReferenceTargets } from './reference-faults.ts';
import { migrateAccounts } from './migrate-accounts.ts';
import { migrateEvents, migrateRecordings } from './migrate-activity.ts';
import { timed } from './timed.ts';

export interface MigrateOptions {
  urls: DatabaseUrls;
  catalogDir: string;
  faults: MigrationFaults;
}

/**
 * The three databases migrate concurrently, each in its own transaction: one that fails is left in V9, the others
 * are in V10, and the answer is the rollback (the backup holds all three as they were).
 */
export async function migrateToV10(options: MigrateOptions): Promise<Record<string, unknown>> {
  const started = performance.now();
  const catalog = loadCatalog(options.catalogDir);
  const clients = await connectAll(options.urls, 'sandbox-migrate');
  try {
    await requireVersion(clients, options.urls, 'v9', 'migrate');
    await requireMaintenanceAndBackup(clients, options.urls);
    checkReferenceTargets(options.faults.reference, catalog);
    const dropped = await faultVictims(clients.accounts, options.faults);
    const [accounts, events, media] = await Promise.all([
      timed(() => inTransaction(clients.accounts, 'the migration of the accounts database', () => migrateAccounts(clients.accounts, catalog, options.faults))),
      timed(() => inTransaction(clients.events, 'the migration of the events database', () => migrateEvents(clients.events, catalog, options.faults, dropped.customers))),
      timed(() => inTransaction(clients.media, 'the migration of the media database', () => migrateRecordings(clients.media, catalog, options.faults, dropped.serials))),
    ]);
    return { migrated: 'v10', durationMs: Math.round(performance.now() - started), databases: { accounts, events, media }, faults: options.faults.active };
  } finally {
    await closeAll(clients);
  }
}

async function requireMaintenanceAndBackup(clients: Clients, urls: DatabaseUrls): Promise<void> {
  const maintenance = await readMaintenance(clients.accounts);
  if (!maintenance.maintenance || maintenance.since === null) {
    throw new StartupError(`migrate needs the maintenance mode on, so no customer writes while it runs: node sandbox/admin.ts maintenance on --accounts-url ${redactUrl(urls.accounts)}`);
  }
  for (const name of ['accounts', 'events', 'media'] as const) {
    const backup = await readBackupMeta(clients[name]);
    if (!backup || backup.takenAt < new Date(maintenance.since)) {
      throw new StartupError(`migrate needs a backup taken since the maintenance mode went on (${maintenance.since}); the ${name} database at ${redactUrl(urls[name])} has ${backup ? `one from ${backup.takenAt.toISOString()}` : 'none'}: run node sandbox/admin.ts backup first`);
    }
  }
}

/** What the faults target, read from V9 before the accounts database changes format. */
async function faultVictims(accounts: pg.ClientBase, faults: MigrationFaults): Promise<{ customers: number[]; serials: string[] }> {
  if (faults.wrongOfferMapping !== undefined) await requireCode(accounts, 'offers', faults.wrongOfferMapping);
  const customers = faults.dropEventsOfOffer === undefined ? []
    : await values<number>(accounts, 'offers', faults.dropEventsOfOffer, 'SELECT id AS v FROM customers WHERE offer_code = $1 ORDER BY 1');
  const serials = faults.truncateDurationsOfModel === undefined ? []
    : await values<string>(accounts, 'camera_models', faults.truncateDurationsOfModel, 'SELECT serial AS v FROM cameras WHERE model_code = $1 ORDER BY 1');
  return { customers, serials };
}

async function requireCode(client: pg.ClientBase, table: 'offers' | 'camera_models', code: string): Promise<void> {
  const known = await client.query(`SELECT 1 FROM ${table} WHERE code = $1`, [code]);
  if (known.rowCount === 0) throw new StartupError(`the fault targets ${JSON.stringify(code)}, which V9's ${table} does not list`);
}

async function values<T>(client: pg.ClientBase, table: 'offers' | 'camera_models', code: string, sql: string): Promise<T[]> {
  await requireCode(client, table, code);
  const { rows } = await client.query<{ v: T }>(sql, [code]);
  return rows.map((r) => r.v);
}

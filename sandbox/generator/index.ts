// `admin.ts generate`: deterministic, anonymised-looking V9 data in the three databases, at a scale from small to full.

import type pg from 'pg';
import { loadCatalog } from '../../catalog/index.ts';
import { StartupError } from '../startup-error.ts';
import { redactUrl } from '../../lib/url.ts';
import type { DatabaseUrls } from '../flags.ts';
import { closeAll, connectAll, inTransaction, requireVersion } from '../migration/connect.ts';
import { countCombos, generateAccounts } from './accounts.ts';
import { generateEvents, generateRecordings } from './activity.ts';
import { designateAccounts, writeDesignatedFile } from './designated.ts';
import { sizesAt } from './scale.ts';

export { namedScales, parseScale, sizesAt } from './scale.ts';
export type { Sizes } from './scale.ts';

export interface GenerateOptions {
  urls: DatabaseUrls;
  scale: { name: string; factor: number };
  seed: number;
  catalogDir: string;
  /** Where to write the designated migrated accounts (a test accounts file with their passwords); none when unset. */
  designatedOut?: string | undefined;
}

/** Fills freshly initialised V9 databases; returns the row counts and the duration. The same seed and scale give the same rows. */
export async function generateV9(options: GenerateOptions): Promise<Record<string, unknown>> {
  const started = performance.now();
  const sizes = sizesAt(options.scale.factor);
  const catalog = loadCatalog(options.catalogDir);
  const clients = await connectAll(options.urls, 'sandbox-generate');
  try {
    await requireVersion(clients, options.urls, 'v9', 'generate');
    await requireEmpty(clients.accounts, 'customers', options.urls.accounts);
    await requireEmpty(clients.events, 'events', options.urls.events);
    await requireEmpty(clients.media, 'recordings', options.urls.media);
    const combos = await countCombos(clients.accounts);
    if (sizes.customers < combos) {
      throw new StartupError(`--scale ${options.scale.name} gives ${sizes.customers} customers, fewer than the ${combos} (white label, offer) pairs to cover; use a larger scale`);
    }
    const models = catalog.cameraModels.map((m) => ({ code: m.id, prefix: prefixOf(m.id), firmware: m.firmware.at(-1) ?? '1.0.0' }));
    const plan = { ...sizes, seed: options.seed, models, prefixes: models.map((m) => m.prefix) };
    const [accounts, events, media] = await Promise.all([
      inTransaction(clients.accounts, 'generating the accounts', () => generateAccounts(clients.accounts, plan)),
      inTransaction(clients.events, 'generating the events', () => generateEvents(clients.events, plan)),
      inTransaction(clients.media, 'generating the recordings', () => generateRecordings(clients.media, plan)),
    ]);
    const designated = options.designatedOut ? await inTransaction(clients.accounts, 'designating migrated accounts', () => designateAccounts(clients.accounts)) : [];
    if (options.designatedOut) writeDesignatedFile(options.designatedOut, designated);
    await Promise.all([clients.events.query('ANALYZE events'), clients.media.query('ANALYZE recordings'), clients.accounts.query('ANALYZE')]);
    return { generated: 'v9', scale: options.scale.name, seed: options.seed, ...accounts, ...events, ...media, ...(options.designatedOut ? { designated: designated.length } : {}), durationMs: Math.round(performance.now() - started) };
  } finally {
    await closeAll(clients);
  }
}

/** "orion-hd-2011" -> "ORIONHD": letters of the model id, so a serial tells its model like real ones do. */
function prefixOf(modelId: string): string {
  return modelId.replace(/-?\d{4}$/, '').replace(/[^a-z0-9]/gi, '').toUpperCase().slice(0, 10);
}

async function requireEmpty(client: pg.ClientBase, table: string, url: string): Promise<void> {
  const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`);
  if (rows[0]?.any) throw new StartupError(`generate needs empty V9 tables, but ${table} at ${redactUrl(url)} holds rows; run admin.ts init --version v9 first`);
}

// The ops subcommands admin.ts dispatches to: each parses its flags, does its work and answers one JSON object.

import pg from 'pg';
import { opsConnectTimeoutMs } from '../db.ts';
import { generateV9, parseScale } from '../generator/index.ts';
import { describeError } from '../log.ts';
import { StartupError } from '../startup-error.ts';
import { redactUrl } from '../../lib/url.ts';
import { backupV9 } from './backup.ts';
import { parseMigrationFaults, parseRollbackFaults } from './faults.ts';
import { catalogDir, databaseUrls, opsFlags, parseOps, pgUrl, seed } from './flags.ts';
import { defaultMessage, readMaintenance, setMaintenance } from './maintenance.ts';
import { migrateToV10 } from './migrate.ts';
import { rollbackToV9 } from './rollback.ts';

export const opsUsage = [
  'node sandbox/admin.ts generate URLS [--scale small|medium|large|full|<fraction>] [--seed N] [--catalog DIR] [--designated-out FILE]',
  'node sandbox/admin.ts backup URLS',
  'node sandbox/admin.ts migrate URLS [--catalog DIR] [--fault NAME[:TARGET]]...',
  'node sandbox/admin.ts rollback URLS [--fault rollback-leaves-v10-rows]',
  'node sandbox/admin.ts maintenance on|off|status --accounts-url U [--message TEXT]',
  '(URLS: --accounts-url U --events-url U --media-url U)',
].join('\n  ');

export const opsCommands: Record<string, (args: string[]) => Promise<object>> = {
  async generate(args) {
    const { values } = parseOps(args, opsFlags.generate);
    return generateV9({ urls: databaseUrls(values), scale: parseScale(values.scale), seed: seed(values.seed), catalogDir: catalogDir(values.catalog), designatedOut: values['designated-out'] });
  },
  async backup(args) {
    return backupV9(databaseUrls(parseOps(args, opsFlags.backup).values));
  },
  async migrate(args) {
    const { values } = parseOps(args, opsFlags.migrate);
    return migrateToV10({ urls: databaseUrls(values), catalogDir: catalogDir(values.catalog), faults: parseMigrationFaults(values.fault ?? []) });
  },
  async rollback(args) {
    const { values } = parseOps(args, opsFlags.rollback);
    return rollbackToV9(databaseUrls(values), parseRollbackFaults(values.fault ?? []));
  },
  async maintenance(args) {
    const { values, positionals } = parseOps(args, opsFlags.maintenance, true);
    const [action] = positionals;
    if (positionals.length !== 1 || !['on', 'off', 'status'].includes(action ?? '')) throw new StartupError(`maintenance takes on, off or status, got ${JSON.stringify(positionals.join(' '))}`);
    const url = pgUrl('--accounts-url', values['accounts-url']);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: opsConnectTimeoutMs, application_name: 'sandbox-maintenance' });
    await client.connect().catch((error: unknown) => {
      throw new StartupError(`cannot reach the accounts database at ${redactUrl(url)}: ${describeError(error)}`);
    });
    try {
      return action === 'status' ? await readMaintenance(client) : await setMaintenance(client, action === 'on', values.message ?? defaultMessage);
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};

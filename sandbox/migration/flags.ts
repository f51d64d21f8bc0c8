// Flags of the ops commands (generate, backup, migrate, rollback, maintenance), validated with messages naming the flag.

import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';
import { defaultCatalogDir } from '../../catalog/index.ts';
import type { DatabaseUrls } from '../flags.ts';
import { StartupError } from '../startup-error.ts';
import { redactUrl } from '../../lib/url.ts';

const urlFlags = {
  'accounts-url': { type: 'string' },
  'events-url': { type: 'string' },
  'media-url': { type: 'string' },
} as const;

export const opsFlags = {
  generate: { ...urlFlags, scale: { type: 'string' }, seed: { type: 'string', default: '1' }, catalog: { type: 'string' }, 'designated-out': { type: 'string' } },
  backup: urlFlags,
  migrate: { ...urlFlags, catalog: { type: 'string' }, fault: { type: 'string', multiple: true } },
  rollback: { ...urlFlags, fault: { type: 'string', multiple: true } },
  maintenance: { 'accounts-url': { type: 'string' }, message: { type: 'string' } },
} as const satisfies Record<string, ParseArgsOptionsConfig>;

export function parseOps<O extends ParseArgsOptionsConfig>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new StartupError(`bad flags: ${(error as Error).message}`);
  }
}

export function databaseUrls(values: Record<string, unknown>): DatabaseUrls {
  return { accounts: pgUrl('--accounts-url', values['accounts-url']), events: pgUrl('--events-url', values['events-url']), media: pgUrl('--media-url', values['media-url']) };
}

export function pgUrl(flag: string, value: unknown): string {
  const expected = `${flag} must be a postgres:// or postgresql:// URL`;
  if (typeof value !== 'string' || value === '') throw new StartupError(`${expected}; it is missing`);
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') throw new StartupError(`${expected}, got ${JSON.stringify(redactUrl(value))}`);
  return value;
}

export function catalogDir(value: string | undefined): string {
  return value ?? defaultCatalogDir;
}

export function seed(value: string | undefined): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0 && n <= 1_000_000) return n;
  throw new StartupError(`--seed must be an integer from 0 to 1000000, got ${JSON.stringify(value ?? null)}`);
}

// Leases on designated migrated accounts: two scenarios running at once (in parallel workers) never play the same account.

import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { takeFileHold } from '../../lib/process-holds.ts';

/** Who plays an account: a journey of features/clients-migres, or a scenario of another family on an Examples table tagged @clients-migres. */
export type Player = 'journey' | 'family';

/** The run's private folder (next to the environment descriptor, which the harness writes there): leases name accounts. */
function leaseDir(): string {
  const file = process.env['HARNESS_ENV_FILE'];
  const dir = join(file ? dirname(file) : '.', 'leases');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

const slug = (email: string): string => email.replace(/[^a-z0-9.@_-]/gi, '_');

/** How far the platform's clock may be off the harness's: a scenario counts items dated from this long before it began. */
export const clockToleranceMs = 1000;

/**
 * How long an account rests between two scenarios. A scenario counts as its own the account's items dated from
 * `clockToleranceMs` before it took the account: the previous scenario's last detection, made just before it gave the
 * account back, must be older than that.
 */
export const handoverGapMs = 2000;

/**
 * Takes the account for this worker, atomically (lib/process-holds.ts). A lease left by a worker that died (its process
 * is gone) is taken over. False when a running scenario holds it, or gave it back less than
 * `handoverGapMs` ago.
 */
export function tryLease(email: string, scenario: string, now = Date.now()): boolean {
  if (now - releasedAt(email) < handoverGapMs) return false;
  return takeFileHold(join(leaseDir(), `${slug(email)}.lease`), { pid: process.pid, scenario }).taken;
}

/** Gives the account back after the scenario, saying when (the next scenario waits `handoverGapMs` from then). */
export function releaseLease(email: string, now = Date.now()): void {
  writeFileSync(join(leaseDir(), `${slug(email)}.released`), String(now), { mode: 0o600 });
  rmSync(join(leaseDir(), `${slug(email)}.lease`), { force: true });
}

/** When a scenario last gave the account back (epoch ms), or 0. */
function releasedAt(email: string): number {
  const file = join(leaseDir(), `${slug(email)}.released`);
  return existsSync(file) ? Number(readFileSync(file, 'utf8')) || 0 : 0;
}

/** Records that a scenario of the run played the account (its history, quotas and clock now carry that scenario's traces). */
export function markPlayed(email: string, player: Player): void {
  appendFileSync(join(leaseDir(), `${slug(email)}.played`), `${player}\n`, { mode: 0o600 });
}

/** Who played the account so far in this run (one line per scenario). */
export function playedBy(email: string): Player[] {
  const file = join(leaseDir(), `${slug(email)}.played`);
  return existsSync(file) ? (readFileSync(file, 'utf8').split('\n').filter(Boolean) as Player[]) : [];
}

/**
 * Records that a scenario moved the account's own clock (@horloge-de-test: a renewal falling due, a grace period run out,
 * a month's quota used up): its billing, modules and quotas are no longer what the migration carried over, so no other
 * scenario of the run may play it (a suspended account sends no alert, a used-up quota no SMS).
 */
export function markSpent(email: string, scenario: string): void {
  writeFileSync(join(leaseDir(), `${slug(email)}.spent`), `${scenario}\n`, { flag: 'a', mode: 0o600 });
}

/** The scenario that spent the account in this run, or undefined. */
export function spentBy(email: string): string | undefined {
  const file = join(leaseDir(), `${slug(email)}.spent`);
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').find(Boolean) : undefined;
}


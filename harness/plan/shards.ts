// Which scenarios each shard of `certify --shard i/n` runs: split by the durations of the last runs, so that shards finish together.

import { createHash } from 'node:crypto';
import { existsSync, globSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ConfigurationError } from '../../lib/errors.ts';
import { writeFileWhole } from '../../lib/files.ts';
import { parseMessages } from '../reports/cucumber-messages.ts';
import { historyRoot, historyStore } from '../reports/history.ts';

/**
 * Scenarios with one of these tags play designated accounts and their devices, leased in the run's private folder
 * (steps/support/leases.ts): on separate machines they would play the same account at once, so they all go to one shard.
 */
export const sharedResourceTags = ['@clients-migres'] as const;

/** The file, in a line of runs' history store, that keeps each scenario's last duration (ms), by `features/x.feature:12`. */
export const durationsFileName = 'scenario-durations.json';

export interface Durations {
  /** Milliseconds by scenario (`features/x.feature:12`, the Examples row's line for an outline). */
  byScenario: Record<string, number>;
  /** Where they were read from, for messages (or `none`). */
  source: string;
}

export interface ShardSplit {
  /** Each shard's scenarios (`file:line`), in the selection's order. */
  shards: string[][];
  /** Each shard's expected time (ms): the sum of its scenarios' durations. */
  loadsMs: number[];
  /** The scenarios with no known duration, counted at the median. */
  estimated: string[];
  /** The duration counted for each scenario that had none. */
  medianMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 1;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
};

/**
 * Greedy longest-first: the units (a scenario, or every scenario sharing a designated resource) from the longest
 * down, each into the shard with the least expected time (the lowest index on a tie). A scenario with no known
 * duration counts the median of the selection's known ones (of all known ones when none of the selection has one;
 * 1 ms each when nothing is known: then it splits by count). Deterministic: the same selection and durations give
 * the same split on every machine.
 */
export function splitByDuration(scenarios: readonly { where: string; tags: readonly string[] }[], durations: Record<string, number>, total: number): ShardSplit {
  if (!Number.isInteger(total) || total < 1) throw new ConfigurationError(`a selection splits into a whole number of shards ≥ 1, got ${total}`);
  const known = scenarios.map((s) => durations[s.where]).filter((d): d is number => d !== undefined);
  const medianMs = median(known.length > 0 ? known : Object.values(durations));
  const estimated = scenarios.filter((s) => durations[s.where] === undefined).map((s) => s.where);
  const units = new Map<string, { wheres: string[]; ms: number }>();
  for (const scenario of scenarios) {
    const shared = sharedResourceTags.find((tag) => scenario.tags.includes(tag));
    const key = shared ?? scenario.where;
    const unit = units.get(key) ?? { wheres: [], ms: 0 };
    unit.wheres.push(scenario.where);
    unit.ms += durations[scenario.where] ?? medianMs;
    units.set(key, unit);
  }
  const ordered = [...units.values()].sort((a, b) => b.ms - a.ms || (a.wheres[0] ?? '').localeCompare(b.wheres[0] ?? ''));
  const loadsMs = Array.from({ length: total }, () => 0);
  const assigned = new Map<string, number>();
  for (const unit of ordered) {
    const shard = loadsMs.indexOf(Math.min(...loadsMs));
    loadsMs[shard] = (loadsMs[shard] ?? 0) + unit.ms;
    for (const where of unit.wheres) assigned.set(where, shard);
  }
  const shards = loadsMs.map((_, shard) => scenarios.filter((s) => assigned.get(s.where) === shard).map((s) => s.where));
  return { shards, loadsMs, estimated, medianMs };
}

const nanos = (d: { seconds: number; nanos: number } | undefined): number => (d ? d.seconds * 1e9 + d.nanos : 0);

/**
 * Each scenario's duration in a run's Cucumber messages (`<run>/phases/<phase>/cucumber/*.ndjson`): the sum of the
 * steps and hooks of its last attempt. A scenario played in several phases keeps its longest.
 */
export function durationsOfRun(runDir: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const file of globSync('phases/*/cucumber/*.ndjson', { cwd: runDir }).sort()) {
    const messages = parseMessages(readFileSync(join(runDir, file), 'utf8'));
    for (const { where, attempts } of messages.testCases.values()) {
      const last = attempts.filter((a) => a.finished).at(-1);
      if (!last) continue;
      const ms = Math.round(last.steps.reduce((sum, step) => sum + nanos(step.result.duration), 0) / 1e6);
      found[where] = Math.max(found[where] ?? 0, ms);
    }
  }
  return found;
}

/**
 * The store of a plan's durations: its line of runs in the history (`<history>/<environment>/certify-<plan>/`), which
 * whole and merged runs write and shards read; none with `--no-history`.
 */
export function durationsStore(reportsDir: string, historyDir: string | false | undefined, environment: string, planFile: string): string | undefined {
  const root = historyRoot(reportsDir, historyDir);
  return root ? historyStore(root, environment, `certify-${basename(planFile, extname(planFile))}`) : undefined;
}

/** The durations kept in a history store; none (a first run) when the file is missing. */
export function readDurations(store: string): Durations {
  const file = join(store, durationsFileName);
  if (!existsSync(file)) return { byScenario: {}, source: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`${file} is not JSON (${(error as Error).message.split('\n')[0]}): delete it, the next unsharded or merged run writes it again`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigurationError(`${file} must be an object of scenario → milliseconds: delete it, the next unsharded or merged run writes it again`);
  const entries = Object.entries(value);
  const bad = entries.find(([, ms]) => typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0);
  if (bad) throw new ConfigurationError(`${file}: "${bad[0]}" is not a duration in milliseconds (${JSON.stringify(bad[1])}): delete the file, the next unsharded or merged run writes it again`);
  return { byScenario: Object.fromEntries(entries) as Record<string, number>, source: file };
}

/** Keeps a whole run's durations in the store: the scenarios it played get their new duration, the others keep theirs. */
export function keepDurations(store: string, measured: Record<string, number>): void {
  if (Object.keys(measured).length === 0) return;
  const file = join(store, durationsFileName);
  const previous = existsSync(file) ? readDurations(store).byScenario : {};
  const merged = { ...previous, ...measured };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
  mkdirSync(store, { recursive: true });
  writeFileWhole(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** What the shards of one certification must agree on to split alike: a digest of the durations they split by. */
export function splitDigest(durations: Record<string, number>): string {
  const canonical = JSON.stringify(Object.keys(durations).sort().map((key) => [key, durations[key]]));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

// The mutants of the stand-in platform's V10 code, as StrykerJS lists them (its JSON report), in a stable order; a seeded draw of N of them; and one mutant applied to its file's text.

import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../../lib/errors.ts';

export interface Position {
  /** 1-based, as in Stryker's mutation-testing report. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Mutant {
  /** A stable key: file, start, end, mutator and replacement (Stryker's own ids are a counter, renumbered when any file changes). */
  key: string;
  file: string;
  mutator: string;
  replacement: string;
  start: Position;
  end: Position;
  /** The original text the replacement takes the place of. */
  original: string;
}

interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  location: { start: Position; end: Position };
}

interface Report {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

/** Offset in `source` of a 1-based line and column. */
export function offsetOf(source: string, at: Position): number {
  let offset = 0;
  for (let line = 1; line < at.line; line++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) throw new Error(`line ${at.line} is past the end of the file (${line} lines)`);
    offset = next + 1;
  }
  return offset + at.column - 1;
}

/** A mutant that only changes what a log line says (`log.info(...)`, `ctx.log.warn(...)`) changes no behaviour the certification can see: logging is out of scope. */
export function insideLogCall(source: string, start: Position): boolean {
  const lineStart = offsetOf(source, { line: start.line, column: 1 });
  const before = source.slice(lineStart, offsetOf(source, start));
  const calls = [...before.matchAll(/\blog\.(?:info|warn|error)\(/g)];
  const last = calls.at(-1);
  if (!last) return false;
  let depth = 1;
  for (const ch of before.slice(last.index + last[0].length)) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
  }
  return depth > 0;
}

/** Reads Stryker's JSON report into the list of mutants, logging excluded, in a stable order (file, position, mutator, replacement). */
export function readMutants(reportFile: string): Mutant[] {
  let report: Report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  } catch (error) {
    throw new ConfigurationError(`${reportFile}: cannot read Stryker's JSON report (${(error as Error).message}); run without --list to produce it`);
  }
  if (typeof report !== 'object' || report === null || typeof report.files !== 'object') throw new ConfigurationError(`${reportFile}: not a Stryker JSON report (no "files")`);
  return mutantsOf(report, reportFile);
}

export function mutantsOf(report: Report, where = 'the report'): Mutant[] {
  const mutants: Mutant[] = [];
  for (const [file, entry] of Object.entries(report.files)) {
    for (const m of entry.mutants) {
      if (m.replacement === undefined) throw new ConfigurationError(`${where}: a mutant of ${file} at ${m.location.start.line}:${m.location.start.column} has no "replacement"`);
      if (insideLogCall(entry.source, m.location.start)) continue;
      const { start, end } = m.location;
      const original = entry.source.slice(offsetOf(entry.source, start), offsetOf(entry.source, end));
      mutants.push({ key: `${file}:${start.line}:${start.column}-${end.line}:${end.column}:${m.mutatorName}:${m.replacement}`, file, mutator: m.mutatorName, replacement: m.replacement, start, end, original });
    }
  }
  return mutants.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** mulberry32: a small, well-mixed 32-bit PRNG; the same seed gives the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws `n` distinct items uniformly at random (a partial Fisher-Yates shuffle), in the order drawn. */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  if (!Number.isInteger(n) || n < 1) throw new ConfigurationError(`--sample must be a whole number of at least 1 (got ${n})`);
  if (n > items.length) throw new ConfigurationError(`--sample ${n} is more than the ${items.length} mutants there are`);
  const pool = [...items];
  const random = prng(seed);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}

/**
 * The drawn items from the `from`-th to the `to`-th (1-based, both included), each with its number in the whole draw: a stopped run
 * resumes with `--from K`, and a draw can be judged in parts (`--to K` on one machine, `--from K+1` on another), numbered as the full run.
 */
export function resumeFrom<T>(drawn: readonly T[], from: number, to = drawn.length): { number: number; item: T }[] {
  if (!Number.isInteger(from) || from < 1 || from > drawn.length) throw new ConfigurationError(`--from must be a whole number from 1 to the sample size ${drawn.length} (got ${from}): it is the number of the first drawn mutant to judge`);
  if (!Number.isInteger(to) || to < from || to > drawn.length) throw new ConfigurationError(`--to must be a whole number from --from (${from}) to the sample size ${drawn.length} (got ${to}): it is the number of the last drawn mutant to judge`);
  return drawn.slice(from - 1, to).map((item, i) => ({ number: from + i, item }));
}

/** The file's text with the mutant applied; refuses when the file no longer holds the text the mutant was listed on. */
export function applyMutant(source: string, mutant: Mutant): string {
  const from = offsetOf(source, mutant.start);
  const to = offsetOf(source, mutant.end);
  if (source.slice(from, to) !== mutant.original) throw new ConfigurationError(`${mutant.file}:${mutant.start.line}:${mutant.start.column}: the file changed since the mutants were listed; list them again (run without --list)`);
  return source.slice(0, from) + mutant.replacement + source.slice(to);
}

/** The mutant in one line: file:line, mutator, and what replaces what. */
export function describeMutant(m: Mutant): string {
  const short = (s: string) => {
    const one = s.replace(/\s+/g, ' ').trim();
    return one.length > 80 ? `${one.slice(0, 77)}...` : one;
  };
  return `${m.file}:${m.start.line} ${m.mutator}: \`${short(m.original)}\` -> \`${short(m.replacement)}\``;
}

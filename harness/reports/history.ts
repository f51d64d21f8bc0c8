// Allure history across runs: each report's history/ is kept in a store outside the run folders and fed to the next report.

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileWhole } from '../../lib/files.ts';

/** The files Allure 2 reads from `<results>/history/` and writes to `<report>/history/`. */
export const historyFiles = ['history.json', 'history-trend.json', 'duration-trend.json', 'categories-trend.json', 'retry-trend.json'] as const;

/** What a report's history needs: the store it is read from and kept in, and the name of this build. */
export interface HistoryOptions {
  store: string;
  build: string;
}

/**
 * The root of the history stores: `--history-dir DIR` when given, none with `--no-history` (false),
 * else `<reports dir>/history`, so runs into separate reports folders (the self-tests) never share a trend.
 */
export function historyRoot(reportsDir: string, historyDir: string | false | undefined): string | undefined {
  if (historyDir === false) return undefined;
  return resolve(historyDir ?? join(reportsDir, 'history'));
}

const safe = (part: string): string => part.replace(/[^A-Za-z0-9._-]+/g, '-');

/**
 * The stores of a line of runs, `<root>/<environment>/<line>`, or one report's store in it with `report`.
 * The line is what runs compare with each other (`suite-<profile>`, `certify-<plan>`); the report is
 * `overall` or `partner-<id>`: each partner has a store of its own, so its trend counts only its scenarios
 * and its history never holds another partner's tests.
 */
export function historyStore(root: string, environment: string, line: string, report?: string): string {
  return join(root, safe(environment), safe(line), ...(report === undefined ? [] : [safe(report)]));
}

type HistoryFile = (typeof historyFiles)[number];

/** history.json is an object of per-test entries; the trend files are arrays of `{ data: {...} }`. */
function wellFormed(name: HistoryFile, value: unknown): boolean {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (name === 'history.json') return isObject(value) && Object.values(value).every(isObject);
  return Array.isArray(value) && value.every((item) => isObject(item) && isObject(item['data']));
}

/**
 * Before generating: copies the store's history into `<resultsDir>/history/` and numbers this build in
 * executor.json (the trend's labels). A file that cannot be read is left out and kept aside as
 * `<file>.unreadable`; one note per such file says that its trend restarts. A missing store is a first run.
 */
export function seedHistory(resultsDir: string, history: HistoryOptions): string[] {
  const notes: string[] = [];
  const target = join(resultsDir, 'history');
  // Only the store speaks: a history/ left in the results (a report generated twice) would bring back what it dropped.
  rmSync(target, { recursive: true, force: true });
  let previousBuilds = 0;
  for (const name of historyFiles) {
    const file = join(history.store, name);
    if (!existsSync(file)) continue;
    let value: unknown;
    let problem: string | undefined;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
      if (!wellFormed(name, value)) problem = name === 'history.json' ? 'not an object of test entries' : 'not a list of { data } entries';
    } catch (error) {
      problem = (error as Error).message.split('\n')[0];
    }
    if (problem !== undefined) {
      copyFileSync(file, `${file}.unreadable`);
      notes.push(`history: ${file} cannot be read (${problem}); the ${name === 'history.json' ? 'per-test history' : 'trend'} of this report restarts from this run (the old file is kept as ${name}.unreadable)`);
      continue;
    }
    mkdirSync(target, { recursive: true });
    copyFileSync(file, join(target, name));
    if (name === 'history-trend.json') {
      const entries = value as { buildOrder?: unknown }[];
      previousBuilds = Math.max(entries.length, ...entries.map((e) => (typeof e.buildOrder === 'number' ? e.buildOrder : 0)));
    }
  }
  const executorFile = join(resultsDir, 'executor.json');
  let executor: Record<string, unknown> = { type: 'harness', name: 'harness', buildName: history.build };
  if (existsSync(executorFile)) {
    try {
      executor = JSON.parse(readFileSync(executorFile, 'utf8')) as Record<string, unknown>;
    } catch {
      // Written by the harness a moment ago: rewritten whole below.
    }
  }
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(executorFile, JSON.stringify({ ...executor, buildOrder: previousBuilds + 1, reportName: executor['buildName'] ?? history.build }, null, 2));
  return notes;
}

/** The history/ files a single-file Allure report embeds (`d('history/<file>','<base64>')`), decoded. */
export function embeddedHistory(reportHtml: string): Partial<Record<HistoryFile, string>> {
  const found: Partial<Record<HistoryFile, string>> = {};
  const html = readFileSync(reportHtml, 'utf8');
  for (const match of html.matchAll(/d\('history\/([a-z-]+\.json)',\s*'([A-Za-z0-9+/=]*)'\)/g)) {
    const name = match[1] as HistoryFile;
    if ((historyFiles as readonly string[]).includes(name)) found[name] = Buffer.from(match[2] ?? '', 'base64').toString('utf8');
  }
  return found;
}

/**
 * After generating: `--single-file` writes no history/ folder, but the report embeds it; it is kept in the
 * store for the next run (each file replaced whole). Returns a note when the report embeds none.
 */
export function keepHistory(reportHtml: string, history: HistoryOptions): string | undefined {
  const files = embeddedHistory(reportHtml);
  if (Object.keys(files).length === 0) return `history: ${reportHtml} embeds no history/ files (has allure-commandline changed?); the next report will start a new trend`;
  mkdirSync(history.store, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = join(history.store, name);
    writeFileWhole(file, text);
  }
  return undefined;
}

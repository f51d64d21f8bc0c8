// Allure results around a run: environment widget, categories, synthetic results for broken set-ups, and the HTML report.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brandReport } from './certificate/branding.ts';
import { categoriesFor } from './certificate/categories.ts';
import { maskSecrets } from '../lib/mask.ts';
import { keepHistory, seedHistory, type HistoryOptions } from './history.ts';

const allureBin = join(import.meta.dirname, '..', 'node_modules', 'allure-commandline', 'dist', 'bin', 'allure');

/** Categories that tell a product defect from a broken environment, a configuration error and a flaky result. */
const categories = categoriesFor('en');

export function writeRunMetadata(resultsDir: string, environment: Record<string, string>, executor: { name: string; buildName: string; reportUrl?: string }): void {
  mkdirSync(resultsDir, { recursive: true });
  const properties = Object.entries(environment).map(([key, value]) => `${key.replace(/[\s=:]/g, '_')}=${maskSecrets(value).replace(/\n/g, ' ')}`);
  writeFileSync(join(resultsDir, 'environment.properties'), `${properties.join('\n')}\n`);
  writeFileSync(join(resultsDir, 'categories.json'), JSON.stringify(categories, null, 2));
  writeFileSync(join(resultsDir, 'executor.json'), JSON.stringify({ type: 'harness', ...executor }, null, 2));
}

/** Records a set-up or tear-down problem as a "broken" Allure result, so the report shows it. */
export function writeBrokenResult(resultsDir: string, name: string, message: string, labels: { name: string; value: string }[] = []): void {
  writeHarnessResult(resultsDir, name, 'broken', message, labels);
}

/** Records a check the harness makes itself (a gate, the catalog coverage) as an Allure result. */
export function writeHarnessResult(resultsDir: string, name: string, status: 'passed' | 'failed' | 'broken', message: string, labels: { name: string; value: string }[] = []): void {
  mkdirSync(resultsDir, { recursive: true });
  const uuid = randomUUID();
  const now = Date.now();
  const result = {
    uuid,
    historyId: `harness:${name}`,
    name,
    fullName: `harness: ${name}`,
    status,
    statusDetails: { message: maskSecrets(message) },
    stage: 'finished',
    start: now,
    stop: now,
    labels: [{ name: 'suite', value: 'Harness' }, ...labels],
    steps: [],
    attachments: [],
    parameters: [],
    links: [],
  };
  writeFileSync(join(resultsDir, `${uuid}-result.json`), JSON.stringify(result));
}

export interface ResultSummary {
  /** Distinct tests (a retried scenario counts once, by its last attempt). */
  total: number;
  byStatus: Record<string, number>;
  /** Tests that passed only on retry: in certification mode, not green. */
  flaky: number;
  problems: { name: string; status: string; message: string }[];
}

interface StoredResult {
  name: string;
  historyId?: string;
  uuid?: string;
  status?: string;
  stop?: number;
  statusDetails?: { message?: string };
}

/** A failure's message without its stack trace: the lines that name what broke (e.g. each missing instance), capped. */
function firstParagraph(message: string): string {
  const lines = message.split('\n');
  const end = lines.findIndex((line, i) => i > 0 && /^\s+at /.test(line));
  const kept = (end < 0 ? lines : lines.slice(0, end)).map((line) => line.trim()).filter(Boolean).join(' ');
  return kept.length > 600 ? `${kept.slice(0, 600)}…` : kept;
}

/** Counts the results Allure will show: by status of each test's last attempt, flaky ones apart, with the message of each that did not pass. */
export function summarizeResults(resultsDir: string): ResultSummary {
  const summary: ResultSummary = { total: 0, byStatus: {}, flaky: 0, problems: [] };
  if (!existsSync(resultsDir)) return summary;
  const attempts = new Map<string, StoredResult[]>();
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as StoredResult;
    const key = result.historyId ?? result.uuid ?? file;
    attempts.set(key, [...(attempts.get(key) ?? []), result]);
  }
  for (const tries of attempts.values()) {
    tries.sort((a, b) => (a.stop ?? 0) - (b.stop ?? 0));
    const last = tries.at(-1);
    if (!last) continue;
    const status = last.status ?? 'unknown';
    summary.total++;
    summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
    // Flaky: it passed in the end after an attempt that did not. Two passes (a scenario played twice) are not a retry.
    if (status === 'passed' && tries.some((t) => t.status !== 'passed')) summary.flaky++;
    if (status !== 'passed') summary.problems.push({ name: last.name, status, message: firstParagraph(last.statusDetails?.message ?? '') });
  }
  return summary;
}

/** A report's title (page and Overview), language, and logo (an SVG, inlined). */
export interface ReportBrand {
  title: string;
  language: 'en' | 'fr';
  logoSvg?: string | undefined;
}

/**
 * Builds the single-file HTML report; resolves to an error message when it cannot (no Java, allure failed).
 * With `history`, the report shows the trend of the runs kept in `history.store`, and this run is kept there
 * for the next; a history that cannot be read pushes one line to `notes` and the trend restarts.
 */
export async function generateHtmlReport(resultsDir: string, outDir: string, options: { history?: HistoryOptions | undefined; notes?: string[]; timeoutMs?: number; brand?: ReportBrand } = {}): Promise<string | undefined> {
  const { history, notes = [], timeoutMs = 120_000, brand } = options;
  const java = await new Promise<boolean>((resolve) => {
    const probe = spawn('java', ['-version'], { stdio: 'ignore' });
    probe.on('error', () => resolve(false));
    probe.on('exit', (code) => resolve(code === 0));
  });
  if (!java) return 'Java was not found, so the HTML report was not generated (the Allure results are kept). Install it with: apt-get install -y default-jre-headless';
  if (history) {
    try {
      notes.push(...seedHistory(resultsDir, history));
    } catch (error) {
      notes.push(`history: ${history.store} could not be read (${(error as Error).message}); the trend of this report restarts from this run`);
    }
  }
  const problem = await new Promise<string | undefined>((resolve) => {
    const named = brand ? ['--name', brand.title, '--lang', brand.language] : [];
    // ALLURE_NO_ANALYTICS: no Google Analytics tag in the report (opening it would call a third party) nor from the generator.
    const child = spawn(allureBin, ['generate', '--single-file', '--clean', ...named, resultsDir, '-o', outDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ALLURE_NO_ANALYTICS: 'true' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => resolve(`allure-commandline could not start (${error.message}); run npm ci`));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 && existsSync(join(outDir, 'index.html')) ? undefined : `allure generate failed (exit ${code}): ${output.trim().slice(-500)}`);
    });
  });
  if (problem === undefined && brand?.logoSvg) brandReport(join(outDir, 'index.html'), brand.logoSvg);
  if (problem === undefined && history) {
    try {
      const kept = keepHistory(join(outDir, 'index.html'), history);
      if (kept) notes.push(kept);
    } catch (error) {
      notes.push(`history: this run could not be kept in ${history.store} (${(error as Error).message}); the report is complete, the next one will not show it in its trend`);
    }
  }
  return problem;
}

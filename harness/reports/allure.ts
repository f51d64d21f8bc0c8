// Allure results around a run (the report only; verdicts come from Cucumber's messages): environment widget, categories, synthetic results, the HTML report.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brandReport } from './certificate/branding.ts';
import { categoriesFor } from './certificate/categories.ts';
import { maskSecrets } from '../../lib/mask.ts';
import { keepHistory, seedHistory, type HistoryOptions } from './history.ts';

const allureBin = join(import.meta.dirname, '..', '..', 'node_modules', 'allure-commandline', 'dist', 'bin', 'allure');

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

/** A report's title (page and Overview), language, and logo (an SVG, inlined). */
export interface ReportBrand {
  title: string;
  language: 'en' | 'fr';
  logoSvg?: string | undefined;
}

/**
 * The generator runs a few seconds: the JIT's first tier only and one GC thread cost half the CPU of the defaults
 * (measured on the local plan's results, 21 MB: 4.3 -> 2.1 CPU-s, 2.35 -> 1.51 s). The user's JAVA_OPTS come after, so they win.
 */
const shortLivedJvm = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

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
    const child = spawn(allureBin, ['generate', '--single-file', '--clean', ...named, resultsDir, '-o', outDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ALLURE_NO_ANALYTICS: 'true', JAVA_OPTS: [shortLivedJvm, process.env['JAVA_OPTS']].filter(Boolean).join(' ') } });
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

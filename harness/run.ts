// One certification run: environment up, Cucumber, Allure report, verdict, environment down.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEnvironment, validateEnvironment, type StartedEnvironment } from '../environments/index.ts';
import { maskSecrets } from '../lib/mask.ts';
import { redactUrl } from '../lib/url.ts';
import { ConfigurationError, EnvironmentError } from '../lib/errors.ts';
import { generateHtmlReport, summarizeResults, writeBrokenResult, writeRunMetadata, type ResultSummary } from './allure.ts';
import { profileTags, type RunArgs } from './args.ts';
import { maskFolder } from './certificate/secrets.ts';
import { historyRoot, historyStore } from './history.ts';
import { guardProduction } from './guard.ts';
import { runCucumber } from './cucumber.ts';

export type Verdict = 'passed' | 'failed' | 'broken-environment' | 'configuration-error';

export const exitCodes: Record<Verdict, number> = { passed: 0, failed: 1, 'configuration-error': 2, 'broken-environment': 3 };

export interface RunOutcome {
  runId: string;
  verdict: Verdict;
  reportDir: string;
  htmlReport: string | undefined;
  summary: ResultSummary;
  notes: string[];
}

/** "20261126-134717": a time in file names, to the second (UTC). */
export function fileStamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function newRunId(now = new Date()): string {
  return `${fileStamp(now)}-${randomBytes(2).toString('hex')}`;
}

function verdictOf(summary: ResultSummary, notes: string[], brokenEnvironment: boolean): Verdict {
  if (brokenEnvironment) return 'broken-environment';
  if (summary.problems.some((p) => p.message.includes('[configuration]'))) return 'configuration-error';
  if (summary.problems.some((p) => p.message.includes('[environment]'))) return 'broken-environment';
  if (summary.total === 0) {
    notes.push('no scenario ran: check the profile and --tags');
    return 'broken-environment';
  }
  return summary.problems.length === 0 && summary.flaky === 0 ? 'passed' : 'failed';
}

export async function certifyRun(args: RunArgs, log: (line: string) => void = console.log): Promise<RunOutcome> {
  // Refused before anything starts: a misconfigured remote environment, a non-smoke selection on production.
  validateEnvironment(args.env);
  await guardProduction(args.env, [args.tags ? `(${profileTags[args.profile]}) and (${args.tags})` : profileTags[args.profile]]);
  const runId = newRunId();
  const reportDir = resolve(args.reportsDir, runId);
  const resultsDir = join(reportDir, 'allure-results');
  const privateDir = join(tmpdir(), 'kw-harness', `${runId}-private`);
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(privateDir, { recursive: true, mode: 0o700 });
  const notes: string[] = [];
  let brokenEnvironment = false;
  let environment: StartedEnvironment | undefined;
  const metadata: Record<string, string> = { target: args.env, profile: args.profile, 'platform.version': args.version, instances: String(args.instances), run: runId };
  try {
    log(`[harness] run ${runId}: starting the ${args.env} environment (${args.instances} ${args.version} instances)`);
    const started = Date.now();
    environment = await startEnvironment(args.env, { runId, version: args.version, instances: args.instances, faults: args.faults, logDir: join(reportDir, 'logs') });
    const { descriptor } = environment;
    Object.assign(metadata, { 'mqtt.broker': redactUrl(descriptor.mqttUrl), 'database.accounts': redactUrl(descriptor.databases.accounts) });
    log(`[harness] environment up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${descriptor.platform.instances.map((i) => `${i.id} ${i.url}`).join(', ')}`);
    // The descriptor holds credentials: it stays outside the reports folder.
    const environmentFile = join(privateDir, 'environment.json');
    writeFileSync(environmentFile, JSON.stringify(descriptor), { mode: 0o600 });
    await runCucumber({ profile: args.profile, parallel: args.parallel, tags: args.tags, retry: args.retry, resultsDir, environmentFile, timeoutMs: 30 * 60_000, progress: process.stdout.isTTY ? 'progress-bar' : 'progress' });
    for (const dead of environment.deadInstances()) {
      brokenEnvironment = true;
      const message = `[environment] platform instance ${dead.id} died during the run (exit code ${dead.exitCode}, signal ${dead.signal}); see logs/platform-${dead.id}.log`;
      notes.push(message);
      writeBrokenResult(resultsDir, `Platform instance ${dead.id} stayed up`, message);
    }
  } catch (error) {
    if (!(error instanceof EnvironmentError || error instanceof ConfigurationError)) throw error;
    brokenEnvironment = error instanceof EnvironmentError;
    notes.push(error.message);
    writeBrokenResult(resultsDir, error instanceof EnvironmentError ? 'Environment set-up' : 'Configuration', error.message);
  } finally {
    if (environment) await environment.stop().catch((error: unknown) => notes.push(`tear-down: ${(error as Error).message}`));
    rmSync(privateDir, { recursive: true, force: true });
  }
  writeRunMetadata(resultsDir, metadata, { name: process.env['CI'] ? 'CI' : 'local', buildName: runId });
  // What Cucumber and the platform wrote is masked (lib/mask.ts) before the report is made from it.
  maskFolder(reportDir);
  const summary = summarizeResults(resultsDir);
  let verdict = verdictOf(summary, notes, brokenEnvironment);
  let htmlReport: string | undefined;
  if (args.html) {
    // Runs of the same profile on the same environment share a trend.
    const root = historyRoot(args.reportsDir, args.historyDir);
    const history = root ? { store: historyStore(root, args.env, `suite-${args.profile}`, 'overall'), build: runId } : undefined;
    const problem = await generateHtmlReport(resultsDir, join(reportDir, 'report'), { history, notes });
    if (problem === undefined) htmlReport = join(reportDir, 'report', 'index.html');
    else {
      notes.push(`[environment] ${problem}`);
      if (verdict === 'passed') verdict = 'broken-environment';
    }
  }
  const outcome: RunOutcome = { runId, verdict, reportDir, htmlReport, summary, notes };
  writeFileSync(join(reportDir, 'summary.json'), maskSecrets(JSON.stringify(outcome, null, 2)));
  return outcome;
}

export function printOutcome(outcome: RunOutcome, log: (line: string) => void = console.log): void {
  const { summary } = outcome;
  log('');
  for (const problem of outcome.summary.problems) log(`  ${problem.status.toUpperCase()}: ${problem.name}: ${problem.message}`);
  for (const note of outcome.notes) log(`  note: ${note}`);
  const counts = Object.entries(summary.byStatus).map(([status, n]) => `${n} ${status}`).join(', ') || 'no results';
  log(`[harness] verdict: ${outcome.verdict.toUpperCase()} (${summary.total} results: ${counts})`);
  log(`[harness] report: ${outcome.htmlReport ? pathToFileURL(outcome.htmlReport).href : `(no HTML report) results in ${join(outcome.reportDir, 'allure-results')}`}`);
}

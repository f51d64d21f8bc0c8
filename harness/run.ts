// One certification run: environment up, Cucumber, Allure report, verdict, environment down.

import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { capabilitiesOf, startEnvironment, validateEnvironment, type EnvironmentName, type StartedEnvironment } from '../environments/index.ts';
import { maskSecrets } from '../lib/mask.ts';
import { redactUrl } from '../lib/url.ts';
import { ConfigurationError, EnvironmentError } from '../lib/errors.ts';
import { generateHtmlReport, writeBrokenResult, writeHarnessResult, writeRunMetadata } from './reports/allure.ts';
import { deadInstanceFinding } from './dead-instances.ts';
import { profileTags, type RunArgs } from './args.ts';
import { readMessages } from './cucumber-messages.ts';
import { maskFolder } from './reports/certificate/secrets.ts';
import { historyRoot, historyStore } from './reports/history.ts';
import { guardProduction } from './guard.ts';
import { runCucumber } from './cucumber.ts';
import { interruption } from './interrupt.ts';
import { newRunId } from './run-folder.ts';
import { runTempDir } from './temp.ts';
import { addRun, emptySummary, type ResultSummary } from './scenario-results.ts';
import { byPrecedence, decide, interruptedBy, type Finding, type Verdict } from './verdict.ts';

export interface RunOutcome {
  runId: string;
  /** GO, NO-GO, INCOMPLETE or INTERRUPTED, as certify says it. */
  verdict: Verdict;
  exitCode: number;
  /** The deciding reason. */
  why: string;
  reportDir: string;
  htmlReport: string | undefined;
  summary: ResultSummary;
  notes: string[];
}

type Found = { finding: Finding; why: string };

/** What the run found: its scenarios' problems, what broke around them, no scenario at all, an interruption. */
function findingsOf(summary: ResultSummary, around: Found[], played: boolean): Found[] {
  const found: Found[] = [...around, ...summary.problems.map((p) => ({ finding: p.finding, why: p.status === 'run' ? p.message : `${p.status}: ${p.name} (${p.where}): ${p.message}` }))];
  if (played && summary.total === 0 && found.length === 0) found.push({ finding: 'configuration', why: 'no scenario ran: the profile and --tags select none' });
  const signal = interruption();
  if (signal) found.push({ finding: 'interrupted', why: interruptedBy(signal) });
  return byPrecedence(found);
}

/**
 * A single run starts the platform afresh, with no V9 customers to migrate: the scenarios on migrated customers
 * (`@clients-migres`) run in a certification plan after its "generate-data" step, or where the environment designates its test accounts (pre-production).
 */
export function withoutMigratedCustomers(env: EnvironmentName, tags: string | undefined, log: (line: string) => void): string | undefined {
  // The cut-over scenarios check what a plan's cohort did during its maintenance window: a single run has no window.
  log('[harness] the cut-over scenarios (@bascule) are left out: they check the cohort a certification plan runs through its maintenance window (npm start)');
  const withoutCutover = tags ? `(${tags}) and not @bascule` : 'not @bascule';
  if (capabilitiesOf(env).accounts === 'designated') return withoutCutover;
  log('[harness] scenarios on migrated customers (@clients-migres) are left out: they need the V9 customers a certification plan generates and migrates (npm start)');
  return `${withoutCutover} and not @clients-migres`;
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
  const around: Found[] = [];
  const messagesFile = join(reportDir, 'cucumber-messages.ndjson');
  let played = false;
  let environment: StartedEnvironment | undefined;
  const metadata: Record<string, string> = { target: args.env, profile: args.profile, 'platform.version': args.version, instances: String(args.instances), run: runId };
  try {
    log(`[harness] run ${runId}: starting the ${args.env} environment (${args.instances} ${args.version} instances)`);
    const started = Date.now();
    environment = await startEnvironment(args.env, { runId, version: args.version, instances: args.instances, faults: args.faults, logDir: join(reportDir, 'logs'), log });
    const { descriptor } = environment;
    Object.assign(metadata, { 'mqtt.broker': redactUrl(descriptor.mqttUrl), 'database.accounts': redactUrl(descriptor.databases.accounts) });
    log(`[harness] environment up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${descriptor.platform.instances.map((i) => `${i.id} ${i.url}`).join(', ')}`);
    // The descriptor holds credentials: it stays outside the reports folder.
    const environmentFile = join(privateDir, 'environment.json');
    writeFileSync(environmentFile, JSON.stringify(descriptor), { mode: 0o600 });
    played = !interruption();
    await runCucumber({ profile: args.profile, parallel: args.parallel, tags: withoutMigratedCustomers(args.env, args.tags, log), retry: args.retry, resultsDir, messagesFile, tempDir: runTempDir(runId), environmentFile, timeoutMs: 30 * 60_000, progress: process.stdout.isTTY ? 'progress-bar' : 'progress' });
    // A Ctrl-C in a terminal reaches the platform's processes too: their end is the interruption, not a broken environment.
    const dead = interruption() ? undefined : deadInstanceFinding(environment.deadInstances(), 'during the run');
    if (dead) {
      around.push({ finding: dead.finding, why: dead.why });
      writeHarnessResult(resultsDir, 'Platform instances stayed up', dead.status, dead.why);
    }
  } catch (error) {
    if (!(error instanceof EnvironmentError || error instanceof ConfigurationError)) throw error;
    around.push({ finding: error instanceof EnvironmentError ? 'environment' : 'configuration', why: error.message });
    writeBrokenResult(resultsDir, error instanceof EnvironmentError ? 'Environment set-up' : 'Configuration', error.message);
  } finally {
    if (environment) await environment.stop().catch((error: unknown) => notes.push(`tear-down: ${(error as Error).message}`));
    rmSync(privateDir, { recursive: true, force: true });
  }
  // What Cucumber and the platform wrote is masked (lib/mask.ts) before anything is read or reported from it.
  maskFolder(reportDir);
  const summary = played ? addRun(emptySummary(), readMessages(messagesFile)) : emptySummary();
  const findings = findingsOf(summary, around, played);
  const signal = interruption();
  if (signal) writeBrokenResult(resultsDir, 'Run interrupted', interruptedBy(signal));
  const goWhy = `all ${summary.total} scenarios passed`;
  let decision = decide(findings, goWhy);
  // The report carries the verdict (INTERRUPTED included) in its environment widget.
  writeRunMetadata(resultsDir, { ...metadata, verdict: decision.verdict }, { name: process.env['CI'] ? 'CI' : 'local', buildName: runId });
  let htmlReport: string | undefined;
  if (args.html && signal) notes.push('no HTML report: the run was interrupted (its partial results are in allure-results)');
  if (args.html && !signal) {
    // Runs of the same profile on the same environment share a trend.
    const root = historyRoot(args.reportsDir, args.historyDir);
    const history = root ? { store: historyStore(root, args.env, `suite-${args.profile}`, 'overall'), build: runId } : undefined;
    const problem = await generateHtmlReport(resultsDir, join(reportDir, 'report'), { history, notes });
    if (problem === undefined) htmlReport = join(reportDir, 'report', 'index.html');
    else decision = decide([...findings, { finding: 'environment', why: `[environment] ${problem}` }], goWhy);
  }
  const outcome: RunOutcome = { runId, verdict: decision.verdict, exitCode: decision.exitCode, why: decision.why, reportDir, htmlReport, summary, notes };
  writeFileSync(join(reportDir, 'summary.json'), maskSecrets(JSON.stringify(outcome, null, 2)));
  return outcome;
}

export function printOutcome(outcome: RunOutcome, log: (line: string) => void = console.log): void {
  const { summary } = outcome;
  log('');
  for (const problem of outcome.summary.problems) log(`  ${problem.status.toUpperCase()}: ${problem.status === 'run' ? '' : `${problem.name} (${problem.where}): `}${problem.message}`);
  for (const note of outcome.notes) log(`  note: ${note}`);
  const counts = Object.entries(summary.byStatus).map(([status, n]) => `${n} ${status}`).join(', ') || 'none';
  log(`[harness] verdict: ${outcome.verdict} (${outcome.why}); ${summary.total} scenarios: ${counts}`);
  log(`[harness] report: ${outcome.htmlReport ? pathToFileURL(outcome.htmlReport).href : `(no HTML report) results in ${join(outcome.reportDir, 'allure-results')}`}`);
}

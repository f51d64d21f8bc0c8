// `run`: the profile's scenarios as a one-phase plan, played like `certify`'s (harness/play.ts); its verdict, report and summary.json.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { capabilitiesOf, validateEnvironment, type EnvironmentName } from '../environments/index.ts';
import { maskSecrets } from '../lib/mask.ts';
import { redactUrl } from '../lib/url.ts';
import { generateHtmlReport, writeRunMetadata } from './reports/allure.ts';
import { profileTags, type RunArgs } from './args.ts';
import { maskFolder } from './reports/certificate/secrets.ts';
import { historyRoot, historyStore } from './reports/history.ts';
import { guardProduction } from './guard.ts';
import { printOutcome } from './reports/outcome.ts';
import { playOnEnvironment, type Played } from './play.ts';
import type { Plan } from './plan/types.ts';
import { openRunFolder } from './run-folder.ts';
import { emptySummary, type ResultSummary } from './reports/scenario-results.ts';
import { decide, type Decision, type Verdict } from './verdict.ts';

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

/**
 * A single run starts the platform afresh, with no V9 customers to migrate: the scenarios on migrated customers
 * (`@clients-migres`) run in a certification plan after its "generate-data" step, or where the environment designates its test accounts (pre-production).
 */
export function withoutMigratedCustomers(env: EnvironmentName, tags: string | undefined, log: (line: string) => void): string {
  // The cut-over scenarios check what a plan's cohort did during its maintenance window: a single run has no window.
  log('[harness] the cut-over scenarios (@bascule) are left out: they check the cohort a certification plan runs through its maintenance window (npm start)');
  const withoutCutover = tags ? `(${tags}) and not @bascule` : 'not @bascule';
  if (capabilitiesOf(env).accounts === 'designated') return withoutCutover;
  log('[harness] scenarios on migrated customers (@clients-migres) are left out: they need the V9 customers a certification plan generates and migrates (npm start)');
  return `${withoutCutover} and not @clients-migres`;
}

/** `run` as a plan: one phase that plays the profile's scenarios (minus those a single run cannot play) and requires them all to pass. */
export function runPlan(args: RunArgs, log: (line: string) => void): Plan {
  return {
    name: `run (profile ${args.profile})`,
    file: 'the run command',
    platform: { version: args.version, instances: args.instances },
    phases: [{ id: 'run', title: `Scenarios of the ${args.profile} profile`, steps: [{ kind: 'run', tags: withoutMigratedCustomers(args.env, args.tags, log) }], gate: { scenarios: 'all-passed' } }],
  };
}

/** The verdict of a played run: its one gate's, or the interruption's; GO when every scenario passed. */
export function decideRun(played: Pick<Played, 'phases' | 'interrupted'>): Decision {
  const [phase] = played.phases;
  const summary = phase?.results ?? emptySummary();
  const gate = phase?.gate;
  const findings = [
    ...(played.interrupted ? [{ finding: 'interrupted' as const, why: played.interrupted }] : []),
    ...(gate?.finding ? [{ finding: gate.finding, why: gate.reasons[0] ?? gate.verdict }] : []),
  ];
  return decide(findings, `all ${summary.total} scenarios passed`);
}

export async function certifyRun(args: RunArgs, log: (line: string) => void = console.log): Promise<RunOutcome> {
  // Refused before anything starts: a misconfigured remote environment, a non-smoke selection on production.
  validateEnvironment(args.env);
  await guardProduction(args.env, [args.tags ? `(${profileTags[args.profile]}) and (${args.tags})` : profileTags[args.profile]]);
  const folder = openRunFolder(args.reportsDir);
  const { runId, runDir: reportDir, resultsDir } = folder;
  const plan = runPlan(args, log);
  log(`[harness] run ${runId}: starting the ${args.env} environment (${args.instances} ${args.version} instances)`);
  const played = await playOnEnvironment(plan, {
    env: args.env, folder, faults: args.faults, parallel: args.parallel, log,
    cucumber: { profile: args.profile, retry: args.retry, progress: process.stdout.isTTY ? 'progress-bar' : 'progress' },
  });
  const notes = played.notes.map((note) => note.replace(/^\[environment\] tear-down/, 'tear-down'));
  // What Cucumber and the platform wrote is masked (lib/mask.ts) before anything is reported from it.
  maskFolder(reportDir);
  const summary = played.phases[0]?.results ?? emptySummary();
  let decision = decideRun(played);
  const { descriptor } = played;
  const metadata: Record<string, string> = {
    target: args.env, profile: args.profile, 'platform.version': args.version, instances: String(args.instances), run: runId,
    ...(descriptor ? { 'mqtt.broker': redactUrl(descriptor.mqttUrl), 'database.accounts': redactUrl(descriptor.databases.accounts) } : {}),
  };
  // The report carries the verdict (INTERRUPTED included) in its environment widget.
  writeRunMetadata(resultsDir, { ...metadata, verdict: decision.verdict }, { name: process.env['CI'] ? 'CI' : 'local', buildName: runId });
  let htmlReport: string | undefined;
  if (args.html && played.interrupted) notes.push('no HTML report: the run was interrupted (its partial results are in allure-results)');
  if (args.html && !played.interrupted) {
    // Runs of the same profile on the same environment share a trend.
    const root = historyRoot(args.reportsDir, args.historyDir);
    const history = root ? { store: historyStore(root, args.env, `suite-${args.profile}`, 'overall'), build: runId } : undefined;
    const problem = await generateHtmlReport(resultsDir, join(reportDir, 'report'), { history, notes });
    if (problem === undefined) htmlReport = join(reportDir, 'report', 'index.html');
    else if (decision.cause === undefined || decision.cause === 'incomplete') decision = decide([{ finding: 'environment', why: `[environment] ${problem}` }], '');
  }
  const outcome: RunOutcome = { runId, verdict: decision.verdict, exitCode: decision.exitCode, why: decision.why, reportDir, htmlReport, summary, notes };
  writeFileSync(join(reportDir, 'summary.json'), maskSecrets(JSON.stringify(outcome, null, 2)));
  return outcome;
}

/** Prints how the run ended: each problem, the notes, the verdict with the scenario counts, the report. */
export function printRunOutcome(outcome: RunOutcome, log: (line: string) => void = console.log): void {
  const { summary } = outcome;
  const counts = Object.entries(summary.byStatus).map(([status, n]) => `${n} ${status}`).join(', ') || 'none';
  printOutcome({
    details: summary.problems.map((problem) => `${problem.status.toUpperCase()}: ${problem.status === 'run' ? '' : `${problem.name} (${problem.where}): `}${problem.message}`),
    notes: outcome.notes,
    label: 'verdict', verdict: outcome.verdict, why: outcome.why, tail: `; ${summary.total} scenarios: ${counts}`,
    links: [{ name: 'report', file: outcome.htmlReport, fallback: `(no HTML report) results in ${join(outcome.reportDir, 'allure-results')}` }],
  }, log);
}

// Scenario results from Cucumber's own messages: a step that did not run never passes, and each problem says what kind it is.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMessages, type Attempt, type CucumberMessages, type StepOutcome } from './cucumber-messages.ts';
import { findingOfMessage, type Finding } from '../verdict.ts';

export type ScenarioStatus = 'passed' | 'flaky' | 'failed' | 'broken' | 'configuration' | 'undefined' | 'pending' | 'ambiguous' | 'skipped' | 'not-run';

export interface Problem {
  name: string;
  /** `features/x.feature:12`; the run itself for problems of the whole run. */
  where: string;
  status: ScenarioStatus | 'run';
  finding: Finding;
  message: string;
}

export interface ResultSummary {
  /** Distinct scenarios (a retried scenario counts once, by its last attempt). */
  total: number;
  byStatus: Record<string, number>;
  /** Scenarios that passed only on retry: not green. */
  flaky: number;
  /** Every scenario that did not pass cleanly, and every problem of the run as a whole (a parse error, a failed BeforeAll). */
  problems: Problem[];
  /** Scenario statuses by the partner their steps labelled them with. */
  byPartner: Record<string, Record<string, number>>;
}

export const emptySummary = (): ResultSummary => ({ total: 0, byStatus: {}, flaky: 0, problems: [], byPartner: {} });

/** Cucumber's own order, worst last: the worst step decides an attempt. */
const severity = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

/** A failure's message without its stack trace: the lines that name what broke, capped. */
function firstParagraph(message: string): string {
  const lines = message.split('\n');
  const end = lines.findIndex((line, i) => i > 0 && /^\s+at /.test(line));
  const kept = (end < 0 ? lines : lines.slice(0, end)).map((line) => line.trim()).filter(Boolean).join(' ');
  return kept.length > 600 ? `${kept.slice(0, 600)}…` : kept;
}

function worstStep(attempt: Attempt): StepOutcome | undefined {
  let worst: StepOutcome | undefined;
  for (const step of attempt.steps) if (!worst || severity.indexOf(step.result.status) > severity.indexOf(worst.result.status)) worst = step;
  return worst;
}

/**
 * What a failed step found. The error's type decides: an assertion is the product's failure even when its message
 * quotes an environment error as its evidence (an instance that does not answer /health, while the others do). An
 * untyped error counts by the marker its message starts with, else as a product failure.
 */
export function findingOfFailure(type: string | undefined, message: string): Finding {
  if (type === 'EnvironmentError') return 'environment';
  if (type === 'ConfigurationError') return 'configuration';
  if (type !== undefined && /AssertionError$/.test(type)) return 'product';
  const lead = /^\s*(?:\w+: )?(\[(?:environment|configuration|interrupted)\])/.exec(message)?.[1];
  return (lead ? findingOfMessage(lead) : undefined) ?? 'product';
}

/** What one attempt came to, and why, naming the step and its file:line. */
export function judgeAttempt(attempt: Attempt): { status: ScenarioStatus; finding: Finding | undefined; message: string } {
  const step = worstStep(attempt);
  const named = step ? `step "${step.text}" (${step.where})` : '';
  if (!attempt.finished) return { status: 'not-run', finding: 'incomplete', message: 'the scenario did not finish: the run ended during it' };
  if (!step) return { status: 'not-run', finding: 'incomplete', message: 'the scenario has no step: it checks nothing' };
  const { status, exception, message } = step.result;
  if (status === 'PASSED') return { status: 'passed', finding: undefined, message: '' };
  if (status === 'FAILED') {
    const text = exception?.message ?? message ?? '';
    const finding = findingOfFailure(exception?.type, text);
    const word = finding === 'environment' ? 'broken' : finding === 'configuration' ? 'configuration' : 'failed';
    return { status: word, finding, message: `${firstParagraph(text)} (at ${named})` };
  }
  if (status === 'UNDEFINED') return { status: 'undefined', finding: 'incomplete', message: `test defect: undefined ${named}: no step definition matches it; write one in steps/ (the scenario did not run)` };
  if (status === 'PENDING') return { status: 'pending', finding: 'incomplete', message: `test defect: pending ${named}: its definition is not written yet (it returns "pending"; the scenario did not run)` };
  if (status === 'AMBIGUOUS') return { status: 'ambiguous', finding: 'incomplete', message: `test defect: ambiguous ${named}: ${step.definitions.length} step definitions match it: ${step.definitions.join(', ')}; keep one (the scenario did not run)` };
  return { status: 'skipped', finding: 'incomplete', message: `test defect: ${named} was skipped, so the scenario did not run to its end` };
}

function runProblems(messages: CucumberMessages, label: string): Problem[] {
  const run = (finding: Finding, message: string): Problem => ({ name: label, where: 'the run', status: 'run', finding, message });
  return [
    ...messages.parseErrors.map((e) => run('configuration', `a feature file does not parse: ${e}`)),
    ...messages.undefinedParameterTypes.map((p) => run('incomplete', `test defect: a step definition uses the parameter type ${p}, which no defineParameterType defines: the steps using it are undefined`)),
    ...messages.runErrors.map((e) => run(findingOfMessage(e) ?? 'incomplete', e)),
    ...(messages.finished ? [] : [run('incomplete', 'Cucumber stopped before the end of its run (see its output above): the scenarios it did not finish were not tested')]),
  ];
}

/** Adds one Cucumber run's scenarios and problems to `summary`. */
export function addRun(summary: ResultSummary, messages: CucumberMessages, label = 'Cucumber run'): ResultSummary {
  for (const { pickle, where, attempts } of messages.testCases.values()) {
    const last = attempts.at(-1);
    // A scenario selected but never started, in a run that did finish, was not tested.
    const judged = last ? judgeAttempt(last) : messages.finished ? { status: 'not-run' as const, finding: 'incomplete' as const, message: 'the scenario was selected but never started' } : undefined;
    if (!judged) continue;
    const earlier = attempts.slice(0, -1).map(judgeAttempt).find((j) => j.status !== 'passed');
    // Flaky: it passed in the end after an attempt that did not; it counts as what that attempt found.
    const result = judged.status === 'passed' && earlier ? { status: 'flaky' as const, finding: earlier.finding, message: `passed only on retry, after: ${earlier.message}` } : judged;
    summary.total++;
    summary.byStatus[result.status] = (summary.byStatus[result.status] ?? 0) + 1;
    if (result.status === 'flaky') summary.flaky++;
    if (result.finding) summary.problems.push({ name: pickle.name, where, status: result.status, finding: result.finding, message: result.message });
    for (const partner of new Set(attempts.flatMap((a) => a.partners))) {
      const counts = (summary.byPartner[partner] ??= {});
      counts[result.status] = (counts[result.status] ?? 0) + 1;
    }
  }
  summary.problems.push(...runProblems(messages, label));
  return summary;
}

/** The summary of every Cucumber run whose messages are in `dir` (`*.ndjson`, one file per run). */
export function summarizeMessagesDir(dir: string): ResultSummary {
  const summary = emptySummary();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ndjson')).sort() : [];
  for (const file of files) addRun(summary, readMessages(join(dir, file)), `Cucumber run ${file}`);
  return summary;
}

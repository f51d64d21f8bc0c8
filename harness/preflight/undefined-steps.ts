// A Cucumber dry run of the selected scenarios: every step with no definition (or several) named with its text and file:line, before anything starts.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope, FeatureChild, RuleChild } from '@cucumber/messages';
import { defaultCatalogDir } from '../../catalog/index.ts';
import type { Capabilities, EnvironmentDescriptor } from '../../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';

const root = join(import.meta.dirname, '..', '..');
const cucumberBin = join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');

export interface StepProblem {
  kind: 'undefined' | 'ambiguous';
  text: string;
  /** features/x.feature:14 */
  where: string;
}

/**
 * The step definitions load in their own process, with an environment descriptor that has no address: a dry run calls
 * no step and no hook, so nothing is contacted.
 */
function placeholderDescriptor(dir: string): string {
  const file = join(dir, 'environment.json');
  const capabilities: Capabilities = { writes: 'none', selection: 'smoke', accounts: 'created', faults: false, testClock: false, opsTool: false };
  const descriptor: EnvironmentDescriptor = { name: 'preflight', runId: 'preflight', capabilities, platform: { expectedVersion: 'v10', instances: [] }, mqttUrl: '', databases: { accounts: '', events: '', media: '' }, databaseServer: '', stubsUrl: '', catalogDir: defaultCatalogDir, testAccounts: [] };
  writeFileSync(file, JSON.stringify(descriptor), { mode: 0o600 });
  return file;
}

/**
 * Undefined and ambiguous steps of the scenarios `--profile profile --tags tags` selects; a dry run that cannot load the steps is a configuration error.
 * The deadline leaves room for several shards starting at once on one machine (it takes 2-3 s alone, 10 s and more beside them).
 */
export async function stepProblems(profile: string, tags: string | undefined, deadlineMs = 30_000): Promise<StepProblem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kw-preflight-'));
  try {
    // To a file, not stdout: the profile's forceExit ends the process before a pipe is drained.
    const messages = join(dir, 'messages.ndjson');
    const args = [cucumberBin, '--dry-run', '--profile', profile, '--format', `message:${messages}`, ...(tags ? ['--tags', tags] : [])];
    const { code, stderr } = await run(args, { ...process.env, HARNESS_ENV_FILE: placeholderDescriptor(dir) }, deadlineMs);
    const text = existsSync(messages) ? readFileSync(messages, 'utf8') : '';
    const envelopes = text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Envelope);
    const problems = problemsOf(envelopes);
    if (problems.length === 0 && code !== 0) {
      const first = stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${code}`;
      throw new ConfigurationError(`the step definitions (steps/) do not load in a Cucumber dry run: ${first.trim()}`);
    }
    // An unfinished message stream would hide undefined steps: never read it as "none".
    if (!envelopes.some((e) => e.testRunFinished)) throw new EnvironmentError(`the Cucumber dry run wrote no complete result to ${messages} (exit code ${code}); run it again`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(args: string[], env: NodeJS.ProcessEnv, deadlineMs: number): Promise<{ code: number; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EnvironmentError(`the Cucumber dry run that looks for undefined steps did not finish within ${deadlineMs / 1000} s (is the machine overloaded?)`));
    }, deadlineMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new EnvironmentError(`cucumber-js could not start for the dry run (${error.message}); run npm ci`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stderr });
    });
  });
}

/** Steps matched by no definition or by several, from the dry run's messages, once each (a Background step repeats in every scenario). */
export function problemsOf(envelopes: readonly Envelope[]): StepProblem[] {
  const stepLines = new Map<string, number>();
  const pickleSteps = new Map<string, { text: string; uri: string; astNodeId: string }>();
  const problems = new Map<string, StepProblem>();
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument) collectStepLines(envelope.gherkinDocument.feature?.children ?? [], stepLines);
    for (const step of envelope.pickle?.steps ?? []) pickleSteps.set(step.id, { text: step.text, uri: envelope.pickle?.uri ?? '?', astNodeId: step.astNodeIds[0] ?? '' });
  }
  for (const envelope of envelopes) {
    for (const testStep of envelope.testCase?.testSteps ?? []) {
      if (testStep.pickleStepId === undefined || testStep.stepDefinitionIds === undefined) continue;
      const count = testStep.stepDefinitionIds.length;
      if (count === 1) continue;
      const step = pickleSteps.get(testStep.pickleStepId);
      const where = `${step?.uri ?? '?'}:${stepLines.get(step?.astNodeId ?? '') ?? '?'}`;
      problems.set(where, { kind: count === 0 ? 'undefined' : 'ambiguous', text: step?.text ?? '?', where });
    }
  }
  return [...problems.values()];
}

function collectStepLines(children: readonly (FeatureChild | RuleChild)[], lines: Map<string, number>): void {
  for (const child of children) {
    if ('rule' in child && child.rule) collectStepLines(child.rule.children, lines);
    for (const step of [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])]) lines.set(step.id, step.location.line);
  }
}

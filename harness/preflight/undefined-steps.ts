// A Cucumber dry run of the selected scenarios: every step with no definition (or several) named with its text and file:line, before anything starts.
// The whole profile's result is kept by the suite's content, so that the next run of the same suite needs no dry run.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, globSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Envelope, FeatureChild, RuleChild } from '@cucumber/messages';
import { defaultCatalogDir } from '../../catalog/index.ts';
import type { Capabilities, EnvironmentDescriptor } from '../../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { writeFileWhole } from '../../lib/files.ts';
import { features } from '../scenarios.ts';
import { suitePaths } from '../suite-paths.ts';
import { collectScenarioLines, scenarioLine, select } from './features.ts';

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
 * Undefined and ambiguous steps of the scenarios `--profile profile --tags tags` selects; a dry run that cannot load the
 * steps is a configuration error. The dry run plays the whole profile once and its result is kept by the content of the
 * suite (suiteKey): a run of the same suite, whatever its tags, reads it instead of starting Cucumber again (1-2 CPU-s
 * and as many seconds before every run or certification). A selected scenario the kept result does not list (it cannot
 * happen with the same content) gets a dry run of its own selection, as before.
 */
export async function stepProblems(profile: string, tags: string | undefined, options: StepProblemsOptions = {}): Promise<StepProblem[]> {
  const deadlineMs = options.deadlineMs ?? 30_000;
  const dryRun = options.dryRun ?? dryRunProblems;
  const selected = select(await features(profile), tags);
  const kept = await profileProblems(profile, options.cacheDir ?? preflightCache, dryRun, deadlineMs);
  if (!selected.every((s) => s.where in kept)) return Object.values(await dryRun(profile, tags, deadlineMs)).flat().filter(once());
  return selected.flatMap((s) => kept[s.where] ?? []).filter(once());
}

export interface StepProblemsOptions {
  /** The dry run's: room for several shards or detection runs starting at once on one machine (2-3 s alone, 10 s and more beside them). */
  deadlineMs?: number;
  /** Where the whole profile's result is kept, by suiteKey. */
  cacheDir?: string;
  /** The dry run: each selected scenario's problems by its `features/x.feature:12`. */
  dryRun?: (profile: string, tags: string | undefined, deadlineMs: number) => Promise<Record<string, StepProblem[]>>;
}

/** Each step once, in order (a Background step repeats in every scenario). */
const once = () => {
  const seen = new Set<string>();
  return (p: StepProblem) => !seen.has(p.where) && Boolean(seen.add(p.where));
};

/**
 * In node_modules/.cache, beside Node's compile cache: the user's own, not a shared /tmp where another user could
 * plant a result. HARNESS_PREFLIGHT_CACHE given to the harness wins.
 */
const preflightCache = process.env['HARNESS_PREFLIGHT_CACHE'] || join(root, 'node_modules', '.cache', 'kw-preflight');

/** Results kept at most: one per suite content and profile, the oldest removed first. */
const keptResults = 24;

async function profileProblems(profile: string, cacheDir: string, dryRun: NonNullable<StepProblemsOptions['dryRun']>, deadlineMs: number): Promise<Record<string, StepProblem[]>> {
  const file = join(cacheDir, `${suiteKey(profile)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, StepProblem[]>;
  } catch {
    // Not kept yet (or unreadable): the dry run below.
  }
  const found = await dryRun(profile, undefined, deadlineMs);
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    writeFileWhole(file, JSON.stringify(found));
    const all = readdirSync(cacheDir).filter((f) => f.endsWith('.json')).map((f) => ({ f, at: statSync(join(cacheDir, f)).mtimeMs })).sort((a, b) => b.at - a.at);
    for (const { f } of all.slice(keptResults)) rmSync(join(cacheDir, f), { force: true });
  } catch {
    // A cache that cannot be written costs the next run a dry run, nothing else.
  }
  return found;
}

/** The folders whose files the step definitions are, or import: a change in any of them may define or undefine a step. */
const sourceDirs = ['steps', 'catalog', 'drivers', 'simulators', 'lib', 'environments', 'harness'];

/**
 * What a dry run's result depends on, hashed: the profile; the variables that point the suite elsewhere; the content of
 * the feature files the profile reads, of the step definitions and every folder they import from, of cucumber.js and of
 * package-lock.json (Cucumber's own version); the Node version.
 */
export function suiteKey(profile: string, env: NodeJS.ProcessEnv = process.env, base = root): string {
  const hash = createHash('sha256');
  const variables = ['HARNESS_FEATURES', 'HARNESS_SUITE_DIR', 'HARNESS_CATALOG_DIR'].map((name) => `${name}=${env[name] ?? ''}`);
  hash.update(['kw-preflight 1', profile, process.version, ...variables].join('\n'));
  const { features: featureGlobs, support } = suitePaths(env);
  const files = new Set<string>([...featureGlobs, ...support].flatMap((glob) => globSync(glob, { cwd: base })));
  for (const dir of [...sourceDirs, env['HARNESS_CATALOG_DIR']].filter((d): d is string => Boolean(d))) {
    for (const file of globSync(`${dir}/**/*`, { cwd: base })) files.add(file);
  }
  files.add('cucumber.js').add('package-lock.json');
  for (const file of [...files].sort()) {
    let content: Buffer;
    try {
      content = readFileSync(isAbsolute(file) ? file : join(base, file));
    } catch {
      continue; // a folder, or gone meanwhile
    }
    hash.update(`\0${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex').slice(0, 32);
}

/** A Cucumber dry run of `--profile profile --tags tags`: each scenario's undefined and ambiguous steps, by scenario. */
async function dryRunProblems(profile: string, tags: string | undefined, deadlineMs: number): Promise<Record<string, StepProblem[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'kw-preflight-'));
  try {
    // To a file, not stdout: the profile's forceExit ends the process before a pipe is drained.
    const messages = join(dir, 'messages.ndjson');
    const args = [cucumberBin, '--dry-run', '--profile', profile, '--format', `message:${messages}`, ...(tags ? ['--tags', tags] : [])];
    const { code, stderr } = await run(args, { ...process.env, HARNESS_ENV_FILE: placeholderDescriptor(dir) }, deadlineMs);
    const text = existsSync(messages) ? readFileSync(messages, 'utf8') : '';
    const envelopes = text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Envelope);
    const byScenario = problemsByScenario(envelopes);
    if (Object.values(byScenario).every((p) => p.length === 0) && code !== 0) {
      const first = stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${code}`;
      throw new ConfigurationError(`the step definitions (steps/) do not load in a Cucumber dry run: ${first.trim()}`);
    }
    // An unfinished message stream would hide undefined steps: never read it as "none".
    if (!envelopes.some((e) => e.testRunFinished)) throw new EnvironmentError(`the Cucumber dry run wrote no complete result to ${messages} (exit code ${code}); run it again`);
    return byScenario;
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
  return Object.values(problemsByScenario(envelopes)).flat().filter(once());
}

/**
 * Each scenario's steps matched by no definition or by several, by the scenario's `features/x.feature:12`, named as
 * harness/preflight/features.ts names it (scenarioLine); every scenario of the dry run is listed, with none.
 */
export function problemsByScenario(envelopes: readonly Envelope[]): Record<string, StepProblem[]> {
  const stepLines = new Map<string, number>();
  const scenarioLines = new Map<string, number>();
  const pickleSteps = new Map<string, { text: string; uri: string; astNodeId: string }>();
  const pickles = new Map<string, string>();
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument) {
      collectStepLines(envelope.gherkinDocument.feature?.children ?? [], stepLines);
      collectScenarioLines(envelope.gherkinDocument.feature?.children ?? [], scenarioLines);
    }
    const pickle = envelope.pickle;
    if (!pickle) continue;
    for (const step of pickle.steps) pickleSteps.set(step.id, { text: step.text, uri: pickle.uri, astNodeId: step.astNodeIds[0] ?? '' });
    pickles.set(pickle.id, `${pickle.uri}:${scenarioLine(pickle, scenarioLines)}`);
  }
  const byScenario: Record<string, StepProblem[]> = {};
  for (const envelope of envelopes) {
    const testCase = envelope.testCase;
    if (!testCase) continue;
    const scenario = pickles.get(testCase.pickleId) ?? `?:${testCase.pickleId}`;
    const problems = (byScenario[scenario] ??= []);
    for (const testStep of testCase.testSteps) {
      if (testStep.pickleStepId === undefined || testStep.stepDefinitionIds === undefined) continue;
      const count = testStep.stepDefinitionIds.length;
      if (count === 1) continue;
      const step = pickleSteps.get(testStep.pickleStepId);
      problems.push({ kind: count === 0 ? 'undefined' : 'ambiguous', text: step?.text ?? '?', where: `${step?.uri ?? '?'}:${stepLines.get(step?.astNodeId ?? '') ?? '?'}` });
    }
  }
  return byScenario;
}

/** The line of every step, by AST node id. */
function collectStepLines(children: readonly (FeatureChild | RuleChild)[], lines: Map<string, number>): void {
  for (const child of children) {
    if ('rule' in child && child.rule) collectStepLines(child.rule.children, lines);
    for (const step of [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])]) lines.set(step.id, step.location.line);
  }
}

// Preflight: everything checkable is checked before an environment starts (and in --dry-run), each problem one line naming the file, flag or variable.

import { loadCatalog, type Catalog } from '../../catalog/index.ts';
import { environmentKind, faultProblem, validateEnvironment, type EnvironmentName } from '../../environments/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import type { RunArgs } from '../args.ts';
import type { CertifyArgs } from '../certify-args.ts';
import { guardProduction, guardRemote } from '../guard.ts';
import { displayPath } from '../plan/load.ts';
import type { Plan } from '../plan/types.ts';
import { features } from '../scenarios.ts';
import { select, tagSyntaxError } from './features.ts';
import { maxMessageLength, oneLine } from './lines.ts';
import { preflightRemote } from './remote.ts';
import { stepProblems } from './undefined-steps.ts';

/** A tag expression to check, and where it was given: `--tags` or `plan.yaml phases[1].steps[0].run`. */
export interface Selection {
  tags: string | undefined;
  source: string;
}

export interface PreflightInput {
  env: EnvironmentName;
  /** The Cucumber profile the runs use (its paths and tags). */
  profile: string;
  selections: Selection[];
  faults: string[];
  instances: number;
  plan?: Plan;
}

/** At most this many problems are printed, each on one line: the first ones are enough to start fixing. */
const maxProblems = 5;

/** A configuration error of one line per problem: `[configuration] <problem>`, then `  <problem>` for the others. */
function refuse(problems: readonly string[]): never {
  const shown = problems.slice(0, maxProblems).map((p) => oneLine(p, maxMessageLength));
  const more = problems.length > maxProblems ? [`(and ${problems.length - maxProblems} more)`] : [];
  throw new ConfigurationError([...shown, ...more].join('\n  '));
}

/** A configuration error thrown by a loader (several lines: a title and a list), as one line per problem. */
function fold(error: unknown): never {
  if (!(error instanceof ConfigurationError)) throw error;
  const [title = '', ...items] = error.message.replace(/^\[configuration\] /, '').split('\n').map((line) => line.replace(/^\s*(- )?/, ''));
  refuse(items.length === 0 ? [title] : items.map((item) => `${title.replace(/:$/, '')}: ${item}`));
}

function checkCatalog(): Catalog {
  try {
    return loadCatalog();
  } catch (error) {
    return fold(error);
  }
}

function checkEnvironmentAndFaults(input: PreflightInput, catalog: Catalog): void {
  try {
    validateEnvironment(input.env);
  } catch (error) {
    fold(error);
  }
  guardRemote(input.env, input.faults, input.plan);
  const problems = input.faults.map((f) => faultProblem(f, catalog, input.instances)).filter((p): p is string => p !== undefined);
  if (problems.length > 0) refuse(problems);
}

async function checkSelections(input: PreflightInput): Promise<void> {
  const syntax = input.selections.flatMap(({ tags, source }) => {
    const error = tags === undefined ? undefined : tagSyntaxError(tags);
    return error ? [`${source}: ${error} (tag expressions: @tag, not, and, or, parentheses)`] : [];
  });
  if (syntax.length > 0) refuse(syntax);
  const found = await features(input.profile).catch((error: unknown) => {
    if (!(error instanceof ConfigurationError)) throw error;
    return refuse(error.message.replace(/^\[configuration\] /, '').split('\n'));
  });
  const empty = input.selections.filter(({ tags }) => select(found, tags).length === 0);
  if (empty.length > 0) refuse(empty.map(({ tags, source }) => `${source} "${tags ?? ''}" selects no scenario of ${found.paths.join(', ')} with the ${input.profile} profile (${found.profileTags}); check the tag names`));
  await guardProduction(input.env, input.selections.map(({ tags }) => (tags ? `(${found.profileTags}) and (${tags})` : found.profileTags)));
}

async function checkSteps(input: PreflightInput): Promise<void> {
  // HARNESS_PREFLIGHT_STEPS=off (self-tests only) skips this first line, to prove the second: the verdict from Cucumber's messages.
  if (input.selections.length === 0 || process.env['HARNESS_PREFLIGHT_STEPS'] === 'off') return;
  const tags = input.selections.map((s) => s.tags).filter((t): t is string => Boolean(t));
  const problems = await stepProblems(input.profile, tags.length === 0 ? undefined : tags.map((t) => `(${t})`).join(' or '));
  if (problems.length > 0) refuse(problems.map((p) => `${p.where}: the step "${p.text}" ${p.kind === 'undefined' ? 'has no definition: write it in steps/ or reword it' : 'matches several definitions: make them distinct'}`));
}

/** Checks, in order, stopping at the first that fails: catalog, environment and faults, tag expressions and features, steps. */
export async function preflight(input: PreflightInput, log: (line: string) => void = console.log): Promise<void> {
  const started = performance.now();
  const catalog = checkCatalog();
  checkEnvironmentAndFaults(input, catalog);
  await checkSelections(input);
  await checkSteps(input);
  log(`[harness] preflight passed in ${((performance.now() - started) / 1000).toFixed(1)} s: catalog, ${input.env} configuration, faults, tag expressions, Gherkin, steps`);
}

export function preflightRun(args: RunArgs, log?: (line: string) => void): Promise<void> {
  return preflight({ env: args.env, profile: args.profile, selections: [{ tags: args.tags, source: args.tags === undefined ? `--profile ${args.profile}` : '--tags' }], faults: args.faults, instances: args.instances }, log);
}

export function preflightCertify(args: CertifyArgs, plan: Plan, log?: (line: string) => void): Promise<void> {
  const file = displayPath(plan.file);
  const selections = plan.phases.flatMap((phase, i) => phase.steps.flatMap((step, j) => (step.kind === 'run' ? [{ tags: step.tags, source: `${file} phases[${i}].steps[${j}].run` }] : [])));
  return preflight({ env: args.env, profile: 'default', selections, faults: args.faults, instances: args.instances ?? plan.platform.instances, plan }, log);
}

/** Where the platform runs elsewhere (pre-production, production): every instance, database and the broker answer before any scenario (exit 3 otherwise). */
export async function reachRemote(env: EnvironmentName): Promise<void> {
  const kind = environmentKind(env);
  if (kind.remote) await preflightRemote(env, kind.remote(process.env));
}

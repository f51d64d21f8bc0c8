// Loads and validates a plan file; every error names the file, the key and the expected form.

import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '../../lib/errors.ts';
import { actionNames, actions, isActionName, type ActionName, type ActionSpec } from './actions.ts';
import type { Gate, Phase, Plan, PlanStep } from './types.ts';

export const plansDir = join(import.meta.dirname, '..', 'plans');

/** Relative to the working directory when inside it (editors open it), else as given. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A misspelt key (`tgas` for `run`) would otherwise be ignored silently: refused at every level, with its path. */
function refuseUnknownKeys(raw: Raw, at: string, known: readonly string[], fail: (key: string, expected: string) => never): void {
  const unknown = Object.keys(raw).find((key) => !known.includes(key));
  if (unknown !== undefined) fail(`${at ? `${at}.` : ''}${unknown}`, `one of the keys known there, ${known.join(', ')} (misspelt? remove or rename it)`);
}

export function loadPlan(file: string): Plan {
  const where = displayPath(file);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`cannot read the plan ${where}: ${(error as Error).message}`);
  }
  const fail = (key: string, expected: string): never => {
    throw new ConfigurationError(`${where}: ${key} must be ${expected}`);
  };
  if (!isObject(raw)) return fail('the file', 'a mapping with name, platform and phases');
  refuseUnknownKeys(raw, '', ['name', 'platform', 'phases'], fail);
  const name = typeof raw['name'] === 'string' ? raw['name'] : fail('name', 'a string');
  const platform = isObject(raw['platform']) ? raw['platform'] : fail('platform', 'a mapping with version and instances');
  refuseUnknownKeys(platform, 'platform', ['version', 'instances'], fail);
  const version = platform['version'] === 'v9' || platform['version'] === 'v10' ? platform['version'] : fail('platform.version', 'v9 or v10');
  const instances = Number.isInteger(platform['instances']) && (platform['instances'] as number) > 0 ? (platform['instances'] as number) : fail('platform.instances', 'a positive whole number');
  const phasesRaw = Array.isArray(raw['phases']) && raw['phases'].length > 0 ? (raw['phases'] as unknown[]) : fail('phases', 'a non-empty list');
  const phases = phasesRaw.map((entry, index): Phase => {
    const at = `phases[${index}]`;
    if (!isObject(entry)) return fail(at, 'a mapping with id, title, steps and gate');
    refuseUnknownKeys(entry, at, ['id', 'title', 'steps', 'gate', 'alongside'], fail);
    const id = typeof entry['id'] === 'string' && /^[a-z0-9-]+$/.test(entry['id']) ? entry['id'] : fail(`${at}.id`, 'a lower-case id (letters, digits, -)');
    const title = typeof entry['title'] === 'string' ? entry['title'] : fail(`${at}.title`, 'a string');
    const steps = Array.isArray(entry['steps']) && entry['steps'].length > 0 ? (entry['steps'] as unknown[]).map((step, i) => parseStep(step, `${at}.steps[${i}]`, fail)) : fail(`${at}.steps`, 'a non-empty list');
    const gate = isObject(entry['gate']) ? parseGate(entry['gate'], `${at}.gate`, fail) : fail(`${at}.gate`, 'a mapping (scenarios, minScenarios, actions, windowMinutes)');
    const alongside = entry['alongside'];
    if (alongside !== undefined && typeof alongside !== 'string') fail(`${at}.alongside`, 'the id of the phase this one runs beside');
    return { id, title, steps, gate, ...(typeof alongside === 'string' ? { alongside } : {}) };
  });
  const ids = phases.map((p) => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) fail(`phase id "${duplicate}"`, 'unique');
  phases.forEach((phase, index) => checkAlongside(phases, index, fail));
  return { name, file, platform: { version, instances }, phases };
}

/**
 * A phase runs beside the phase it names only when nothing either does can change what the other's scenarios see:
 * both hold run steps only (a platform action, a redeployment or the data actions would move the ground under the
 * other). Phases side by side are listed one after the other, each naming the first of them.
 */
function checkAlongside(phases: Phase[], index: number, fail: (key: string, expected: string) => never): void {
  const phase = phases[index]!;
  if (phase.alongside === undefined) return;
  const at = `phases[${index}].alongside`;
  const lead = phases.findIndex((p) => p.id === phase.alongside);
  if (lead < 0 || lead >= index) fail(at, `the id of an earlier phase this one runs beside (got "${phase.alongside}"; earlier phases: ${phases.slice(0, index).map((p) => p.id).join(', ') || 'none'})`);
  const between = phases.slice(lead + 1, index).find((p) => p.alongside !== phase.alongside);
  if (between) fail(at, `the phase just before it, or the one that phase runs beside: "${phase.alongside}" is separated from it by "${between.id}", and phases run side by side only when listed one after the other`);
  if (phases[lead]!.alongside !== undefined) fail(at, `the first phase of its group: "${phase.alongside}" runs beside "${phases[lead]!.alongside}", so name that one`);
  for (const [who, i] of [[phase, index], [phases[lead]!, lead]] as const) {
    const action = who.steps.findIndex((step) => step.kind === 'action');
    if (action >= 0) fail(`phases[${i}].steps[${action}]`, `a run step, since phase "${phase.id}" runs beside "${phase.alongside}": a platform action would change what the other phase's scenarios see; move it to a phase of its own`);
  }
}

function parseStep(step: unknown, at: string, fail: (key: string, expected: string) => never): PlanStep {
  if (typeof step === 'string') return { kind: 'action', action: parseAction(step, at, fail) };
  if (!isObject(step)) return fail(at, 'an action name, {action: ...} or {run: "<tag expression>"}');
  if (step['run'] !== undefined) {
    refuseUnknownKeys(step, at, ['run', 'parallel'], fail);
    const tags = typeof step['run'] === 'string' && step['run'].trim() !== '' ? step['run'] : fail(`${at}.run`, 'a tag expression, e.g. "@smoke and not @wip"');
    const parallel = step['parallel'];
    if (parallel === undefined) return { kind: 'run', tags };
    return Number.isInteger(parallel) && (parallel as number) >= 1 && (parallel as number) <= 16 ? { kind: 'run', tags, parallel: parallel as number }
      : fail(`${at}.parallel`, `a whole number of Cucumber workers from 1 to 16 (got ${JSON.stringify(parallel)}); leave it out to use --parallel`);
  }
  if (typeof step['action'] !== 'string') return fail(at, 'an action name, {action: ...} or {run: "<tag expression>"}');
  const action = parseAction(step['action'], `${at}.action`, fail);
  const spec: ActionSpec = actions[action];
  const options: readonly string[] = spec.options ?? [];
  refuseUnknownKeys(step, at, ['action', ...options], fail);
  const version = step['version'];
  if (options.includes('version') && version !== 'v9' && version !== 'v10') fail(`${at}.version`, `v9 or v10 for a ${action}`);
  const scale = typeof step['scale'] === 'string' ? step['scale'] : 'small';
  return { kind: 'action', action, ...(version === 'v9' || version === 'v10' ? { version } : {}), ...(options.includes('scale') ? { scale } : {}) };
}

function parseAction(value: string, at: string, fail: (key: string, expected: string) => never): ActionName {
  return isActionName(value) ? value : fail(at, `one of ${actionNames.join(', ')} (got "${value}")`);
}

function parseGate(gate: Raw, at: string, fail: (key: string, expected: string) => never): Gate {
  refuseUnknownKeys(gate, at, ['scenarios', 'minScenarios', 'actions', 'windowMinutes'], fail);
  if (gate['scenarios'] !== undefined && gate['scenarios'] !== 'all-passed') fail(`${at}.scenarios`, 'all-passed');
  if (gate['actions'] !== undefined && gate['actions'] !== 'succeeded') fail(`${at}.actions`, 'succeeded');
  for (const key of ['minScenarios', 'windowMinutes']) {
    if (gate[key] !== undefined && !(typeof gate[key] === 'number' && gate[key] >= 0)) fail(`${at}.${key}`, 'a number ≥ 0');
  }
  if (Object.keys(gate).length === 0) fail(at, 'at least one requirement: a gate that requires nothing cannot fail');
  return gate as Gate;
}

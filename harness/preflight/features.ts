// The feature files a Cucumber profile reads, parsed without running anything: Gherkin errors, and which scenarios a tag expression selects.

import { loadConfiguration } from '@cucumber/cucumber/api';
import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType, type FeatureChild, type Pickle, type RuleChild } from '@cucumber/messages';
import { parse as parseTags } from '@cucumber/tag-expressions';
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface Scenario {
  name: string;
  /** features/x.feature:12, relative to the project. */
  where: string;
  tags: string[];
}

export interface Features {
  /** The globs the profile reads (cucumber.js `paths`, HARNESS_FEATURES for tests). */
  paths: string[];
  /** The profile's own tag expression, combined with `and` to any other by Cucumber. */
  profileTags: string;
  /** `file:line: message` of each Gherkin syntax error. */
  errors: string[];
  scenarios: Scenario[];
}

/** The profile's paths and tags as cucumber.js resolves them, and every scenario of those files. */
export async function loadFeatures(profile: string): Promise<Features> {
  const { useConfiguration } = await loadConfiguration({ profiles: [profile] }, { cwd: root, env: process.env });
  const files = [...new Set(useConfiguration.paths.flatMap((glob) => globSync(glob, { cwd: root })))].sort();
  const errors: string[] = [];
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const envelopes = generateMessages(text, file, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, { defaultDialect: 'fr', includeGherkinDocument: true, includePickles: true, newId: IdGenerator.incrementing() });
    const lines = new Map<string, number>();
    for (const envelope of envelopes) {
      if (envelope.parseError) errors.push(`${file}:${envelope.parseError.source.location?.line ?? '?'}: ${syntaxMessage(envelope.parseError.message)}`);
      if (envelope.gherkinDocument) collectScenarioLines(envelope.gherkinDocument.feature?.children ?? [], lines);
      if (envelope.pickle) scenarios.push(scenarioOf(envelope.pickle, file, lines));
    }
  }
  return { paths: useConfiguration.paths, profileTags: useConfiguration.tags, errors, scenarios };
}

// A pickle names its scenario (and Examples row) by AST node id; the line is the row's for an outline, as Cucumber prints it.
/** The line of every scenario and Examples row of a feature's children, by AST node id. */
export function collectScenarioLines(children: readonly (FeatureChild | RuleChild)[], lines: Map<string, number>): void {
  for (const child of children) {
    if ('rule' in child && child.rule) collectScenarioLines(child.rule.children, lines);
    if (!child.scenario) continue;
    lines.set(child.scenario.id, child.scenario.location.line);
    for (const examples of child.scenario.examples) for (const row of examples.tableBody) lines.set(row.id, row.location.line);
  }
}

/** The line a pickle is named by (`features/x.feature:<line>`): its Examples row's, or its scenario's. */
export function scenarioLine(pickle: Pick<Pickle, 'astNodeIds'>, lines: ReadonlyMap<string, number>): number {
  return lines.get(pickle.astNodeIds.at(-1) ?? '') ?? lines.get(pickle.astNodeIds[0] ?? '') ?? 0;
}

function scenarioOf(pickle: Pickle, file: string, lines: Map<string, number>): Scenario {
  return { name: pickle.name, where: `${relative(root, join(root, file))}:${scenarioLine(pickle, lines)}`, tags: pickle.tags.map((t) => t.name) };
}

/** The syntax error of a tag expression, as @cucumber/tag-expressions words it, or undefined when it parses. */
export function tagSyntaxError(expression: string): string | undefined {
  try {
    parseTags(expression);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The scenarios that `profileTags and (expression)` selects (the expression must parse). */
export function select(features: Features, expression: string | undefined): Scenario[] {
  const parts = [features.profileTags, expression].filter((e): e is string => Boolean(e));
  if (parts.length === 0) return features.scenarios;
  const node = parseTags(parts.map((e) => `(${e})`).join(' and '));
  return features.scenarios.filter((s) => node.evaluate(s.tags));
}

/** Gherkin's `(8:3): expected: #EOF, #StepLine, ..., got 'Scénario x'`, with what it got first: the expected list is long. */
function syntaxMessage(message: string): string {
  const text = message.replace(/^\(\d+:\d+\): /, '');
  const match = /^expected: (.*), got '(.*)'$/s.exec(text);
  return match ? `Gherkin syntax error: unexpected '${match[2]}' (expected: ${match[1]})` : `Gherkin syntax error: ${text}`;
}

// Reads the messages Cucumber wrote (`--format message:<file>`) into what each scenario attempt did, step by step.

import { existsSync, readFileSync } from 'node:fs';
import type { Envelope, GherkinDocument, Pickle, StepDefinition, TestCase, TestStepResult } from '@cucumber/messages';

const allureMessage = 'application/vnd.allure.message+json';

export interface StepOutcome {
  /** `Quand le client ...` (keyword and text), or the hook's name and where it is defined. */
  text: string;
  /** `features/x.feature:12` for a Gherkin step, the definition's file:line for a hook. */
  where: string;
  result: TestStepResult;
  /** Definitions that match the step: none (undefined), one, or more (ambiguous): `"pattern" (steps/x.ts:3)`. */
  definitions: string[];
}

export interface Attempt {
  pickle: Pickle;
  where: string;
  steps: StepOutcome[];
  finished: boolean;
  willBeRetried: boolean;
  partners: string[];
}

export interface CucumberMessages {
  /** Each test case's attempts in order, keyed by test case id. */
  testCases: Map<string, { pickle: Pickle; where: string; attempts: Attempt[] }>;
  parseErrors: string[];
  undefinedParameterTypes: string[];
  /** Failed BeforeAll / AfterAll hooks and a run that ended with an error. */
  runErrors: string[];
  /** False when the file ends before testRunFinished: Cucumber crashed or was stopped. */
  finished: boolean;
}

/** Gherkin lines and keywords by AST node id: steps, scenarios and Examples rows. */
function indexDocument(document: GherkinDocument, lines: Map<string, { line: number; keyword: string }>): void {
  const scenarios = (document.feature?.children ?? []).flatMap((child) => (child.rule ? child.rule.children : [child]));
  for (const child of scenarios) {
    const node = child.scenario ?? child.background;
    if (!node) continue;
    lines.set(node.id, { line: node.location.line, keyword: node.keyword });
    for (const step of node.steps) lines.set(step.id, { line: step.location.line, keyword: step.keyword });
    for (const examples of child.scenario?.examples ?? []) for (const row of examples.tableBody) lines.set(row.id, { line: row.location.line, keyword: '' });
  }
}

const at = (uri: string | undefined, line: number | undefined) => `${uri ?? '?'}:${line ?? '?'}`;

function partnersOf(body: string): string[] {
  try {
    const message = JSON.parse(body) as { type?: string; data?: { labels?: { name?: string; value?: string }[] } };
    return (message.data?.labels ?? []).filter((l) => l.name === 'partner' && typeof l.value === 'string').map((l) => l.value as string);
  } catch {
    return [];
  }
}

export function parseMessages(text: string): CucumberMessages {
  const envelopes = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Envelope);
  const lines = new Map<string, { line: number; keyword: string }>();
  const pickles = new Map<string, Pickle>();
  const definitions = new Map<string, StepDefinition>();
  const hooks = new Map<string, string>();
  const testSteps = new Map<string, TestCase['testSteps'][number]>();
  const started = new Map<string, Attempt>();
  const runHooks = new Map<string, string>();
  const out: CucumberMessages = { testCases: new Map(), parseErrors: [], undefinedParameterTypes: [], runErrors: [], finished: false };
  const whereOf = (pickle: Pickle) => at(pickle.uri, pickle.location?.line ?? lines.get(pickle.astNodeIds.at(-1) ?? '')?.line);
  for (const e of envelopes) {
    if (e.gherkinDocument) indexDocument(e.gherkinDocument, lines);
    else if (e.pickle) pickles.set(e.pickle.id, e.pickle);
    else if (e.stepDefinition) definitions.set(e.stepDefinition.id, e.stepDefinition);
    else if (e.hook) hooks.set(e.hook.id, `${e.hook.name ?? 'hook'} (${at(e.hook.sourceReference.uri, e.hook.sourceReference.location?.line)})`);
    else if (e.parseError) out.parseErrors.push(`${at(e.parseError.source.uri, e.parseError.source.location?.line)}: ${e.parseError.message}`);
    else if (e.undefinedParameterType) out.undefinedParameterTypes.push(`{${e.undefinedParameterType.name}} in "${e.undefinedParameterType.expression}"`);
    else if (e.testCase) {
      for (const step of e.testCase.testSteps) testSteps.set(step.id, step);
      const pickle = pickles.get(e.testCase.pickleId);
      if (pickle) out.testCases.set(e.testCase.id, { pickle, where: whereOf(pickle), attempts: [] });
    } else if (e.testCaseStarted) {
      const entry = out.testCases.get(e.testCaseStarted.testCaseId);
      if (!entry) continue;
      const attempt: Attempt = { pickle: entry.pickle, where: entry.where, steps: [], finished: false, willBeRetried: false, partners: [] };
      entry.attempts.push(attempt);
      started.set(e.testCaseStarted.id, attempt);
    } else if (e.testStepFinished) {
      const attempt = started.get(e.testStepFinished.testCaseStartedId);
      const step = testSteps.get(e.testStepFinished.testStepId);
      if (!attempt || !step) continue;
      const pickleStep = attempt.pickle.steps.find((s) => s.id === step.pickleStepId);
      const gherkin = lines.get(pickleStep?.astNodeIds[0] ?? '');
      const matching = (step.stepDefinitionIds ?? []).map((id) => definitions.get(id)).filter((d) => d !== undefined);
      attempt.steps.push({
        text: pickleStep ? `${gherkin?.keyword ?? ''}${pickleStep.text}` : `hook ${hooks.get(step.hookId ?? '') ?? ''}`.trim(),
        where: pickleStep ? at(attempt.pickle.uri, gherkin?.line) : (hooks.get(step.hookId ?? '') ?? '?'),
        result: e.testStepFinished.testStepResult,
        definitions: matching.map((d) => `"${d.pattern.source}" (${at(d.sourceReference.uri, d.sourceReference.location?.line)})`),
      });
    } else if (e.attachment?.mediaType === allureMessage && e.attachment.testCaseStartedId) {
      const attempt = started.get(e.attachment.testCaseStartedId);
      if (attempt) attempt.partners.push(...partnersOf(e.attachment.body));
    } else if (e.testCaseFinished) {
      const attempt = started.get(e.testCaseFinished.testCaseStartedId);
      if (attempt) Object.assign(attempt, { finished: true, willBeRetried: e.testCaseFinished.willBeRetried });
    } else if (e.testRunHookStarted) runHooks.set(e.testRunHookStarted.id, hooks.get(e.testRunHookStarted.hookId) ?? 'a BeforeAll/AfterAll hook');
    else if (e.testRunHookFinished?.result.status === 'FAILED') {
      out.runErrors.push(`${runHooks.get(e.testRunHookFinished.testRunHookStartedId) ?? 'a BeforeAll/AfterAll hook'} failed: ${e.testRunHookFinished.result.exception?.message ?? e.testRunHookFinished.result.message ?? ''}`);
    } else if (e.testRunFinished) {
      out.finished = true;
      const error = e.testRunFinished.exception?.message ?? e.testRunFinished.message;
      if (error) out.runErrors.push(`the Cucumber run ended with an error: ${error}`);
    }
  }
  return out;
}

/** The messages of one Cucumber run; a missing file reads as a run that never finished. */
export function readMessages(file: string): CucumberMessages {
  if (!existsSync(file)) return { testCases: new Map(), parseErrors: [], undefinedParameterTypes: [], runErrors: [], finished: false };
  return parseMessages(readFileSync(file, 'utf8'));
}

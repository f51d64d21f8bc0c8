// Scenario results read from Cucumber's own messages (a real run of test/fixtures/cucumber-messages): nothing passes without running.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseMessages } from '../../harness/reports/cucumber-messages.ts';
import { addRun, emptySummary, findingOfFailure, type Problem } from '../../harness/reports/scenario-results.ts';

// Made by: cd test/fixtures/cucumber-messages && cucumber-js --import echantillon.steps.ts --retry 1 --retry-tag-filter @retry --format message:echantillon.ndjson --language fr echantillon.feature
const sample = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cucumber-messages', 'echantillon.ndjson'), 'utf8');
const summary = addRun(emptySummary(), parseMessages(sample));
const problem = (name: string): Problem | undefined => summary.problems.find((p) => p.name === name);

describe('scenario results from Cucumber messages', () => {
  it('counts each scenario once, by its last attempt, a pass on retry apart', () => {
    assert.equal(summary.total, 9);
    assert.deepEqual(summary.byStatus, { passed: 1, undefined: 1, pending: 1, ambiguous: 1, failed: 2, broken: 1, configuration: 1, flaky: 1 });
    assert.equal(summary.flaky, 1);
  });

  it('fails a scenario with an undefined step as a test defect naming the step and its file:line', () => {
    const undefinedStep = problem('Un pas sans définition');
    assert.deepEqual([undefinedStep?.status, undefinedStep?.finding, undefinedStep?.where], ['undefined', 'incomplete', 'echantillon.feature:7']);
    assert.match(undefinedStep?.message ?? '', /undefined step "Quand un pas que personne n'a écrit" \(echantillon\.feature:9\): no step definition matches it/);
  });

  it('fails a scenario with a pending step, naming it', () => {
    const pending = problem('Un pas en attente');
    assert.deepEqual([pending?.status, pending?.finding], ['pending', 'incomplete']);
    assert.match(pending?.message ?? '', /pending step "Quand un pas encore à écrire" \(echantillon\.feature:13\)/);
  });

  it('fails a scenario with an ambiguous step, naming the step and both definitions', () => {
    const ambiguous = problem('Un pas ambigu');
    assert.deepEqual([ambiguous?.status, ambiguous?.finding], ['ambiguous', 'incomplete']);
    assert.match(ambiguous?.message ?? '', /ambiguous step "Quand un pas écrit deux fois" \(echantillon\.feature:16\): 2 step definitions match it: "un pas écrit deux fois" \(echantillon\.steps\.ts:14\), "\^un pas écrit \(deux\|2\) fois\$" \(echantillon\.steps\.ts:15\)/);
  });

  it('tells a product defect from a broken environment and from bad input, by the error raised', () => {
    assert.deepEqual([problem('La plateforme se trompe')?.status, problem('La plateforme se trompe')?.finding], ['failed', 'product']);
    assert.match(problem('La plateforme se trompe')?.message ?? '', /^expected an SMS to Camille within 5000 ms; none came \(at step "Quand la plateforme se trompe" \(echantillon\.feature:19\)\)$/);
    assert.deepEqual([problem("L'environnement est cassé")?.status, problem("L'environnement est cassé")?.finding], ['broken', 'environment']);
    assert.deepEqual([problem('La configuration est fausse')?.status, problem('La configuration est fausse')?.finding], ['configuration', 'configuration']);
  });

  it('reports a pass after a failed attempt as flaky, with what the failed attempt found, and a failure on every attempt as failed', () => {
    const flaky = problem('Passe au second essai');
    assert.deepEqual([flaky?.status, flaky?.finding], ['flaky', 'product']);
    assert.match(flaky?.message ?? '', /passed only on retry, after: first try: the timeline was empty/);
    assert.equal(problem('Échoue à chaque essai')?.status, 'failed');
    assert.equal(problem('Tout passe'), undefined);
  });

  it('counts each partner\'s scenarios by the label their steps attached', () => {
    assert.deepEqual(summary.byPartner, { veilis: { passed: 1 } });
  });

  it('reports a run cut short: its unfinished scenario is not passed, and the run itself is named incomplete', () => {
    const lines = sample.split('\n').filter(Boolean);
    const cut = lines.slice(0, lines.findIndex((l) => l.includes('"testCaseFinished"')));
    const partial = addRun(emptySummary(), parseMessages(cut.join('\n')));
    assert.equal(partial.byStatus['passed'], undefined);
    assert.deepEqual(partial.problems.map((p) => [p.status, p.finding]), [['not-run', 'incomplete'], ['run', 'incomplete']]);
    assert.match(partial.problems[1]?.message ?? '', /Cucumber stopped before the end of its run/);
  });

  it('reports a feature file that does not parse as bad input naming its file:line', () => {
    const parseError = JSON.stringify({ parseError: { source: { uri: 'features/x.feature', location: { line: 4 } }, message: '(4:5): expected: #TagLine, got \'Scénari: y\'' } });
    const bad = addRun(emptySummary(), parseMessages(`${parseError}\n${JSON.stringify({ testRunFinished: { success: false, timestamp: { seconds: 0, nanos: 0 } } })}`));
    assert.deepEqual(bad.problems.map((p) => p.finding), ['configuration']);
    assert.match(bad.problems[0]?.message ?? '', /features\/x\.feature:4/);
  });
});

describe('what a failed step found', () => {
  it('counts an assertion as the product failing, even when it quotes an environment error as its evidence', () => {
    assert.equal(findingOfFailure('AssertionError', 'every platform instance must answer /health; 1 of 2 do not: i02 does not answer ([environment] GET http://127.0.0.1:1/health could not reach the platform instance)'), 'product');
  });

  it('counts environment and configuration errors by their type, and an untyped error by the marker it starts with', () => {
    assert.equal(findingOfFailure('EnvironmentError', '[environment] the broker is gone'), 'environment');
    assert.equal(findingOfFailure('ConfigurationError', '[configuration] no such brand'), 'configuration');
    assert.equal(findingOfFailure('Error', 'Error: [environment] the browser closed'), 'environment');
    assert.equal(findingOfFailure('TypeError', 'cannot read x of undefined, while [environment] was in the air'), 'product');
  });
});

// Preflight pieces: tag expressions checked and evaluated as Cucumber does, and undefined or ambiguous steps read from a dry run's messages, named by text and file:line.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { loadFeatures, select, tagSyntaxError, type Features } from '../../harness/preflight/features.ts';
import { problemsOf } from '../../harness/preflight/undefined-steps.ts';

const scenario = (name: string, tags: string[]) => ({ name, where: `features/x.feature:${tags.length}`, tags });
const features: Features = { paths: ['features/**/*.feature'], profileTags: 'not @wip', errors: [], scenarios: [scenario('a', ['@smoke']), scenario('b', ['@smoke', '@wip']), scenario('c', ['@v9'])] };

describe('tag expressions', () => {
  it('words a syntax error as @cucumber/tag-expressions does, and accepts a valid expression', () => {
    assert.match(tagSyntaxError('@smoke and (') ?? '', /Tag expression "@smoke and \(" could not be parsed because of syntax error: Unmatched \(/);
    assert.match(tagSyntaxError('@a @b') ?? '', /Expected operator/);
    assert.equal(tagSyntaxError('(@smoke or @v9) and not @wip'), undefined);
  });

  it('selects with the profile\'s tags and the expression together', () => {
    assert.deepEqual(select(features, '@smoke').map((s) => s.name), ['a']);
    assert.deepEqual(select(features, undefined).map((s) => s.name), ['a', 'c']);
    assert.deepEqual(select(features, '@nothing'), []);
  });

  it('reads the suite\'s features with no Gherkin error and finds the smoke scenarios', async () => {
    const suite = await loadFeatures('smoke');
    assert.deepEqual(suite.errors, []);
    assert.equal(suite.profileTags, '@smoke and not @wip');
    assert.ok(select(suite, undefined).some((s) => /^features\/fondation\/sante-instances\.feature:\d+$/.test(s.where)));
  });
});

describe('steps of a dry run', () => {
  const gherkinDocument = {
    uri: 'features/x.feature', comments: [],
    feature: { location: { line: 2 }, tags: [], language: 'fr', keyword: 'Fonctionnalité', name: 'x', description: '', children: [
      { background: { id: 'bg', location: { line: 4 }, keyword: 'Contexte', name: '', description: '', steps: [{ id: 's0', location: { line: 5 }, keyword: 'Soit ', text: 'un client' }] } },
      { scenario: { id: 'sc', location: { line: 7 }, tags: [], keyword: 'Scénario', name: 'y', description: '', examples: [], steps: [
        { id: 's1', location: { line: 8 }, keyword: 'Quand ', text: 'il fait une chose' },
        { id: 's2', location: { line: 9 }, keyword: 'Alors ', text: 'une chose ambiguë' },
      ] } },
    ] },
  };
  const pickle = { id: 'p', uri: 'features/x.feature', name: 'y', language: 'fr', astNodeIds: ['sc'], tags: [], steps: [
    { id: 'ps0', text: 'un client', astNodeIds: ['s0'] }, { id: 'ps1', text: 'il fait une chose', astNodeIds: ['s1'] }, { id: 'ps2', text: 'une chose ambiguë', astNodeIds: ['s2'] },
  ] };
  const testCase = (definitions: string[][]) => ({ id: 't', pickleId: 'p', testSteps: [{ id: 'h', hookId: 'hook' }, ...definitions.map((ids, i) => ({ id: `t${i}`, pickleStepId: `ps${i}`, stepDefinitionIds: ids }))] });

  it('names an undefined and an ambiguous step by text and file:line, and passes defined ones', () => {
    const envelopes = [{ gherkinDocument }, { pickle }, { testCase: testCase([['d0'], [], ['d1', 'd2']]) }] as unknown as Envelope[];
    assert.deepEqual(problemsOf(envelopes), [
      { kind: 'undefined', text: 'il fait une chose', where: 'features/x.feature:8' },
      { kind: 'ambiguous', text: 'une chose ambiguë', where: 'features/x.feature:9' },
    ]);
  });

  it('names a Background step once, at its own line', () => {
    const envelopes = [{ gherkinDocument }, { pickle }, { testCase: testCase([[], ['d'], ['d']]) }, { testCase: testCase([[], ['d'], ['d']]) }] as unknown as Envelope[];
    assert.deepEqual(problemsOf(envelopes), [{ kind: 'undefined', text: 'un client', where: 'features/x.feature:5' }]);
  });
});

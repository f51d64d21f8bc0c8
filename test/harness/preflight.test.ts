// Preflight pieces: tag expressions checked and evaluated as Cucumber does, and undefined or ambiguous steps read from a dry run's messages, named by text and file:line.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { loadFeatures, select, tagSyntaxError, type Features } from '../../harness/preflight/features.ts';
import { problemsByScenario, problemsOf, stepProblems, suiteKey, type StepProblem } from '../../harness/preflight/undefined-steps.ts';

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

  it('lists every scenario by its file:line, a scenario with no problem too', () => {
    const other = { ...pickle, id: 'p2', uri: 'features/y.feature', steps: pickle.steps.map((step) => ({ ...step, id: `other-${step.id}` })) };
    const otherCase = { id: 't2', pickleId: 'p2', testSteps: other.steps.map((step) => ({ id: `t-${step.id}`, pickleStepId: step.id, stepDefinitionIds: ['d'] })) };
    const envelopes = [{ gherkinDocument }, { pickle }, { pickle: other }, { testCase: testCase([['d'], [], ['d']]) }, { testCase: otherCase }] as unknown as Envelope[];
    assert.deepEqual(problemsByScenario(envelopes), {
      'features/x.feature:7': [{ kind: 'undefined', text: 'il fait une chose', where: 'features/x.feature:8' }],
      'features/y.feature:7': [],
    });
  });
});

describe('the dry run kept by the suite\'s content', () => {
  /** A dry run that counts its calls and finds one undefined step in `broken`, or leaves out `missing`. */
  const fakeDryRun = async (broken: string, missing?: string) => {
    const all = (await loadFeatures('default')).scenarios.filter((s) => !/@wip/.test(s.tags.join(' ')));
    const calls: (string | undefined)[] = [];
    const problem: StepProblem = { kind: 'undefined', text: 'une étape inconnue', where: `${broken.split(':')[0]}:999` };
    const dryRun = async (_profile: string, tags: string | undefined) => {
      calls.push(tags);
      return Object.fromEntries(all.filter((s) => tags !== undefined || s.where !== missing).map((s) => [s.where, s.where === broken ? [problem] : []]));
    };
    return { dryRun, calls, problem };
  };

  it('plays the whole profile once, then answers any selection of the same suite from what it kept', async () => {
    const suite = await loadFeatures('default');
    const [first, second] = select(suite, '@smoke-alarme');
    assert.ok(first && !second, 'test setup: @smoke-alarme selects one scenario');
    const { dryRun, calls, problem } = await fakeDryRun(first.where);
    const cacheDir = mkdtempSync(join(tmpdir(), 'kw-preflight-test-'));
    assert.deepEqual(await stepProblems('default', '@smoke-alarme', { cacheDir, dryRun }), [problem]);
    assert.deepEqual(await stepProblems('default', '@smoke-appareils', { cacheDir, dryRun }), []);
    assert.deepEqual(await stepProblems('default', '@smoke', { cacheDir, dryRun }), [problem]);
    assert.deepEqual(calls, [undefined], 'one dry run, of the whole profile');
    assert.equal(readdirSync(cacheDir).length, 1);
    // Another place to keep it (or a suite changed: another key) costs a dry run again.
    assert.deepEqual(await stepProblems('default', '@smoke-alarme', { cacheDir: mkdtempSync(join(tmpdir(), 'kw-preflight-test-')), dryRun }), [problem]);
    assert.equal(calls.length, 2);
  });

  it('names the scenarios of a real dry run as the feature files read without Cucumber do, outlines\' rows included', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kw-preflight-test-'));
    assert.deepEqual(await stepProblems('smoke', undefined, { cacheDir }), []);
    const [kept] = readdirSync(cacheDir);
    const scenarios = Object.keys(JSON.parse(readFileSync(join(cacheDir, kept ?? ''), 'utf8')) as object);
    const expected = select(await loadFeatures('smoke'), undefined).map((s) => s.where);
    const outline = readFileSync(join(import.meta.dirname, '..', '..', 'features', 'smoke', 'appareils-connectes.feature'), 'utf8');
    assert.ok(/Exemples/.test(outline) && expected.filter((w) => w.startsWith('features/smoke/appareils-connectes.feature:')).length > 1, 'test setup: an outline of several rows among the smoke scenarios');
    assert.deepEqual(scenarios.sort(), expected.sort());
  });

  it('runs a dry run of the selection itself when a selected scenario is not in what it kept', async () => {
    const [only] = select(await loadFeatures('default'), '@smoke-alarme');
    const { dryRun, calls } = await fakeDryRun('none', only?.where);
    const cacheDir = mkdtempSync(join(tmpdir(), 'kw-preflight-test-'));
    assert.deepEqual(await stepProblems('default', '@smoke-appareils', { cacheDir, dryRun }), []);
    assert.deepEqual(await stepProblems('default', '@smoke-alarme', { cacheDir, dryRun }), []);
    assert.deepEqual(calls, [undefined, '@smoke-alarme']);
  });

  it('keys it by every feature and step file, the folders the steps import from, the profile and the suite variables', () => {
    const base = mkdtempSync(join(tmpdir(), 'kw-suite-'));
    const write = (file: string, text: string) => {
      mkdirSync(join(base, file, '..'), { recursive: true });
      writeFileSync(join(base, file), text);
    };
    write('features/a.feature', '# language: fr\nFonctionnalité: a\n');
    write('steps/a.steps.ts', 'export {};\n');
    write('drivers/http.ts', 'export const a = 1;\n');
    write('catalog/data/offers.yaml', 'offers: []\n');
    write('cucumber.js', 'export default {};\n');
    write('package-lock.json', '{}\n');
    write('sandbox/server.ts', 'export {};\n');
    const env = {};
    const key = suiteKey('default', env, base);
    assert.equal(suiteKey('default', env, base), key, 'the same content, the same key');
    write('sandbox/server.ts', 'export const b = 2;\n');
    assert.equal(suiteKey('default', env, base), key, 'the stand-in platform is no input of the step definitions');
    assert.notEqual(suiteKey('smoke', env, base), key);
    assert.notEqual(suiteKey('default', { HARNESS_FEATURES: 'test/x/*.feature' }, base), key);
    for (const [file, text] of [['features/a.feature', '# language: fr\nFonctionnalité: b\n'], ['steps/a.steps.ts', 'export const x = 1;\n'], ['drivers/http.ts', 'export const a = 2;\n'], ['catalog/data/offers.yaml', 'offers: [x]\n'], ['package-lock.json', '{"v": 2}\n'], ['features/b.feature', '# language: fr\n']] as const) {
      const before = suiteKey('default', env, base);
      write(file, text);
      assert.notEqual(suiteKey('default', env, base), before, `${file} changed, the key did not`);
    }
  });
});

// The pairwise generator covers every allowed pair and every value, deterministically, within the constraints.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { businessRules, catalogPairwise, catalogParameters, coverageOf, loadCatalog, pairwise } from '../../catalog/index.ts';

type Row = Record<string, string>;

/** Every full row the constraint allows, by brute force: the reference the generator is checked against. */
function allowedRows(parameters: Record<string, readonly string[]>, allowed: (row: Partial<Row>) => boolean): Row[] {
  return Object.entries(parameters).reduce<Row[]>(
    (rows, [name, values]) => rows.flatMap((row) => values.map((value) => ({ ...row, [name]: value }))),
    [{}],
  ).filter(allowed);
}

function pairsOf(row: Row): string[] {
  const entries = Object.entries(row);
  return entries.flatMap(([a, x], i) => entries.slice(i + 1).map(([b, y]) => `${a}=${x} & ${b}=${y}`));
}

const devices = {
  os: ['android', 'ios', 'web'],
  browser: ['chrome', 'safari', 'firefox', 'edge'],
  plan: ['free', 'paid'],
  locale: ['fr', 'en', 'de'],
} as const;
// iOS runs only Safari here, Safari runs nowhere but iOS, Edge only on the web, and the free plan is French only.
const deviceRules = (row: Partial<Row>) =>
  (row['os'] === undefined || row['browser'] === undefined || ((row['os'] === 'ios') === (row['browser'] === 'safari') && (row['browser'] !== 'edge' || row['os'] === 'web')))
  && (row['plan'] !== 'free' || row['locale'] === undefined || row['locale'] === 'fr');

describe('pairwise on a small synthetic case', () => {
  const { rows, report } = pairwise(devices, deviceRules);
  const reference = allowedRows(devices, deviceRules);
  const referencePairs = new Set(reference.flatMap(pairsOf));

  it('covers every pair that some allowed row holds, and counts them as brute force does', () => {
    const covered = new Set(rows.flatMap(pairsOf));
    for (const pair of referencePairs) assert.ok(covered.has(pair), pair);
    assert.equal(report.allowedPairs, referencePairs.size);
    assert.equal(report.coveredPairs, report.allowedPairs);
    assert.deepEqual(report.uncoveredPairs, []);
    assert.equal(report.possiblePairs, 3 * 4 + 3 * 2 + 3 * 3 + 4 * 2 + 4 * 3 + 2 * 3);
  });

  it('uses every value at least once', () => {
    for (const [name, values] of Object.entries(devices)) for (const value of values) assert.ok(rows.some((row: Row) => row[name] === value), `${name}=${value}`);
    assert.deepEqual([report.coveredValues, report.values, report.uncoveredValues], [12, 12, []]);
  });

  it('makes only rows the constraints allow', () => {
    for (const row of rows) assert.ok(deviceRules(row), JSON.stringify(row));
    assert.equal(report.rejectedRows, 0);
  });

  it('gives the same rows on every run', () => {
    assert.deepEqual(pairwise(devices, deviceRules).rows, rows);
  });

  it('needs fewer rows than the allowed full combinations', () => {
    assert.ok(rows.length < reference.length, `${rows.length} rows for ${reference.length} combinations`);
  });
});

describe('pairwise edge cases', () => {
  it('covers all 54 pairs of four three-valued parameters in at most eleven rows', () => {
    const parameters = { a: ['1', '2', '3'], b: ['1', '2', '3'], c: ['1', '2', '3'], d: ['1', '2', '3'] };
    const { rows, report } = pairwise(parameters);
    assert.deepEqual([report.allowedPairs, report.coveredPairs], [54, 54]);
    assert.ok(rows.length <= 11, `${rows.length} rows`);
  });

  it('reports a value that no allowed row can hold instead of covering it', () => {
    const { report } = pairwise({ size: ['s', 'm', 'xl'], colour: ['red', 'blue'] }, (row) => row.size !== 'xl');
    assert.deepEqual(report.uncoveredValues, ['size=xl']);
    assert.deepEqual([report.allowedPairs, report.coveredPairs], [4, 4]);
  });

  it('does not count a pair that only a row breaking a rule three parameters deep could hold', () => {
    // a=1 & b=1 passes every two-parameter check but no value of c completes it.
    const allowed = (row: Partial<Row>) => !(row['a'] === '1' && row['b'] === '1' && row['c'] !== undefined);
    const parameters = { a: ['1', '2'], b: ['1', '2'], c: ['1', '2'] };
    const { rows, report } = pairwise(parameters, allowed);
    assert.equal(report.allowedPairs, new Set(allowedRows(parameters, allowed).flatMap(pairsOf)).size);
    assert.equal(report.coveredPairs, report.allowedPairs);
    assert.ok(rows.every((row) => !(row.a === '1' && row.b === '1')));
  });

  it('gives one row per value for a single parameter', () => {
    assert.deepEqual(pairwise({ only: ['x', 'y'] }).rows, [{ only: 'x' }, { only: 'y' }]);
  });

  it('flags hand-written rows that break a rule or miss pairs', () => {
    const report = coverageOf(devices, [{ os: 'ios', browser: 'chrome', plan: 'paid', locale: 'en' }], deviceRules);
    assert.equal(report.rejectedRows, 1);
    assert.equal(report.coveredPairs, 0);
    assert.equal(report.uncoveredValues.length, 12);
  });
});

describe('pairwise on the shipped catalog', () => {
  const catalog = loadCatalog();
  const { rows, report } = catalogPairwise(catalog);
  const rules = businessRules(catalog);
  const allowed = (row: Partial<Row>) => rules.every((rule) => rule.allows(row));

  it('covers every allowed pair and every value in a few tens of rows', () => {
    const reference = new Set(allowedRows(catalogParameters(catalog), allowed).flatMap(pairsOf));
    assert.equal(report.allowedPairs, reference.size);
    assert.equal(report.coveredPairs, report.allowedPairs);
    assert.deepEqual(report.uncoveredValues, []);
    assert.equal(report.coveredValues, 10 + 3 + 4 + 14 + 4);
    assert.ok(rows.length >= 20 && rows.length < 80, `${rows.length} rows`);
  });

  it('keeps every business rule in every row', () => {
    for (const row of rows) for (const rule of rules) assert.ok(rule.allows(row), `${rule.rule}: ${JSON.stringify(row)}`);
    assert.equal(report.rejectedRows, 0);
  });

  it("sells through each white label only its partner's offers, on the account types and payments it accepts", () => {
    for (const row of rows) {
      const label = catalog.whiteLabels.find((w) => w.id === row.whiteLabel);
      const partner = catalog.partners.find((p) => p.id === label?.partner);
      assert.ok(partner?.offers.includes(row.offer), JSON.stringify(row));
      assert.ok(label?.accountTypes.includes(row.accountType) && label.paymentMethods.includes(row.paymentMethod), JSON.stringify(row));
    }
  });

  it('keeps free trials for individuals on current offers and partner invoicing for partner-managed accounts', () => {
    for (const row of rows.filter((r) => r.paymentMethod === 'free-trial')) {
      assert.equal(row.accountType, 'individual');
      assert.equal(catalog.offers.find((o) => o.id === row.offer)?.legacy, false);
    }
    for (const row of rows) assert.equal(row.paymentMethod === 'partner-invoice', row.accountType === 'partner-managed', JSON.stringify(row));
  });

  it('gives the same rows on every run', () => {
    assert.deepEqual(catalogPairwise(loadCatalog()).rows, rows);
  });
});

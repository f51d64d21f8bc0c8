// The e2e runner of npm test (test/e2e/lanes.ts): every e2e file runs, in the lane that names it or the one that takes
// the rest; stages run one after another, the lanes of a stage side by side; one failing file fails the run.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lanePlan, main, REST } from '../e2e/lanes.ts';

/** A test file that notes when it started and ended in `log`, holds for `ms`, and passes or fails. */
function fixture(dir: string, name: string, log: string, ms: number, passes: boolean): void {
  writeFileSync(join(dir, name), `import { appendFileSync } from 'node:fs';
import { it } from 'node:test';
it('${name}', async () => {
  appendFileSync(${JSON.stringify(log)}, '${name} start ' + Date.now() + '\\n');
  await new Promise((resolve) => setTimeout(resolve, ${ms}));
  appendFileSync(${JSON.stringify(log)}, '${name} end ' + Date.now() + '\\n');
  if (!${passes}) throw new Error('${name} failed on purpose');
});
`);
}

const times = (log: string) => Object.fromEntries(readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split(' ')).map(([f, what, at]) => [`${f} ${what}`, Number(at)]));

describe('the e2e lanes', () => {
  it('puts the files no lane names where the plan says, and refuses a file that is not there, one named twice, and a plan without one place for the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanes-'));
    for (const f of ['a.test.ts', 'b.test.ts', 'c.test.ts', 'd.test.ts', 'e.test.ts', 'f.test.ts']) writeFileSync(join(dir, f), '');
    writeFileSync(join(dir, 'helper.ts'), '');
    const at = (...files: string[]) => files.map((f) => join(dir, f));
    assert.deepEqual(lanePlan(dir, [[['e.test.ts']], [['b.test.ts'], ['a.test.ts', REST]], [['d.test.ts']]]), [[at('e.test.ts')], [at('b.test.ts'), at('a.test.ts', 'c.test.ts', 'f.test.ts')], [at('d.test.ts')]]);
    assert.deepEqual(lanePlan(dir, [[[REST], ['a.test.ts', 'b.test.ts', 'c.test.ts']]]), [[at('d.test.ts', 'e.test.ts', 'f.test.ts'), at('a.test.ts', 'b.test.ts', 'c.test.ts')]]);
    assert.throws(() => lanePlan(dir, [[['gone.test.ts', REST]]]), (e: Error) => e.message.includes('no e2e file gone.test.ts') && e.message.includes('a.test.ts, b.test.ts'));
    assert.throws(() => lanePlan(dir, [[['a.test.ts', REST]], [['a.test.ts']]]), /a\.test\.ts named more than once/);
    assert.throws(() => lanePlan(dir, [[['a.test.ts']]]), /must hold "\*" \(the files no lane names\) in exactly one lane/);
    assert.throws(() => lanePlan(dir, [[[REST]], [[REST]]]), /in exactly one lane/);
  });

  it('runs the stages one after another and the lanes of a stage side by side, and fails when one file fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanes-'));
    const log = join(dir, 'log');
    fixture(dir, 'a.test.ts', log, 800, true);
    fixture(dir, 'b.test.ts', log, 800, true);
    fixture(dir, 'c.test.ts', log, 800, true);
    fixture(dir, 'd.test.ts', log, 800, true);
    fixture(dir, 'z.test.ts', log, 10, true);
    const plan = lanePlan(dir, [[['z.test.ts']], [['a.test.ts'], ['b.test.ts']], [['c.test.ts'], ['d.test.ts', REST]]]);
    const out: string[] = [];
    assert.equal(await main(plan, { testTimeoutMs: 30_000, deadlineMs: 60_000, write: (text) => void out.push(text) }), 0);
    assert.match(out.join(''), /^\[lane 1\] ✔ a\.test\.ts/m);
    assert.match(out.join(''), /^\[lane 2\] ✔ b\.test\.ts/m);
    assert.match(out.join(''), /^test:e2e: passed in \d+ s: a$/m);
    const t = times(log);
    const overlap = (x: string, y: string) => t[`${x} start`]! < t[`${y} end`]! && t[`${y} start`]! < t[`${x} end`]!;
    assert.ok(overlap('a.test.ts', 'b.test.ts') && overlap('c.test.ts', 'd.test.ts'), `the lanes of a stage did not overlap: ${JSON.stringify(t)}`);
    assert.ok(t['z.test.ts end']! <= Math.min(t['a.test.ts start']!, t['b.test.ts start']!), `a lane started before the first stage ended: ${JSON.stringify(t)}`);
    assert.ok(Math.min(t['c.test.ts start']!, t['d.test.ts start']!) >= Math.max(t['a.test.ts end']!, t['b.test.ts end']!), `the last stage started before the one before ended: ${JSON.stringify(t)}`);

    fixture(dir, 'b.test.ts', log, 10, false);
    out.length = 0;
    assert.equal(await main(plan, { testTimeoutMs: 30_000, deadlineMs: 60_000, write: (text) => void out.push(text) }), 1);
    assert.match(out.join(''), /^test:e2e: FAILED \(exit 1\) in \d+ s: b$/m);
  });

  it('stops the lanes at its deadline and fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanes-'));
    fixture(dir, 'a.test.ts', join(dir, 'log'), 20_000, true);
    const started = Date.now();
    assert.equal(await main(lanePlan(dir, [[['a.test.ts', REST]]]), { testTimeoutMs: 30_000, deadlineMs: 1500, write: () => undefined }), 1);
    assert.ok(Date.now() - started < 15_000);
  });
});

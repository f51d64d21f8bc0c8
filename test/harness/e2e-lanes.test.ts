// The e2e runner of npm test (test/e2e/lanes.ts): every e2e file runs, in its lane or the last one; lanes run side by
// side; one failing file fails the run.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lanePlan, main } from '../e2e/lanes.ts';

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
  it('puts the files no lane names in the last lane, and refuses a lane that names a file that is not there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanes-'));
    for (const f of ['a.test.ts', 'b.test.ts', 'c.test.ts', 'd.test.ts', 'e.test.ts']) writeFileSync(join(dir, f), '');
    writeFileSync(join(dir, 'helper.ts'), '');
    assert.deepEqual(lanePlan(dir, { first: ['e.test.ts'], lanes: [['b.test.ts'], ['a.test.ts']], after: ['d.test.ts'] }), {
      first: [join(dir, 'e.test.ts')],
      lanes: [[join(dir, 'b.test.ts')], [join(dir, 'a.test.ts'), join(dir, 'c.test.ts')]],
      after: [join(dir, 'd.test.ts')],
    });
    assert.throws(() => lanePlan(dir, { first: [], lanes: [['gone.test.ts']], after: [] }), (e: Error) => e.message.includes('no e2e file gone.test.ts') && e.message.includes('a.test.ts, b.test.ts'));
  });

  it('runs the first files alone, then the lanes side by side, then the last files, and fails when one file fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanes-'));
    const log = join(dir, 'log');
    fixture(dir, 'a.test.ts', log, 800, true);
    fixture(dir, 'b.test.ts', log, 800, true);
    fixture(dir, 'c.test.ts', log, 10, true);
    fixture(dir, 'z.test.ts', log, 10, true);
    const plan = lanePlan(dir, { first: ['z.test.ts'], lanes: [['a.test.ts'], ['b.test.ts']], after: ['c.test.ts'] });
    const out: string[] = [];
    assert.equal(await main(plan, { testTimeoutMs: 30_000, deadlineMs: 60_000, write: (text) => void out.push(text) }), 0);
    assert.match(out.join(''), /^\[lane 1\] ✔ a\.test\.ts/m);
    assert.match(out.join(''), /^\[lane 2\] ✔ b\.test\.ts/m);
    assert.match(out.join(''), /^test:e2e: passed in \d+ s: a$/m);
    const t = times(log);
    assert.ok(t['a.test.ts start']! < t['b.test.ts end']! && t['b.test.ts start']! < t['a.test.ts end']!, `the lanes did not overlap: ${JSON.stringify(t)}`);
    assert.ok(t['z.test.ts end']! <= Math.min(t['a.test.ts start']!, t['b.test.ts start']!), `a lane started before the first files ended: ${JSON.stringify(t)}`);
    assert.ok(t['c.test.ts start']! >= Math.max(t['a.test.ts end']!, t['b.test.ts end']!), `the last file started before the lanes ended: ${JSON.stringify(t)}`);

    fixture(dir, 'b.test.ts', log, 10, false);
    out.length = 0;
    assert.equal(await main(plan, { testTimeoutMs: 30_000, deadlineMs: 60_000, write: (text) => void out.push(text) }), 1);
    assert.match(out.join(''), /^test:e2e: FAILED \(exit 1\) in \d+ s: b$/m);
  });

  it('stops the lanes at its deadline and fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanes-'));
    fixture(dir, 'a.test.ts', join(dir, 'log'), 20_000, true);
    const started = Date.now();
    assert.equal(await main(lanePlan(dir, { first: [], lanes: [['a.test.ts']], after: [] }), { testTimeoutMs: 30_000, deadlineMs: 1500, write: () => undefined }), 1);
    assert.ok(Date.now() - started < 15_000);
  });
});

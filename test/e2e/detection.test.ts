// The short detection run `npm test` replays: each quick fault of harness/detection/faults.yaml caught and named, and a clean run green (every gate passed).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadFaultCases } from '../../harness/detection/table.ts';

const root = join(import.meta.dirname, '..', '..');

describe('npm run detection -- --quick', () => {
  it('detects every quick fault, names what broke, and the clean run is green', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'detection-quick-')), 'table.md');
    const quick = loadFaultCases().filter((c) => c.quick);
    // All five runs at once, each suite on 6 workers: the two long suites (about 220 scenarios each) mostly wait on
    // exactly-once windows, and the three short runs fit beside them instead of after them. Alone, idle: 156 s against
    // 184 s with the command's defaults (2 runs at a time on 4 workers each). Each run on an embedded PostgreSQL of its
    // own, as on a fresh machine: five runs hold up to about 250 connections at once (two instances of 3 pools of 8,
    // and the data certification), more than the 100 of a default server; CI's PostgreSQL, shared with the foundation
    // runs beside, refused one run with "too many clients already". The real services are run.test.ts's to prove.
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    const run = spawnSync(process.execPath, [join(root, 'harness', 'cli.ts'), 'detection', '--quick', '--jobs', '5', '--workers', '6', '--out', out], { cwd: root, env, encoding: 'utf8', timeout: 30 * 60_000 });
    const table = readFileSync(out, 'utf8');
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr.slice(-4000)}`);
    for (const c of quick) assert.match(table, new RegExp(`^\\| ${c.id}: .* \\| ${c.class} \\| yes \\| .* \\| yes \\| \\d+\\.\\d s \\| NO-GO \\|$`, 'm'), `${c.id} in\n${table}`);
    assert.match(table, /^\| \(no fault: clean run\) \| — \| no false alarm \| .*all \d+ gates passed/m);
    const classes = [...new Set(quick.map((c) => c.class))];
    assert.match(table, /^Detected and named per class: /m);
    for (const c of classes) assert.match(table, new RegExp(`${c} (\\d+)/\\1[;.]`), `${c} in\n${table}`);
    assert.match(run.stdout, new RegExp(`detection: ${quick.length}/${quick.length} faults detected and named; clean run green`));
  });
});

// Node's compile cache for the harness and every process it starts (lib/compile-cache.ts): on in the process that asks
// for it, inherited by its children, and written where it says.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const lib = join(import.meta.dirname, '..', '..', 'lib', 'compile-cache.ts');

/** Runs `code` as an ES module in a new Node process with `env` (NODE_COMPILE_CACHE removed unless given); its stdout. */
function node(code: string, env: Record<string, string> = {}): string {
  const clean = { ...process.env };
  delete clean['NODE_COMPILE_CACHE'];
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

describe('the compile cache of the harness and its children', () => {
  const report = `
    import { getCompileCacheDir } from 'node:module';
    import { spawnSync } from 'node:child_process';
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', "import { getCompileCacheDir } from 'node:module'; console.log(getCompileCacheDir() ?? 'off')"], { encoding: 'utf8' }).stdout.trim();
    console.log(JSON.stringify({ self: getCompileCacheDir() ?? 'off', child }));`;

  it('is off in a process that does not ask for it (the check below can fail)', () => {
    assert.deepEqual(JSON.parse(node(report)), { self: 'off', child: 'off' });
  });

  it('is on for the process that asks for it and for the processes it starts, in the folder given, which it fills', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kw-compile-cache-'));
    const seen = JSON.parse(node(`import { useCompileCache } from ${JSON.stringify(lib)}; useCompileCache(); await import(${JSON.stringify(join(import.meta.dirname, '..', '..', 'lib', 'text.ts'))});${report}`, { NODE_COMPILE_CACHE: dir })) as { self: string; child: string };
    assert.ok(seen.self.startsWith(dir) && seen.child.startsWith(dir), JSON.stringify(seen));
    assert.ok(readdirSync(dir, { recursive: true }).length > 0, `nothing written in ${dir}`);
  });

  it('defaults to node_modules/.cache/node-compile-cache, the user\'s own', () => {
    const seen = JSON.parse(node(`import { useCompileCache } from ${JSON.stringify(lib)}; useCompileCache();${report}`)) as { self: string; child: string };
    const expected = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'node-compile-cache');
    assert.ok(seen.self.startsWith(expected) && seen.child.startsWith(expected), JSON.stringify(seen));
  });
});

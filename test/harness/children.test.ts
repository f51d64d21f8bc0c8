// Child processes of a run: readiness with a deadline, and orphans of a crashed run reaped by the next one.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { reapOrphans, registryDir, spawnUntilReady, stopChild } from '../../environments/children.ts';

const dir = mkdtempSync(join(tmpdir(), 'children-'));

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

describe('child processes of a run', () => {
  it('returns the ready line of a child that reports ready', async () => {
    const file = script('ready.mjs', "console.log('READY ' + JSON.stringify({ port: 1234 })); process.stdin.resume(); process.stdin.on('end', () => process.exit(0));");
    const spawned = await spawnUntilReady(file, [], { marker: 'READY', timeoutMs: 5000, logFile: join(dir, 'ready.log'), label: 'test child' });
    assert.deepEqual(spawned.ready, { port: 1234 });
    await stopChild(spawned.child);
  });

  it('reports a child that exits before it is ready as a broken environment, with its last output', async () => {
    const file = script('dies.mjs', "console.error('cannot reach postgres://db:5432'); process.exit(2);");
    await assert.rejects(spawnUntilReady(file, [], { marker: 'READY', timeoutMs: 5000, logFile: join(dir, 'dies.log'), label: 'platform instance i01' }), /\[environment\] platform instance i01 exited before it was ready \(code 2.*cannot reach postgres:\/\/db:5432/);
  });

  it('gives up on a child that never reports ready, within the deadline', async () => {
    const file = script('silent.mjs', 'setInterval(() => {}, 1000);');
    const started = Date.now();
    await assert.rejects(spawnUntilReady(file, [], { marker: 'READY', timeoutMs: 500, logFile: join(dir, 'silent.log'), label: 'silent child' }), /did not report ready within 500 ms/);
    assert.ok(Date.now() - started < 3000);
  });

  it('kills the processes and removes the folders of a run whose orchestrator died', async () => {
    const orphan = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
    orphan.unref();
    const folder = mkdtempSync(join(tmpdir(), 'orphan-'));
    const deadOwner = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => deadOwner.on('exit', resolve));
    mkdirSync(registryDir, { recursive: true });
    writeFileSync(join(registryDir, 'test-crashed-run.json'), JSON.stringify({ ownerPid: deadOwner.pid, pids: [orphan.pid], dirs: [folder] }));
    const exited = new Promise((resolve) => orphan.on('exit', resolve));
    assert.ok(reapOrphans() >= 1);
    await exited;
    assert.equal(existsSync(folder), false);
    assert.equal(existsSync(join(registryDir, 'test-crashed-run.json')), false);
  });
});

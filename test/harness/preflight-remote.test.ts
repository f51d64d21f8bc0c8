// Remote preflight: every instance, database and the broker checked in parallel with a deadline; failures named by host, passwords masked, grouped by reason, one short line each.

import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { describe, it } from 'node:test';
import type { RemoteConfig } from '../../environments/index.ts';
import { startEmbeddedBroker } from '../../environments/mqtt.ts';
import { groupFailures, oneLine } from '../../harness/preflight/lines.ts';
import { preflightRemote, remoteChecks, runChecks } from '../../harness/preflight/remote.ts';

async function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function config(instances: string[], database: string, mqttUrl: string): RemoteConfig {
  return { instances: instances.map((url, i) => ({ id: `i${String(i + 1).padStart(2, '0')}`, url })), expectedVersion: 'v10', mqttUrl, databases: { accounts: database, events: database, media: database }, testAccounts: [], testAccountsFile: '/nowhere.json' };
}

describe('console lines', () => {
  it('cuts a long message keeping its head, on one line', () => {
    const line = oneLine(`first\n  second ${'x'.repeat(500)}`);
    assert.equal(line.length, 200);
    assert.match(line, /^first second x+…$/);
  });

  it('groups identical reasons into one line with a count, naming the first hosts', () => {
    const failures = Array.from({ length: 46 }, (_, i) => ({ what: `instance i${i + 1} https://host-${i + 1}.example`, reason: 'unreachable (ECONNREFUSED)' }));
    const lines = groupFailures([...failures, { what: 'broker mqtts://b.example', reason: 'unreachable (ENOTFOUND)' }]);
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^46 × unreachable \(ECONNREFUSED\): instance i1 https:\/\/host-1\.example, .*, \+\d+ more$/);
    assert.equal(lines[1], 'unreachable (ENOTFOUND): broker mqtts://b.example');
    for (const line of lines) assert.ok(line.length <= 200, line);
  });
});

describe('remote preflight', () => {
  it('names every unreachable instance, database and broker within its deadline, passwords masked', async () => {
    const port = await closedPort();
    const silent = createServer(() => undefined); // accepts connections, never answers
    const silentPort = await listen(silent);
    try {
      const started = performance.now();
      const failures = await runChecks(remoteChecks(config([`http://127.0.0.1:${port}`, `http://127.0.0.1:${silentPort}`], `postgres://ro:s3cret@127.0.0.1:${port}/accounts`, `mqtt://u:s3cret@127.0.0.1:${silentPort}`)), 2000);
      // A refusal comes at once, a silent peer at the deadline: 2 s leaves a loaded machine room to see the refusal.
      assert.ok(performance.now() - started < 5000, `took ${performance.now() - started} ms`);
      const byWhat = Object.fromEntries(failures.map((f) => [f.what, f.reason]));
      assert.equal(byWhat[`instance i01 http://127.0.0.1:${port}`], 'unreachable (ECONNREFUSED)');
      assert.equal(byWhat[`instance i02 http://127.0.0.1:${silentPort}`], 'unreachable (no answer within 2 s)');
      assert.equal(byWhat[`accounts database postgres://ro:***@127.0.0.1:${port}/accounts`], 'unreachable (ECONNREFUSED)');
      assert.equal(byWhat[`broker mqtt://u:***@127.0.0.1:${silentPort}`], 'unreachable (no answer within 2 s)');
      assert.equal(failures.length, 6, JSON.stringify(failures));
      assert.doesNotMatch(JSON.stringify(failures), /s3cret/);
    } finally {
      silent.close();
    }
  });

  it('throws one broken-environment error, grouped, within seconds', async () => {
    const port = await closedPort();
    const instances = Array.from({ length: 46 }, () => `http://127.0.0.1:${port}`);
    await assert.rejects(preflightRemote('preprod', config(instances, `postgres://ro@127.0.0.1:${port}/db`, `mqtt://127.0.0.1:${port}`), 1000), (error: Error) => {
      assert.equal(error.name, 'EnvironmentError');
      const lines = error.message.split('\n');
      assert.match(lines[0] ?? '', /^\[environment\] preprod is not reachable: 50 of 50 checks failed in \d+\.\d s; no scenario was run/);
      assert.match(lines[1] ?? '', /^ {2}50 × unreachable \(ECONNREFUSED\): instance i01 /);
      assert.equal(lines.length, 2);
      for (const line of lines) assert.ok(line.length <= 200, line);
      return true;
    });
  });

  it('passes when every instance, the broker and the database answer', async () => {
    const health = createHttpServer((request, response) => response.writeHead(request.url === '/health' ? 200 : 404).end('{"status":"ok"}'));
    const healthPort = await listen(health);
    await using broker = await startEmbeddedBroker();
    // The real PostgreSQL of the machine (CI sets DATABASE_URL); the embedded one would take longer than the check itself.
    const database = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    try {
      assert.deepEqual(await runChecks(remoteChecks(config([`http://127.0.0.1:${healthPort}`], database, broker.url)), 3000), []);
    } finally {
      health.close();
    }
  });
});

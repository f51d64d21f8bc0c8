// The embedded PostgreSQL of a run: a port another process took between the OS naming it and PostgreSQL binding it
// (runs side by side start servers by the dozen) costs a new port, not the run.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { RunRegistry } from '../../environments/children.ts';
import { startEmbeddedPostgres } from '../../environments/postgres.ts';

async function listening(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function freeNow(): Promise<number> {
  const { port, close } = await listening();
  await close();
  return port;
}

describe('the embedded PostgreSQL', () => {
  it('starts on another port when the one it was given is taken before it binds it, and says so when every try is', { timeout: 120_000 }, async () => {
    const taken = await listening();
    const given: number[] = [];
    const runId = `pg-port-${process.pid}`;
    const registry = new RunRegistry(runId);
    try {
      await using postgres = await startEmbeddedPostgres(runId, registry, 60_000, async () => {
        given.push(given.length === 0 ? taken.port : await freeNow());
        return given.at(-1)!;
      });
      assert.equal(given.length, 2, 'a second port after the first was taken');
      assert.match(postgres.serverUrl, new RegExp(`@127\\.0\\.0\\.1:${given[1]}/`));
      const client = new pg.Client({ connectionString: postgres.databases.accounts });
      await client.connect();
      assert.deepEqual((await client.query('select 1 as one')).rows, [{ one: 1 }]);
      await client.end();

      const again = `${runId}-b`;
      const other = new RunRegistry(again);
      let tries = 0;
      await assert.rejects(startEmbeddedPostgres(again, other, 60_000, async () => (tries += 1, taken.port)), /embedded PostgreSQL failed to start [\s\S]*Address already in use/);
      other.remove();
      assert.equal(tries, 3, 'three ports tried, then a broken environment');
      assert.equal(existsSync(join(tmpdir(), 'kw-harness', again)), false, 'a start that failed leaves no folder');
    } finally {
      registry.remove();
      await taken.close();
    }
  });
});

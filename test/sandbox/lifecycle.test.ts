// server.ts as a process: READY line and /health, refusal on another version's schema or unreachable services, no orphans.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { health } from './support/api.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { dbFlags, initPlatform, mqttUrl, spawnServer, startPlatform, withDeadline } from './support/processes.ts';

const smsUrl = 'http://127.0.0.1:9/sms';

describe('a platform instance process', () => {
  let v9: TestDatabases;
  let blank: TestDatabases;
  before(async () => {
    [v9, blank] = await Promise.all([createTestDatabases(), createTestDatabases()]);
    await initPlatform('v9', v9.urls);
  });
  after(async () => {
    await Promise.all([v9?.drop(), blank?.drop()]);
  });

  it('prints one READY line and reports its version, instance and pid on /health', async () => {
    const platform = await startPlatform({ version: 'v9', instance: 'life01', urls: v9.urls, smsUrl });
    try {
      assert.equal(platform.instance, 'life01');
      assert.equal(platform.url, `http://127.0.0.1:${platform.port}`);
      const body = await health(platform.url);
      assert.equal(body.status, 'ok');
      assert.equal(body.version, 'v9');
      assert.equal(body.instance, 'life01');
      assert.equal(body.pid, platform.child.pid);
    } finally {
      const done = await platform.stop();
      assert.equal(done.code, 0, 'SIGTERM is an orderly stop');
      assert.equal(done.stdout.trim().split('\n').length, 1, `stdout holds only the READY line: ${done.stdout}`);
    }
  });

  it('refuses to start, with exit code 2, on databases holding another version’s schema', async () => {
    const server = spawnServer(['--version', 'v10', '--instance', 'life02', ...dbFlags(v9.urls), '--mqtt-url', mqttUrl, '--sms-url', smsUrl]);
    const done = await withDeadline(server, 10_000, 'a v10 instance on v9 databases');
    assert.equal(done.code, 2);
    assert.match(done.stderr, /holds the v9 schema; this instance is v10/);
    assert.doesNotMatch(done.stdout, /SANDBOX_READY/);
  });

  it('refuses to start on databases that were never initialised, saying how to initialise them', async () => {
    const server = spawnServer(['--version', 'v10', '--instance', 'life03', ...dbFlags(blank.urls), '--mqtt-url', mqttUrl, '--sms-url', smsUrl]);
    const done = await withDeadline(server, 10_000, 'an instance on blank databases');
    assert.equal(done.code, 2);
    assert.match(done.stderr, /no platform schema.*admin\.ts init --version v10/);
  });

  it('exits with code 2 within 10 s, naming the URL, when the MQTT broker is unreachable', async () => {
    const server = spawnServer(['--version', 'v9', '--instance', 'life04', ...dbFlags(v9.urls), '--mqtt-url', 'mqtt://127.0.0.1:1', '--sms-url', smsUrl]);
    const done = await withDeadline(server, 10_000, 'an instance with no broker');
    assert.equal(done.code, 2);
    assert.match(done.stderr, /MQTT broker at mqtt:\/\/127\.0\.0\.1:1/);
  });

  it('exits with code 2 within 10 s, naming the URL, when a database is unreachable', async () => {
    const urls = { ...v9.urls, media: 'postgres://postgres@127.0.0.1:1/media' };
    const server = spawnServer(['--version', 'v9', '--instance', 'life05', ...dbFlags(urls), '--mqtt-url', mqttUrl, '--sms-url', smsUrl]);
    const done = await withDeadline(server, 10_000, 'an instance with no media database');
    assert.equal(done.code, 2);
    assert.match(done.stderr, /media database at postgres:\/\/postgres@127\.0\.0\.1:1\/media/);
  });

  it('exits by itself when its stdin closes, as when its parent dies', async () => {
    const platform = await startPlatform({ version: 'v9', instance: 'life06', urls: v9.urls, smsUrl });
    platform.child.stdin?.end();
    const done = await withDeadline(platform, 10_000, 'an instance whose stdin closed');
    assert.equal(done.code, 0);
    assert.match(done.stderr, /stopping \(stdin closed\)/);
  });

  it('rejects a bad flag with a message naming it', async () => {
    const server = spawnServer(['--version', 'v9', '--instance', 'bad id!', ...dbFlags(v9.urls), '--mqtt-url', mqttUrl, '--sms-url', smsUrl]);
    const done = await withDeadline(server, 10_000, 'an instance with a bad flag');
    assert.equal(done.code, 2);
    assert.match(done.stderr, /--instance must be/);
  });
});

// Fleet mode: the spec (file or counts) with errors that name the line or the catalog file, a seeded plan, shards that never collide.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultCatalogDir, loadCatalog } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { parseFleetFile, parseShard, planFleet, readFleetSpec, resolveTarget, runFleet } from '../../simulators/fleet/index.ts';
import { startAedes } from './mqtt-observer.ts';

const catalog = loadCatalog(defaultCatalogDir);

describe('fleet spec', () => {
  it('reads counts of generations and models, spreading a generation over its models', () => {
    const entries = readFleetSpec('mqtt3=8,vigie-4k-2022=2', catalog);
    assert.deepEqual(entries.map((e) => [e.name, e.count, e.models.length]), [['mqtt3', 8, 4], ['vigie-4k-2022', 2, 1]]);
  });

  it('reads a fleet file with comments, and names the file and line of a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-'));
    try {
      const file = join(dir, 'preprod.fleet');
      writeFileSync(file, '# pre-production load\nmqtt3 500\nLynx HD: 20\n\nhttp-push = 5\n');
      assert.deepEqual(readFleetSpec(file, catalog).map((e) => [e.name, e.count]), [['mqtt3', 500], ['Lynx HD', 20], ['http-push', 5]]);
      writeFileSync(file, 'mqtt3 500\nmqtt5 beaucoup\n');
      assert.throws(() => readFleetSpec(file, catalog), (error: Error) => error instanceof ConfigurationError && error.message.includes(`${file}:2: expected "<model or generation> <count>"`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the catalog files when a model or generation is unknown', () => {
    assert.throws(() => parseFleetFile('lte-2030 3\n', 'f.fleet', catalog), /f\.fleet:1: "lte-2030" is neither a camera model of catalog\/data\/camera-models\.yaml nor a generation of catalog\/data\/generations\.yaml/);
  });
});

describe('fleet plan', () => {
  const entries = readFleetSpec('mqtt3=50,mqtt5=25,https-json=25', catalog);

  it('is the same for the same seed, and different for another seed', () => {
    assert.deepEqual(planFleet(entries, 7), planFleet(entries, 7));
    assert.notDeepEqual(planFleet(entries, 7).map((d) => d.serial), planFleet(entries, 8).map((d) => d.serial));
  });

  it('splits the fleet into shards that cover it exactly once, with no identity in two shards', () => {
    const whole = planFleet(entries, 7).map((d) => d.serial).sort();
    const shards = [1, 2, 3].map((i) => planFleet(entries, 7, parseShard(`${i}/3`)).map((d) => d.serial));
    assert.deepEqual(shards.flat().sort(), whole);
    assert.equal(new Set(shards.flat()).size, 100);
    assert.throws(() => parseShard('4/3'), /--shard must read i\/n/);
  });
});

describe('fleet target', () => {
  it('takes the environment file the harness writes: its broker, and clears retained status only where its capabilities allow writes anywhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-target-'));
    try {
      const file = (name: string, writes: string): string => {
        const path = join(dir, `${name}.json`);
        writeFileSync(path, JSON.stringify({ name, mqttUrl: 'mqtt://127.0.0.1:41883', platform: { instances: [] }, capabilities: { writes } }));
        return path;
      };
      const local = await resolveTarget({ env: file('local', 'any') }, {});
      assert.deepEqual([local.name, local.endpoints.brokerUrl, local.platformUrl, local.clearsRetained], ['local', 'mqtt://127.0.0.1:41883', undefined, true]);
      assert.equal((await resolveTarget({ env: file('production', 'designated-accounts') }, {})).clearsRetained, false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a broker of your own with --broker, and refuses an environment name as --env or both at once', async () => {
    const own = await resolveTarget({ broker: 'mqtt://127.0.0.1:1884' }, {});
    assert.deepEqual([own.endpoints.brokerUrl, own.clearsRetained], ['mqtt://127.0.0.1:1884', true]);
    await assert.rejects(resolveTarget({ env: 'local' }, {}), /--env local: no such environment file; --env takes the environment file the harness writes .* --broker URL a broker of your own/);
    await assert.rejects(resolveTarget({ env: 'x.json', broker: 'mqtt://127.0.0.1:1884' }, {}), /give one of --env FILE .* or --broker URL/);
    await assert.rejects(resolveTarget({ broker: '127.0.0.1:1883' }, {}), /--broker must be a broker URL such as mqtt:\/\/127\.0\.0\.1:1883, got "127\.0\.0\.1:1883"/);
  });
});

describe('running a fleet', () => {
  it('connects every device, sends heartbeats and events, and sums them up', async () => {
    await using broker = await startAedes();
    const devices = planFleet(readFleetSpec('mqtt3=20', catalog), 3);
    const progress: number[] = [];
    const summary = await runFleet({
      devices, endpoints: { brokerUrl: broker.url }, rampMs: 200, durationMs: 1500, heartbeatEveryMs: 300, eventsPerMinute: 120,
      connectConcurrency: 10, progressEveryMs: 250, onProgress: (p) => progress.push(p.connected),
    });
    assert.deepEqual([summary.devices, summary.connected, summary.failed, summary.errors], [20, 20, 0, 0]);
    assert.ok(summary.messages > 40 && summary.events > 0, JSON.stringify(summary));
    assert.ok(progress.length >= 3 && progress.at(-1) === 20);
  });

  it('says why the broker refused the devices', async () => {
    const devices = planFleet(readFleetSpec('mqtt3=2', catalog), 3);
    const summary = await runFleet({ devices, endpoints: { brokerUrl: 'mqtt://127.0.0.1:1' }, rampMs: 0, durationMs: 0, heartbeatEveryMs: 1000, eventsPerMinute: 0, connectConcurrency: 2 });
    assert.equal(summary.failed, 2);
    assert.match(Object.keys(summary.problems)[0] ?? '', /could not connect to the MQTT broker at mqtt:\/\/127\.0\.0\.1:1: unreachable \(.*ECONNREFUSED/);
  });
});

// A named MQTT broker is held by one run of this machine at a time (environments/mqtt.ts): two runs on one broker would
// see each other's devices, which share their serials, and fail each other's exactly-once checks.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { forRunsSideBySide, holdBroker } from '../../environments/mqtt.ts';
import { EnvironmentError } from '../../lib/errors.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'broker-hold-'));

describe('holding a named broker', () => {
  it('refuses a second run on the same broker as a broken environment, naming the run that holds it, until that one lets go', () => {
    const held = dir();
    const first = holdBroker('mqtt://127.0.0.1:1883', 'run-a', held);
    assert.throws(() => holdBroker('mqtt://user:secret@127.0.0.1:1883', 'run-b', held), (error: Error) =>
      error instanceof EnvironmentError && error.message.includes('held by the run run-a') && error.message.includes(`(process ${process.pid})`)
      && error.message.includes('unset MQTT_URL') && !error.message.includes('secret'));
    first[Symbol.dispose]();
    const second = holdBroker('mqtt://127.0.0.1:1883', 'run-b', held);
    second[Symbol.dispose]();
    assert.deepEqual(readdirSync(held), []);
  });

  it('lets runs on other brokers be', () => {
    const held = dir();
    const a = holdBroker('mqtt://127.0.0.1:1883', 'run-a', held);
    const b = holdBroker('mqtt://127.0.0.1:1884', 'run-b', held);
    const c = holdBroker('mqtt://broker.example', 'run-c', held);
    for (const hold of [a, b, c]) hold[Symbol.dispose]();
  });

  it('takes over a hold whose process is gone (a run that was killed)', () => {
    const held = dir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const first = holdBroker('mqtt://127.0.0.1:1883', 'run-a', held);
    const [file] = readdirSync(held);
    writeFileSync(join(held, file!), JSON.stringify({ runId: 'run-killed', pid: Number(gone.stdout.trim()), since: '2026-12-05T07:00:00.000Z' }));
    const next = holdBroker('mqtt://127.0.0.1:1883', 'run-b', held);
    // The first run's letting go does not remove the hold of the run that took over.
    first[Symbol.dispose]();
    assert.throws(() => holdBroker('mqtt://127.0.0.1:1883', 'run-c', held), /held by the run run-b/);
    next[Symbol.dispose]();
  });

  it('gives runs started side by side an embedded broker each, and the named database server still', () => {
    assert.deepEqual(forRunsSideBySide({ MQTT_URL: 'mqtt://127.0.0.1:1883', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', PATH: '/bin' }),
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', PATH: '/bin' });
  });
});

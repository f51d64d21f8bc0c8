// The benchmarks' CPU split: what a process is, and a process's CPU time counted under its class.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { classify, sampleCpu } from '../../bench/cpu.ts';

describe('the benchmarks\' CPU split', () => {
  it('tells the browser, the platform, PostgreSQL, Cucumber and the harness apart', () => {
    assert.equal(classify('/usr/lib/chromium/chromium --type=renderer --no-sandbox'), 'browser');
    assert.equal(classify('/work/main/node_modules/node/bin/node /work/main/sandbox/server.ts --version v10 --instance i02 --port 0'), 'platform');
    assert.equal(classify('postgres: postgres accounts 127.0.0.1(36208) idle'), 'postgres');
    assert.equal(classify('/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main'), 'postgres');
    assert.equal(classify('/work/main/node_modules/node/bin/node /work/main/node_modules/@cucumber/cucumber/bin/cucumber.js --parallel 2'), 'cucumber');
    assert.equal(classify('/work/main/node_modules/node/bin/node harness/cli.ts certify --env local'), 'harness');
    assert.equal(classify('/usr/bin/mosquitto -c /etc/mosquitto/mosquitto.conf'), 'other');
  });

  it('counts the CPU a process burns while sampled, under its class', { skip: process.platform !== 'linux' }, async () => {
    const cpu = sampleCpu(100);
    // A child that burns 0.6 s of its own CPU, then stays 0.5 s so that a sample sees its total before it exits.
    const burn = 'const t = process.cpuUsage(); while (process.cpuUsage(t).user < 600000) {} setTimeout(() => {}, 500);';
    await new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, ['-e', `/* sandbox/server.ts */ ${burn}`], { stdio: 'ignore' });
      child.on('error', fail);
      child.on('exit', () => done());
    });
    const split = cpu.stop();
    assert.ok(split.seconds.platform >= 0.5, `the burning child counted ${split.seconds.platform} s as platform`);
    assert.ok(split.totalSeconds >= split.seconds.platform);
    assert.ok(split.samples >= 5);
  });
});

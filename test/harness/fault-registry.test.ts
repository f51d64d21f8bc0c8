// The one registry of fault names: the same names and arguments the stand-in platform accepts (asked through its command line), the detection table and the README.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadCatalog } from '../../catalog/index.ts';
import { faultNames, faultProblem, faultRegistry, type FaultSpec } from '../../environments/index.ts';

const root = join(import.meta.dirname, '..', '..');
const catalog = loadCatalog();
const urls = ['--accounts-url', 'postgres://x@127.0.0.1:1/a', '--events-url', 'postgres://x@127.0.0.1:1/e', '--media-url', 'postgres://x@127.0.0.1:1/m'];

/** The stand-in's stderr for a command that it refuses before connecting to anything. */
function refusal(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(root, 'sandbox', script), ...args], { cwd: root, timeout: 60_000 }, (error, _stdout, stderr) => {
      if (!error) reject(new Error(`sandbox/${script} ${args.join(' ')} was expected to refuse its flags`));
      else resolve(stderr);
    });
  });
}

const server = (fault: string, ...more: string[]) => refusal('server.ts', ['--version', 'v10', '--instance', 'i01', ...urls, '--mqtt-url', 'mqtt://127.0.0.1:1', '--sms-url', 'http://127.0.0.1:1/sms', '--fault', fault, ...more]);
const names = (scope: FaultSpec['scope']) => faultNames.filter((n) => (faultRegistry[n] as FaultSpec).scope === scope).map((n) => n.replace(/^\w+:/, '')).sort();

describe('the fault registry', () => {
  it('names exactly the platform faults the stand-in server knows', async () => {
    const known = /known faults: (.*?) \(optionally/.exec(await server('no-such-fault'))?.[1];
    assert.ok(known, 'the server no longer lists its known faults');
    assert.deepEqual(known.split(', ').sort(), names('platform'));
  });

  it('names exactly the migration and rollback faults the stand-in admin knows', async () => {
    for (const [command, scope] of [['migrate', 'migration'], ['rollback', 'rollback']] as const) {
      const listed = /known faults: (.*)/.exec(await refusal('admin.ts', [command, ...urls, '--fault', 'no-such-fault']))?.[1] ?? '';
      assert.deepEqual([...listed.matchAll(/(?:^|; )([a-z0-9-]+) \(/g)].map((m) => m[1]).sort(), names(scope), `${command}: ${listed}`);
    }
  });

  it('gives an argument to exactly the platform faults the stand-in server wants one for', async () => {
    // --notice-window 0 is refused after the faults are read: reaching it means the fault alone was accepted.
    const platform = faultNames.filter((n) => (faultRegistry[n] as FaultSpec).scope === 'platform');
    // Four at a time: each starts a Node process, and fifteen at once overran the 20 s timeout on a loaded 2-core machine.
    const refusals: string[] = [];
    for (let i = 0; i < platform.length; i += 4) refusals.push(...(await Promise.all(platform.slice(i, i + 4).map((name) => server(name, '--notice-window', '0')))));
    for (const [i, name] of platform.entries()) {
      const wantsOne = /needs an argument/.test(refusals[i] ?? '');
      assert.equal(wantsOne, (faultRegistry[name] as FaultSpec).argument !== undefined, `${name}: ${refusals[i]}`);
      if (!wantsOne) assert.match(refusals[i] ?? '', /--notice-window/, `${name}: ${refusals[i]}`);
    }
  });

  it('accepts every fault of the detection table', () => {
    const cases = parse(readFileSync(join(root, 'harness', 'detection', 'faults.yaml'), 'utf8')) as { id: string; fault: string }[];
    assert.ok(cases.length > 10);
    for (const { id, fault } of cases) assert.equal(faultProblem(fault, catalog, 2), undefined, `${id}: ${fault}`);
  });

  it('is the list the README gives', () => {
    const section = /### Fault switches[\s\S]*?(?=\n## )/.exec(readFileSync(join(root, 'README.md'), 'utf8'))?.[0] ?? '';
    for (const name of faultNames) assert.ok(section.includes(`\`${name}`), `README.md "Fault switches" does not list ${name}`);
  });
});

describe('checking a --fault value', () => {
  const problem = (value: string) => faultProblem(value, catalog, 2) ?? '';

  it('suggests the nearest name for a misspelt fault', () => {
    assert.match(problem('sms-silnt'), /--fault "sms-silnt" is no known fault; did you mean sms-silent\?/);
    assert.match(problem('zzz'), /--fault "zzz" is no known fault; the faults are listed in README\.md "Fault switches"/);
  });

  it('wants the argument a fault needs, and a catalog id in it', () => {
    assert.match(problem('swap-logo'), /needs an argument; write it swap-logo:<white label>,<white label>\[:<instance>\]/);
    assert.match(problem('swap-logo:veilis'), /names 1 white label/);
    assert.match(problem('ai-off-for-offer:gold-2030'), /"gold-2030" is no offer; known: serenite-2011/);
    assert.match(problem('migration:truncate-durations-of-model:orion-9000'), /"orion-9000" is no camera model/);
    assert.match(problem('legacy-accounts-not-alerted:15'), /name a year of signup, 2010 to 2099/);
    assert.equal(problem('legacy-accounts-not-alerted:2015:i02'), '');
  });

  it('wants an instance of the run as a target', () => {
    assert.equal(problem('sms-silent:i02'), '');
    assert.match(problem('sms-silent:i03'), /the run has no instance "i03" \(instances: i01, i02\)/);
    assert.match(problem('deploy:instance-stays-v9:i09'), /"i09" is no instance; known: i01, i02/);
    assert.match(problem('migration:shift-dst-hour:i01'), /too many parts/);
  });

  it('accepts the well-formed faults of every scope', () => {
    for (const value of ['sms-silent', 'platform:notice-utc', 'swap-logo:veilis,assur-plus-protect:i01', 'migration:drop-events-of-offer:serenite-2011', 'rollback:rollback-leaves-v10-rows', 'deploy:instance-not-restarted:i02']) assert.equal(problem(value), '', value);
  });
});

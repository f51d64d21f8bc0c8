// The environment registry and its kinds' capabilities: names checked in one table, what each environment allows, and what the guard, the dry run and the arguments read of it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capabilitiesOf, environmentKind, environmentNames, startEnvironment, validateEnvironment } from '../../environments/index.ts';
import { parseRunArgs } from '../../harness/args.ts';
import { parseCertifyArgs } from '../../harness/certify-args.ts';
import { printDryRun } from '../../harness/dry-run.ts';
import { guardProduction, guardRemote } from '../../harness/guard.ts';
import { loadPlan, plansDir } from '../../harness/plan/load.ts';
import { parseRecordArgs } from '../../harness/record-reference.ts';
import { join } from 'node:path';

describe('the environment registry', () => {
  it('lists every kind once, the default first, each under the name its file exports', () => {
    assert.deepEqual(environmentNames, ['local', 'services', 'containers', 'preprod', 'production']);
    for (const name of environmentNames) assert.equal(environmentKind(name).name, name);
  });

  it('refuses an unknown environment, naming the allowed ones', () => {
    assert.throws(() => environmentKind('staging'), /\[configuration\] unknown environment "staging"; valid environments: local, services, containers, preprod, production$/);
    assert.throws(() => parseCertifyArgs(['--env', 'staging']), /unknown environment "staging"; valid environments: local, services, containers, preprod, production/);
  });

  it('gives each environment the capabilities it honestly has', () => {
    const standIn = { writes: 'any', selection: 'full', accounts: 'created', faults: true, testClock: true, opsTool: true };
    assert.deepEqual(capabilitiesOf('local'), standIn);
    assert.deepEqual(capabilitiesOf('services'), standIn);
    assert.deepEqual(capabilitiesOf('containers'), standIn);
    // Pre-production plays the full regression, whose scenarios create their customers: writes anywhere.
    assert.deepEqual(capabilitiesOf('preprod'), { writes: 'any', selection: 'full', accounts: 'designated', faults: false, testClock: false, opsTool: false });
    assert.deepEqual(capabilitiesOf('production'), { writes: 'designated-accounts', selection: 'smoke', accounts: 'designated', faults: false, testClock: false, opsTool: false });
  });

  it('lets each kind refuse fault switches by its capabilities, naming itself', () => {
    for (const name of environmentNames) {
      const kind = environmentKind(name);
      if (kind.capabilities.faults) kind.checkFaults(['sms-silent']);
      else assert.throws(() => kind.checkFaults(['sms-silent']), new RegExp(`\\[configuration\\] --fault sms-silent: ${name} refuses fault switches`));
      kind.checkFaults([]);
    }
  });

  it('refuses a fault switch before a remote environment starts', async () => {
    await assert.rejects(startEnvironment('preprod', { runId: 'r', version: 'v10', instances: 1, faults: ['sms-silent'], logDir: '/nonexistent' }, {}), /--fault sms-silent: preprod refuses fault switches/);
  });

  it('validates each kind\'s variables, naming the key', () => {
    assert.throws(() => validateEnvironment('services', { MQTT_URL: 'mqtt://127.0.0.1:1883' }), /environment "services" needs DATABASE_URL \(e\.g\. DATABASE_URL=postgres:/);
    assert.throws(() => validateEnvironment('preprod', {}), /environment "preprod" is not configured:[\s\S]*PREPROD_INSTANCES is not set/);
    assert.throws(() => validateEnvironment('local', { KW_CLOCK_SHIFT_DAYS: 'a year' }), /KW_CLOCK_SHIFT_DAYS must be a whole number of days/);
    validateEnvironment('local', { KW_CLOCK_SHIFT_DAYS: '365' });
    validateEnvironment('containers', {});
  });
});

describe('what reads the capabilities', () => {
  it('certify plays each kind\'s default plan: the local one for every stand-in environment', () => {
    for (const name of ['local', 'services', 'containers']) assert.match(parseCertifyArgs(['--env', name]).planFile, /harness\/plans\/local\.yaml$/);
  });

  it('the usage strings list the registry\'s names', () => {
    assert.throws(() => parseRunArgs(['--nope']), /\[--env local\|services\|containers\|preprod\|production\]/);
    assert.throws(() => parseRecordArgs(['--env', 'containers']), /--env preprod or --env production, got "containers"; usage: node harness\/cli\.ts record-reference --env preprod\|production/);
  });

  it('the guard refuses platform actions only where the harness has no ops tool', () => {
    const local = loadPlan(join(plansDir, 'local.yaml'));
    for (const name of ['local', 'services', 'containers']) guardRemote(name, ['sms-silent'], local);
    for (const name of ['preprod', 'production']) assert.throws(() => guardRemote(name, [], local), new RegExp(`"generate-data" changes the platform, which ${name} does not let the harness do`));
  });

  it('the guard restricts the selection to @smoke only where the capabilities say so', async () => {
    await guardProduction('preprod', ['not @wip']);
    await assert.rejects(guardProduction('production', ['@foundation and not @wip']), /production runs only @smoke/);
  });

  it('the dry run says whose accounts the run uses, from the capabilities (containers creates its own)', async () => {
    const plan = loadPlan(join(plansDir, 'local.yaml'));
    const accountsLine = async (env: string): Promise<string> => {
      const lines: string[] = [];
      await printDryRun({ ...plan, phases: [] }, { ...parseCertifyArgs(['--env', 'local']), env }, (line) => lines.push(line));
      return lines.find((line) => line.startsWith('Accounts:')) ?? '';
    };
    assert.match(await accountsLine('containers'), /each scenario creates its own synthetic customers/);
    assert.match(await accountsLine('preprod'), /the designated test accounts of the environment only/);
  });
});

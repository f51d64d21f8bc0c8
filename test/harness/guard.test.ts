// The production guard and remote environments: refused before anything starts, with the offending scenarios or variables named.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertWritable, capabilitiesOf, detectContainerRuntime, loadRemoteConfig } from '../../environments/index.ts';
import { guardProduction, guardRemote } from '../../harness/guard.ts';
import { loadPlan, plansDir } from '../../harness/plan/load.ts';

function accountsFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'accounts-')), 'accounts.json');
  writeFileSync(file, content);
  return file;
}

const production = (overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
  PRODUCTION_INSTANCES: 'i01=https://a.example,i02=https://b.example',
  PRODUCTION_INSTANCE_COUNT: '2',
  PRODUCTION_MQTT_URL: 'mqtts://broker.example:8883',
  PRODUCTION_ACCOUNTS_DB_URL: 'postgres://ro@db.example/accounts',
  PRODUCTION_EVENTS_DB_URL: 'postgres://ro@db.example/events',
  PRODUCTION_MEDIA_DB_URL: 'postgres://ro@db.example/media',
  PRODUCTION_TEST_ACCOUNTS_FILE: accountsFile('[{"email":"qa@veilis.example","password":"x","whiteLabel":"veilis"}]'),
  ...overrides,
});

describe('the production guard', () => {
  it('refuses a production selection with non-smoke scenarios, in one line naming them', async () => {
    await assert.rejects(guardProduction('production', ['@foundation and not @wip']), (error: Error) => {
      assert.match(error.message, /production runs only @smoke: 2 selected scenario\(s\) are not \(select them out, or tag them @smoke if safe there\)/);
      assert.doesNotMatch(error.message, /\n/);
      assert.match(error.message, /features\/fondation\/detection-mouvement\.feature:\d+ Le client/);
      assert.ok(error.message.length <= 200, error.message);
      assert.doesNotMatch(error.message, /sante-instances/);
      return true;
    });
  });

  it('lets a production selection of smoke scenarios through', async () => {
    await guardProduction('production', ['@smoke and not @wip']);
  });

  it('does not restrict other environments', async () => {
    await guardProduction('local', ['not @wip']);
  });

  it('refuses fault switches on pre-production and production, and lets them through locally', () => {
    for (const env of ['production', 'preprod'] as const) assert.throws(() => guardRemote(env, ['sms-silent']), new RegExp(`--fault sms-silent: ${env} refuses fault switches`));
    guardRemote('local', ['sms-silent']);
  });

  it('refuses a plan action that changes a remote platform, naming its place in the plan', () => {
    const local = loadPlan(join(plansDir, 'local.yaml'));
    assert.throws(() => guardRemote('production', [], local), /local\.yaml: phases\[0\]\.steps\[0\] "generate-data" changes the platform, which production does not let the harness do/);
    guardRemote('production', [], loadPlan(join(plansDir, 'production.yaml')));
    guardRemote('preprod', [], loadPlan(join(plansDir, 'preprod.yaml')));
  });
});

describe('remote environments', () => {
  it('reads a complete production configuration', () => {
    const config = loadRemoteConfig('production', production());
    assert.deepEqual(config.instances.map((i) => i.id), ['i01', 'i02']);
    assert.equal(config.testAccounts[0]?.email, 'qa@veilis.example');
  });

  it('names every missing variable and what it holds', () => {
    assert.throws(() => loadRemoteConfig('preprod', {}), (error: Error) => {
      for (const key of ['PREPROD_INSTANCES', 'PREPROD_MQTT_URL', 'PREPROD_ACCOUNTS_DB_URL', 'PREPROD_TEST_ACCOUNTS_FILE']) assert.match(error.message, new RegExp(`${key} is not set`));
      return true;
    });
  });

  it('refuses an instance list that does not match the expected count', () => {
    assert.throws(() => loadRemoteConfig('production', production({ PRODUCTION_INSTANCE_COUNT: '46' })), /PRODUCTION_INSTANCES lists 2 instances but PRODUCTION_INSTANCE_COUNT says 46/);
  });

  it('refuses a test accounts file inside the repository, where secrets must not be', () => {
    assert.throws(() => loadRemoteConfig('production', production({ PRODUCTION_TEST_ACCOUNTS_FILE: join(import.meta.dirname, 'guard.test.ts') })), /points inside the repository/);
  });
});

describe('the containers environment', () => {
  it('says in one line, within seconds, that no container runtime answers', async () => {
    const started = Date.now();
    await assert.rejects(detectContainerRuntime({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }), /no container runtime: no Docker or Podman engine answers at DOCKER_HOST=unix:\/\/\/nonexistent\/docker\.sock; install and start Docker/);
    assert.ok(Date.now() - started < 5000);
  });
});

describe('writes, as the capabilities allow them', () => {
  const base = { name: 'production', capabilities: capabilitiesOf('production'), testAccounts: [{ email: 'qa@veilis.example', password: 'x', whiteLabel: 'veilis' }] };

  it('refuses on production a write to an account that is not a designated test account', () => {
    assert.throws(() => assertWritable(base, 'create customer "Camille"'), /the production environment refuses to create customer "Camille": writes are allowed there only on its designated test accounts \(qa@veilis\.example\)/);
    assert.throws(() => assertWritable(base, 'claim a camera', 'someone@else.example'), /refuses to claim a camera/);
  });

  it('lets a write to a designated test account through', () => {
    assertWritable(base, 'claim a camera', 'qa@veilis.example');
  });

  it('lets every write through where writes are allowed anywhere (local, pre-production)', () => {
    for (const name of ['local', 'preprod']) assertWritable({ ...base, name, capabilities: capabilitiesOf(name) }, 'create customer "Camille"');
  });

  it('refuses every write, even to a designated account, where the capabilities allow none', () => {
    const none = { ...base, name: 'read-only', capabilities: { ...capabilitiesOf('production'), writes: 'none' as const } };
    assert.throws(() => assertWritable(none, 'claim a camera', 'qa@veilis.example'), /the read-only environment refuses to claim a camera: it allows no write/);
  });
});

// The containers environment's choices, without an engine: which image for each service and the one line that says
// why, the Ryuk reaper's fate, the services' commands on a given port, and the plan `certify --env containers` plays.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseImage, imageLine, mosquittoCommand, postgresCommand, reaperDecision, shortReason, type ImageProbe } from '../../environments/containers.ts';
import { environmentKind, environmentNames } from '../../environments/index.ts';
import { parseCertifyArgs } from '../../harness/certify-args.ts';

const noRegistry = new Error('(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host');

/** An engine holding `present`; `pullable` images can be pulled, every other pull fails with `noRegistry`. Records the calls. */
function engine(present: string[], pullable: string[] = []): ImageProbe & { calls: string[] } {
  const images = new Set(present);
  const calls: string[] = [];
  return {
    calls,
    exists: async (image) => {
      calls.push(`exists ${image}`);
      return images.has(image);
    },
    pull: async (image) => {
      calls.push(`pull ${image}`);
      if (!pullable.includes(image)) throw noRegistry;
      images.add(image);
    },
  };
}

describe('the containers environment: images', () => {
  it('uses the default image present on the engine, without pulling', async () => {
    const probe = engine(['postgres:16-alpine']);
    assert.deepEqual(await chooseImage('postgres', {}, probe), { service: 'postgres', image: 'postgres:16-alpine', flavour: 'official', why: 'present' });
    assert.deepEqual(probe.calls, ['exists postgres:16-alpine']);
  });

  it('pulls the default image when a registry answers', async () => {
    const probe = engine([], ['eclipse-mosquitto:2']);
    assert.deepEqual(await chooseImage('mqtt', {}, probe), { service: 'mqtt', image: 'eclipse-mosquitto:2', flavour: 'official', why: 'pulled' });
    assert.deepEqual(probe.calls, ['exists eclipse-mosquitto:2', 'pull eclipse-mosquitto:2', 'exists eclipse-mosquitto:2']);
  });

  it('falls back to the local image when the default cannot be pulled, and says why in one line', async () => {
    const probe = engine(['kw-local/services:bookworm']);
    const chosen = [await chooseImage('postgres', {}, probe), await chooseImage('mqtt', {}, probe)];
    assert.deepEqual(chosen.map((c) => [c.image, c.flavour, c.why]), [['kw-local/services:bookworm', 'debian', 'fallback'], ['kw-local/services:bookworm', 'debian', 'fallback']]);
    assert.equal(imageLine(chosen), '[harness] containers: PostgreSQL and Mosquitto in kw-local/services:bookworm, the local image built by scripts/build-local-images.sh (postgres:16-alpine and eclipse-mosquitto:2 cannot be pulled: registry-1.docker.io: no such host)');
  });

  it('names each image and its reason when the two services differ', () => {
    const line = imageLine([
      { service: 'postgres', image: 'postgres:16-alpine', flavour: 'official', why: 'present' },
      { service: 'mqtt', image: 'kw-local/services:bookworm', flavour: 'debian', why: 'fallback', unavailable: { image: 'eclipse-mosquitto:2', reason: 'timeout' } },
    ]);
    assert.equal(line, '[harness] containers: PostgreSQL in postgres:16-alpine (present on the engine), Mosquitto in kw-local/services:bookworm, the local image built by scripts/build-local-images.sh (eclipse-mosquitto:2 cannot be pulled: timeout)');
  });

  it('is a broken environment naming the build script when neither the default nor the local image can be had', async () => {
    await assert.rejects(chooseImage('postgres', {}, engine([])), (error: Error) => {
      assert.equal(error.name, 'EnvironmentError');
      assert.equal(error.message, "[environment] no PostgreSQL image: postgres:16-alpine cannot be pulled (registry-1.docker.io: no such host) and the local image kw-local/services:bookworm is not on the engine; build it with scripts/build-local-images.sh (needs root, debootstrap and Debian's package archive, about 5 minutes once), or set HARNESS_POSTGRES_IMAGE");
      return true;
    });
  });

  it('never replaces an image set explicitly: one that cannot be had is the error', async () => {
    await assert.rejects(chooseImage('mqtt', { HARNESS_MQTT_IMAGE: 'registry.example/mosquitto:2' }, engine(['kw-local/services:bookworm'])), /\[environment\] HARNESS_MQTT_IMAGE=registry\.example\/mosquitto:2 is not on the container engine and cannot be pulled \(registry-1\.docker\.io: no such host\); pull or build it, or unset HARNESS_MQTT_IMAGE/);
    const probe = engine(['registry.example/mosquitto:2', 'kw-local/services:bookworm']);
    assert.deepEqual(await chooseImage('mqtt', { HARNESS_MQTT_IMAGE: 'registry.example/mosquitto:2' }, probe), { service: 'mqtt', image: 'registry.example/mosquitto:2', flavour: 'official', why: 'present' });
  });

  it('runs the local image (also under another name) with Debian\'s commands, and never pulls it', async () => {
    const env = { HARNESS_LOCAL_IMAGE: 'mine/services:1', HARNESS_POSTGRES_IMAGE: 'mine/services:1' };
    assert.deepEqual(await chooseImage('postgres', env, engine(['mine/services:1'])), { service: 'postgres', image: 'mine/services:1', flavour: 'debian', why: 'present' });
    const probe = engine([]);
    await assert.rejects(chooseImage('postgres', env, probe), /^EnvironmentError: \[environment\] the local image mine\/services:1 \(HARNESS_POSTGRES_IMAGE\) is not on the container engine: build it with scripts\/build-local-images\.sh \(HARNESS_LOCAL_IMAGE=mine\/services:1\)$/);
    assert.deepEqual(probe.calls, ['exists mine/services:1']);
  });

  it('shortens the engine\'s reasons', () => {
    assert.equal(shortReason(noRegistry), 'registry-1.docker.io: no such host');
    assert.equal(shortReason(new Error('(HTTP code 404) server error - manifest unknown')), 'manifest unknown');
  });
});

describe('the containers environment: the Ryuk reaper', () => {
  it('is disabled, said once, when its image cannot be pulled', async () => {
    const env: NodeJS.ProcessEnv = {};
    assert.equal(await reaperDecision(env, engine([])), '[harness] containers: the Ryuk reaper is disabled (testcontainers/ryuk:0.14.0 cannot be pulled: registry-1.docker.io: no such host); the harness removes its containers itself');
    assert.equal(env['TESTCONTAINERS_RYUK_DISABLED'], 'true');
    assert.equal(await reaperDecision(env, engine([])), undefined);
  });

  it('stays when its image is present or pullable, or when the user disabled it already', async () => {
    for (const probe of [engine(['testcontainers/ryuk:0.14.0']), engine([], ['testcontainers/ryuk:0.14.0'])]) {
      const env: NodeJS.ProcessEnv = {};
      assert.equal(await reaperDecision(env, probe), undefined);
      assert.equal(env['TESTCONTAINERS_RYUK_DISABLED'], undefined);
    }
    const env: NodeJS.ProcessEnv = { RYUK_CONTAINER_IMAGE: 'mirror.example/ryuk:1' };
    assert.match((await reaperDecision(env, engine([]))) ?? '', /\(mirror\.example\/ryuk:1 cannot be pulled/);
  });
});

describe('the containers environment: commands on a free port of 127.0.0.1', () => {
  it('starts PostgreSQL on the port, on 127.0.0.1 only, from either image', () => {
    const official = postgresCommand('official', 40001);
    assert.deepEqual(official, { command: ['postgres', '-p', '40001', '-c', 'listen_addresses=127.0.0.1'], environment: { POSTGRES_PASSWORD: 'harness', PGPORT: '40001' }, readyLogs: 2 });
    const debian = postgresCommand('debian', 40002);
    assert.equal(debian.user, 'postgres');
    assert.equal(debian.readyLogs, 1);
    assert.match(debian.command[2] ?? '', /\nexec "\$bin\/postgres" -D \/tmp\/kw-pgdata -p 40002 -k \/tmp -c listen_addresses=127\.0\.0\.1 -c fsync=off$/);
  });

  it('starts Mosquitto on the port, on 127.0.0.1 only', () => {
    assert.deepEqual(mosquittoCommand(40003), ['sh', '-c', "printf 'listener 40003 127.0.0.1\\nallow_anonymous true\\nlog_dest stderr\\npersistence false\\n' > /tmp/kw-mosquitto.conf && exec mosquitto -c /tmp/kw-mosquitto.conf"]);
  });
});

describe('environments that start the platform here', () => {
  it('play the local plan; remote ones their own', () => {
    assert.deepEqual(environmentNames.map((name) => environmentKind(name).defaultPlan), ['local', 'local', 'local', 'preprod', 'production']);
    assert.deepEqual(environmentNames.filter((name) => environmentKind(name).remote !== undefined), ['preprod', 'production']);
    assert.match(parseCertifyArgs(['--env', 'containers']).planFile, /harness\/plans\/local\.yaml$/);
  });
});

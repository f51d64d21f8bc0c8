// The containers environment: PostgreSQL and Mosquitto in containers (testcontainers), the sandbox processes pointed at them.
//
// Images are configuration (HARNESS_POSTGRES_IMAGE, HARNESS_MQTT_IMAGE). Where the default images cannot be pulled (no
// registry), the local image built from Debian's packages by scripts/build-local-images.sh stands in for both, and the
// harness says so in one line. The containers share the host's network and listen on free ports of 127.0.0.1 only.

import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { EnvironmentError } from '../lib/errors.ts';
import { running } from '../lib/process-holds.ts';

/** Where a container engine would answer: DOCKER_HOST (unix:// only) or the usual sockets. */
function socketPaths(env: NodeJS.ProcessEnv): string[] {
  const host = env['DOCKER_HOST'];
  if (host?.startsWith('unix://')) return [host.slice('unix://'.length)];
  if (host) return [];
  return ['/var/run/docker.sock', `/run/user/${process.getuid?.() ?? 0}/podman/podman.sock`, '/run/podman/podman.sock'];
}

function ping(socketPath: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Finds a container engine within a couple of seconds, or says in one line that there is none and what to install. */
export async function detectContainerRuntime(env: NodeJS.ProcessEnv = process.env, timeoutMs = 2000): Promise<string> {
  const host = env['DOCKER_HOST'];
  if (host && !host.startsWith('unix://')) return host;
  for (const path of socketPaths(env)) if (existsSync(path) && (await ping(path, timeoutMs))) return `unix://${path}`;
  throw new EnvironmentError(`no container runtime: no Docker or Podman engine answers${host ? ` at DOCKER_HOST=${host}` : ' on /var/run/docker.sock'}; install and start Docker (or Podman with its socket), or use --env local`);
}

export const defaultImages = { postgres: 'postgres:16-alpine', mqtt: 'eclipse-mosquitto:2' } as const;
export const defaultLocalImage = 'kw-local/services:bookworm';
export const buildScript = 'scripts/build-local-images.sh';
const imageVariables = { postgres: 'HARNESS_POSTGRES_IMAGE', mqtt: 'HARNESS_MQTT_IMAGE' } as const;
const serviceNames = { postgres: 'PostgreSQL', mqtt: 'Mosquitto' } as const;
export type Service = keyof typeof defaultImages;

/** What the harness asks of the engine about images (the engine's answers, or a test's). */
export interface ImageProbe {
  exists(image: string): Promise<boolean>;
  /** Pulls the image; rejects with the engine's reason when it cannot. */
  pull(image: string): Promise<void>;
}

export interface ChosenImage {
  service: Service;
  image: string;
  /** 'debian': the local image from the build script (Debian's packages and paths); 'official': the registry's images. */
  flavour: 'debian' | 'official';
  /** Why this image: present on the engine, pulled, or standing in for a default that cannot be pulled. */
  why: 'present' | 'pulled' | 'fallback';
  /** With 'fallback': the default image and why it could not be pulled. */
  unavailable?: { image: string; reason: string };
}

/** The engine's reason, short: `lookup registry-1.docker.io on 10.0.0.1:53: no such host` says `registry-1.docker.io: no such host`. */
export function shortReason(error: unknown): string {
  const message = String((error as Error)?.message ?? error).replace(/\s+/g, ' ').trim();
  const lookup = /lookup (\S+?)(?: on \S+)?: (.+)$/.exec(message);
  if (lookup) return `${lookup[1]}: ${lookup[2]}`;
  return message.replace(/^\(HTTP code \d+\)\s*/, '').replace(/^server error - /, '').slice(0, 160);
}

/**
 * The image for one service: the configured one (present or pulled); the default that cannot be pulled gives way
 * to the local image when it exists. An image set explicitly is never replaced: if it cannot be had, that is the error.
 */
export async function chooseImage(service: Service, env: NodeJS.ProcessEnv, probe: ImageProbe): Promise<ChosenImage> {
  const variable = imageVariables[service];
  const localImage = env['HARNESS_LOCAL_IMAGE'] || defaultLocalImage;
  const configured = env[variable] || defaultImages[service];
  const flavour = (image: string): ChosenImage['flavour'] => (image === localImage ? 'debian' : 'official');
  const build = `build it with ${buildScript}${localImage === defaultLocalImage ? '' : ` (HARNESS_LOCAL_IMAGE=${localImage})`}`;
  if (await probe.exists(configured)) return { service, image: configured, flavour: flavour(configured), why: 'present' };
  if (configured === localImage) throw new EnvironmentError(`the local image ${localImage} (${env[variable] ? variable : 'HARNESS_LOCAL_IMAGE'}) is not on the container engine: ${build}`);
  let reason: string;
  try {
    await probe.pull(configured);
    if (await probe.exists(configured)) return { service, image: configured, flavour: 'official', why: 'pulled' };
    reason = 'the pull ended without the image';
  } catch (error) {
    reason = shortReason(error);
  }
  if (env[variable]) throw new EnvironmentError(`${variable}=${configured} is not on the container engine and cannot be pulled (${reason}); pull or build it, or unset ${variable}`);
  if (await probe.exists(localImage)) return { service, image: localImage, flavour: 'debian', why: 'fallback', unavailable: { image: configured, reason } };
  throw new EnvironmentError(`no ${serviceNames[service]} image: ${configured} cannot be pulled (${reason}) and the local image ${localImage} is not on the engine; ${build} (needs root, debootstrap and Debian's package archive, about 5 minutes once), or set ${variable}`);
}

/**
 * The one line that says which images the run uses and why, e.g. `[harness] containers: PostgreSQL and Mosquitto in
 * kw-local/services:bookworm, the local image built by scripts/build-local-images.sh (postgres:16-alpine and
 * eclipse-mosquitto:2 cannot be pulled: registry-1.docker.io: no such host)`.
 */
export function imageLine(chosen: ChosenImage[]): string {
  const groups = new Map<string, ChosenImage[]>();
  for (const c of chosen) groups.set(`${c.image}\u0000${c.why}`, [...(groups.get(`${c.image}\u0000${c.why}`) ?? []), c]);
  const parts = [...groups.values()].map((group) => {
    const first = group[0] as ChosenImage;
    const services = group.map((c) => serviceNames[c.service]).join(' and ');
    if (first.why !== 'fallback') return `${services} in ${first.image} (${first.why === 'present' ? 'present on the engine' : 'pulled'})`;
    const reasons = [...new Set(group.map((c) => c.unavailable?.reason))];
    const defaults = group.map((c) => c.unavailable?.image).join(' and ');
    const why = reasons.length === 1 ? `${defaults} cannot be pulled: ${reasons[0]}` : group.map((c) => `${c.unavailable?.image} cannot be pulled: ${c.unavailable?.reason}`).join('; ');
    return `${services} in ${first.image}, the local image built by ${buildScript} (${why})`;
  });
  return `[harness] containers: ${parts.join(', ')}`;
}

/** The Ryuk reaper's image, as testcontainers names it. */
export function reaperImage(env: NodeJS.ProcessEnv): string {
  return env['RYUK_CONTAINER_IMAGE'] || 'testcontainers/ryuk:0.14.0';
}

/**
 * Whether the Ryuk reaper can run; when its image is neither present nor pullable, it is disabled
 * (TESTCONTAINERS_RYUK_DISABLED=true) and the line that says so is returned; undefined when nothing changes.
 */
export async function reaperDecision(env: NodeJS.ProcessEnv, probe: ImageProbe): Promise<string | undefined> {
  if (env['TESTCONTAINERS_RYUK_DISABLED'] === 'true') return undefined;
  const image = reaperImage(env);
  if (await probe.exists(image)) return undefined;
  let reason: string;
  try {
    await probe.pull(image);
    if (await probe.exists(image)) return undefined;
    reason = 'the pull ended without the image';
  } catch (error) {
    reason = shortReason(error);
  }
  env['TESTCONTAINERS_RYUK_DISABLED'] = 'true';
  return `[harness] containers: the Ryuk reaper is disabled (${image} cannot be pulled: ${reason}); the harness removes its containers itself`;
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The container's command and environment for PostgreSQL on `port` of 127.0.0.1 (password `harness`). */
export function postgresCommand(flavour: ChosenImage['flavour'], port: number): { command: string[]; environment: Record<string, string>; user?: string; readyLogs: number } {
  if (flavour === 'official') {
    // The official entry point initialises the data folder, then runs `postgres` with these arguments; PGPORT is its temporary server's port.
    return { command: ['postgres', '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], environment: { POSTGRES_PASSWORD: 'harness', PGPORT: String(port) }, readyLogs: 2 };
  }
  // Debian's packages: initdb into the container's own folder, then the server, as the postgres user.
  const script = [
    'set -e',
    'bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)',
    'echo harness > /tmp/kw-pgpass',
    '"$bin/initdb" -D /tmp/kw-pgdata -U postgres --pwfile=/tmp/kw-pgpass --auth-local=trust --auth-host=scram-sha-256 --no-sync >/tmp/kw-initdb.log',
    `exec "$bin/postgres" -D /tmp/kw-pgdata -p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`,
  ].join('\n');
  return { command: ['sh', '-c', script], environment: { LANG: 'C.UTF-8' }, user: 'postgres', readyLogs: 1 };
}

/** The container's command for Mosquitto on `port` of 127.0.0.1, anonymous clients allowed (same in both images). */
export function mosquittoCommand(port: number): string[] {
  const config = `listener ${port} 127.0.0.1\\nallow_anonymous true\\nlog_dest stderr\\npersistence false\\n`;
  return ['sh', '-c', `printf '${config}' > /tmp/kw-mosquitto.conf && exec mosquitto -c /tmp/kw-mosquitto.conf`];
}

export interface StartedContainers extends AsyncDisposable {
  databaseUrl: string;
  mqttUrl: string;
  images: ChosenImage[];
}

let reaperSaid = false;
const ownerLabel = 'kw-harness.owner-pid';

/**
 * PostgreSQL and Mosquitto in containers on the host's network, each on a free port of 127.0.0.1. What started is
 * removed again if the rest fails; `[Symbol.asyncDispose]` removes both. Containers that a killed run left behind
 * (labelled with its process id) are removed first.
 */
export async function startContainers(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): Promise<StartedContainers> {
  await detectContainerRuntime(env);
  const { GenericContainer, Wait, getContainerRuntimeClient, ImageName } = await import('testcontainers');
  let client;
  try {
    client = await getContainerRuntimeClient();
  } catch (error) {
    throw new EnvironmentError(`the container engine answers, but testcontainers cannot use it: ${shortReason(error)}`, { cause: error });
  }
  const pullTimeoutMs = 300_000;
  const probe: ImageProbe = {
    exists: (image) => client.image.exists(ImageName.fromString(image)),
    pull: async (image) => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${pullTimeoutMs / 1000} s`)), pullTimeoutMs);
      });
      try {
        await Promise.race([client.image.pull(ImageName.fromString(image)), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
  for (const info of await client.container.list()) {
    const owner = Number(info.Labels?.[ownerLabel]);
    if (Number.isInteger(owner) && owner > 0 && !running(owner)) {
      await client.container.getById(info.Id).remove({ force: true, v: true }).catch(() => undefined);
      log(`[harness] containers: removed ${info.Names?.[0]?.replace(/^\//, '') ?? info.Id.slice(0, 12)}, left behind by run process ${owner}`);
    }
  }
  const reaper = await reaperDecision(process.env, probe);
  if (reaper && !reaperSaid) {
    reaperSaid = true;
    log(reaper);
  }
  const images = [await chooseImage('postgres', env, probe), await chooseImage('mqtt', env, probe)];
  const [pgImage, mqttImage] = images as [ChosenImage, ChosenImage];
  log(imageLine(images));
  const labels = { [ownerLabel]: String(process.pid) };
  const started: { stop(options?: { timeout?: number }): Promise<unknown> }[] = [];
  const removeAll = async () => {
    const results = await Promise.allSettled(started.splice(0).map((c) => c.stop({ timeout: 5_000 })));
    const failed = results.filter((r) => r.status === 'rejected').map((r) => shortReason((r as PromiseRejectedResult).reason));
    if (failed.length > 0) throw new EnvironmentError(`could not remove the containers: ${failed.join('; ')}`);
  };
  try {
    const pgPort = await freePort();
    const pg = postgresCommand(pgImage.flavour, pgPort);
    let postgres = new GenericContainer(pgImage.image)
      .withNetworkMode('host')
      .withLabels(labels)
      .withEnvironment(pg.environment)
      .withCommand(pg.command)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, pg.readyLogs))
      .withStartupTimeout(120_000);
    if (pg.user) postgres = postgres.withUser(pg.user);
    started.push(await postgres.start());
    const mqttPort = await freePort();
    started.push(await new GenericContainer(mqttImage.image)
      .withNetworkMode('host')
      .withLabels(labels)
      .withCommand(mosquittoCommand(mqttPort))
      .withWaitStrategy(Wait.forLogMessage(/mosquitto version \S+ running/))
      .withStartupTimeout(60_000)
      .start());
    return {
      databaseUrl: `postgres://postgres:harness@127.0.0.1:${pgPort}/postgres`,
      mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
      images,
      [Symbol.asyncDispose]: removeAll,
    };
  } catch (error) {
    await removeAll().catch(() => undefined);
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`a service container did not start: ${shortReason(error)}`, { cause: error });
  }
}

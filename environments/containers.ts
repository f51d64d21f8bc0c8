// The containers environment: PostgreSQL and Mosquitto in containers (testcontainers), the sandbox processes pointed at them.

import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { EnvironmentError } from '../lib/errors.ts';

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

export interface StartedContainers extends AsyncDisposable {
  databaseUrl: string;
  mqttUrl: string;
}

/**
 * PostgreSQL and Mosquitto in containers. Not exercised by this project's CI, whose machines run no
 * container engine: there the environment stops at `detectContainerRuntime` with its one-line message.
 */
export async function startContainers(env: NodeJS.ProcessEnv = process.env): Promise<StartedContainers> {
  await detectContainerRuntime(env);
  const { GenericContainer, Wait } = await import('testcontainers');
  const postgres = await new GenericContainer('postgres:16-alpine')
    .withEnvironment({ POSTGRES_PASSWORD: 'harness' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(120_000)
    .start();
  const mosquitto = await new GenericContainer('eclipse-mosquitto:2')
    .withCommand(['mosquitto', '-c', '/mosquitto-no-auth.conf'])
    .withExposedPorts(1883)
    .withStartupTimeout(60_000)
    .start();
  return {
    databaseUrl: `postgres://postgres:harness@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`,
    mqttUrl: `mqtt://${mosquitto.getHost()}:${mosquitto.getMappedPort(1883)}`,
    async [Symbol.asyncDispose]() {
      await Promise.all([postgres.stop(), mosquitto.stop()]);
    },
  };
}

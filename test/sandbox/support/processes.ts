// Runs the sandbox's commands as real processes, with deadlines: admin.ts to completion, server.ts until its READY line.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DatabaseUrls } from './databases.ts';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const fixtureCatalog = join(import.meta.dirname, '..', 'fixtures', 'catalog');
export const mqttUrl = process.env.SANDBOX_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function dbFlags(urls: DatabaseUrls): string[] {
  return ['--accounts-url', urls.accounts, '--events-url', urls.events, '--media-url', urls.media];
}

/** Runs `node sandbox/admin.ts ...args` to its end (15 s at most). */
export function runAdmin(args: string[]): Promise<Finished> {
  const child = spawnNode('sandbox/admin.ts', args);
  child.stdin?.end();
  // generate hashes a password per designated account (scrypt): a minute on a loaded machine.
  return finish(child, 60_000, `admin.ts ${args[0] ?? ''}`);
}

/** `admin.ts init` that must succeed. */
export async function initPlatform(version: 'v9' | 'v10', urls: DatabaseUrls, catalog = fixtureCatalog): Promise<void> {
  const done = await runAdmin(['init', '--version', version, ...dbFlags(urls), '--catalog', catalog]);
  if (done.code !== 0) throw new Error(`admin.ts init ${version} exited with ${done.code}: ${done.stderr}`);
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything written so far on stderr. */
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<Finished>;
}

/** Starts `node sandbox/server.ts ...args` with a pipe on stdin (closing it stops the server). */
export function spawnServer(args: string[]): ServerProcess {
  const child = spawnNode('sandbox/server.ts', args);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr, exited: collect(child) };
}

export interface Platform extends ServerProcess {
  instance: string;
  version: string;
  port: number;
  url: string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<Finished>;
}

export interface PlatformOptions {
  version: 'v9' | 'v10';
  instance: string;
  urls: DatabaseUrls;
  smsUrl: string;
}

/** Starts one instance and waits (10 s at most) for its READY line. */
export async function startPlatform(o: PlatformOptions): Promise<Platform> {
  const args = ['--version', o.version, '--instance', o.instance, ...dbFlags(o.urls), '--mqtt-url', mqttUrl, '--sms-url', o.smsUrl];
  const server = spawnServer(args);
  const ready = await readyLine(server, 10_000);
  const stop = async (): Promise<Finished> => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
    return withDeadline(server, 10_000, 'server.ts after SIGTERM');
  };
  return { ...server, ...ready, stop };
}

function readyLine(server: ServerProcess, timeoutMs: number): Promise<{ instance: string; version: string; port: number; url: string }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      server.child.kill('SIGKILL');
      reject(new Error(`server.ts printed no SANDBOX_READY line within ${timeoutMs} ms; stderr: ${server.stderr()}`));
    }, timeoutMs);
    server.child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^SANDBOX_READY (.+)$/m.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(JSON.parse(match[1]) as { instance: string; version: string; port: number; url: string });
    });
    void server.exited.then((done) => {
      clearTimeout(timer);
      reject(new Error(`server.ts exited with ${done.code} before READY; stderr: ${done.stderr}`));
    });
  });
}

function spawnNode(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [join(repoRoot, script), ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Resolves with the output when the process has exited. */
function collect(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The process's exit, or SIGKILL and an error naming it after `timeoutMs`. */
export function withDeadline(server: Pick<ServerProcess, 'child' | 'exited' | 'stderr'>, timeoutMs: number, what: string): Promise<Finished> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      server.child.kill('SIGKILL');
      reject(new Error(`${what} did not exit within ${timeoutMs} ms; stderr: ${server.stderr()}`));
    }, timeoutMs);
  });
  return Promise.race([server.exited, late]).finally(() => clearTimeout(timer));
}

function finish(child: ChildProcess, timeoutMs: number, what: string): Promise<Finished> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return withDeadline({ child, exited: collect(child), stderr: () => stderr }, timeoutMs, what);
}

// Starts one instance with extra flags (--test-clock, --notice-at, --fault ...) for the customer-space and back-office tests.

import { dbFlags, mqttUrl, spawnServer, withDeadline } from './processes.ts';
import type { Finished, Platform } from './processes.ts';
import type { DatabaseUrls } from './databases.ts';

export async function startPlatformWith(version: 'v9' | 'v10', instance: string, urls: DatabaseUrls, extra: string[] = []): Promise<Platform> {
  const server = spawnServer(['--version', version, '--instance', instance, ...dbFlags(urls), '--mqtt-url', mqttUrl, '--sms-url', 'http://127.0.0.1:9/sms', ...extra]);
  const ready = await new Promise<{ instance: string; version: string; port: number; url: string }>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      server.child.kill('SIGKILL');
      reject(new Error(`server.ts printed no SANDBOX_READY line within 10 s; stderr: ${server.stderr()}`));
    }, 10_000);
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
  const stop = async (): Promise<Finished> => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
    return withDeadline(server, 10_000, 'server.ts after SIGTERM');
  };
  return { ...server, ...ready, stop };
}

/** POSTs JSON to a local ops endpoint; answers status and body. */
export async function ops(baseUrl: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}/__ops/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// A platform instance wired to the real stub server (SMS, mail, payment, AI) on the shipped catalog, for the modules' tests.

import { randomInt } from 'node:crypto';
import { defaultCatalogDir } from '../../../catalog/index.ts';
import { retryUntil } from '../../../lib/wait.ts';
import { startStubServer, type JournalEntry, type JournalFilter, type StartedStubServer } from '../../../simulators/index.ts';
import { defaultServices } from '../../../simulators/stubs/index.ts';
import { call, newCustomer } from './api.ts';
import { connectCamera, newSerial, type TestCamera } from './camera.ts';
import { createTestDatabases, type TestDatabases } from './databases.ts';
import { dbFlags, initPlatform, mqttUrl, spawnServer, withDeadline, type Finished, type ServerProcess } from './processes.ts';

export interface ModulesPlatform {
  url: string;
  stubs: StartedStubServer;
  dbs: TestDatabases;
  server: ServerProcess;
  /** A synthetic (run-42) customer of the offer, logged in, with a camera of `model` claimed and connected. */
  customer(offer: string, options?: CustomerOptions): Promise<ModuleCustomer>;
  /** The first journal entry matching, within 5 s. */
  waitFor(filter: JournalFilter, accept?: (e: JournalEntry) => boolean): Promise<JournalEntry>;
  close(): Promise<void>;
}

type Provider = 'sms' | 'mail' | 'payment' | 'ai' | 'monitoring';

export interface CustomerOptions {
  whiteLabel?: string;
  paymentMethod?: string;
  accountType?: string;
  model?: string;
  instrument?: string;
  runId?: string | null;
}

export interface ModuleCustomer {
  id: number;
  token: string;
  email: string;
  phone: string;
  camera: TestCamera;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function phone(): string {
  return `+336${String(randomInt(10_000_000, 99_999_999))}`;
}

/** Starts stubs, databases (shipped catalog) and one instance of `version` with every provider URL; `urls` overrides some; `flags` go to server.ts. */
export async function startModulesPlatform(version: 'v9' | 'v10', urls: Partial<Record<Provider, string>> = {}, flags: string[] = []): Promise<ModulesPlatform> {
  const [stubs, dbs] = await Promise.all([startStubServer(), createTestDatabases()]);
  await initPlatform(version, dbs.urls, defaultCatalogDir);
  // Every service of the stub table, as the environment hands them; `urls` replaces some.
  const providers = defaultServices.flatMap((service) => [service.platformFlag, urls[service.name as Provider] ?? stubs.serviceUrl(service.name)]);
  const server = spawnServer([
    '--version', version, '--instance', `m-${version}`, ...dbFlags(dbs.urls), '--mqtt-url', mqttUrl, ...providers, ...flags,
  ]);
  const url = await readyUrl(server);
  const cameras: TestCamera[] = [];
  return {
    url, stubs, dbs, server,
    async customer(offer, o = {}) {
      const fields = { offer, phone: phone(), whiteLabel: o.whiteLabel ?? 'veilis', paymentMethod: o.paymentMethod ?? 'card', accountType: o.accountType ?? 'individual' };
      const c = await newCustomer(url, fields, o.runId === undefined ? 'run-42' : o.runId);
      const api = <T>(method: string, path: string, body?: unknown) => call<T>(url, method, path, { token: c.token, body });
      if (o.instrument) await api('PUT', '/api/billing/instrument', { instrument: o.instrument });
      const camera = await connectCamera(newSerial('MOD'));
      cameras.push(camera);
      const claim = await api('POST', '/api/devices', { serial: camera.serial, model: o.model ?? 'vigie-360-2019' });
      if (claim.status !== 201) throw new Error(`claiming ${camera.serial} answered ${claim.status}: ${JSON.stringify(claim.body)}`);
      return { id: c.id, token: c.token, email: c.fields.email, phone: c.fields.phone, camera, api };
    },
    async waitFor(filter, accept = () => true) {
      const found = await retryUntil(async () => stubs.journal.entries(filter).filter(accept), (list) => list.length > 0, {
        timeoutMs: 5000, intervalMs: 25,
        message: () => `expected a stub request matching ${JSON.stringify(filter)} within 5000 ms; the journal holds: ${stubs.journal.entries().map((e) => `${e.service} ${e.path} ${e.rawBody.slice(0, 80)}`).join(' | ')}`,
      });
      return found[0]!;
    },
    async close() {
      await Promise.allSettled(cameras.map((c) => c.close()));
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
      await withDeadline(server, 10_000, 'server.ts after SIGTERM').catch(() => undefined);
      await Promise.allSettled([stubs.close(), dbs.drop()]);
    },
  };
}

function readyUrl(server: ServerProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      server.child.kill('SIGKILL');
      reject(new Error(`server.ts printed no SANDBOX_READY line within 15000 ms; stderr: ${server.stderr()}`));
    }, 15_000);
    server.child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^SANDBOX_READY (.+)$/m.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve((JSON.parse(match[1]) as { url: string }).url);
    });
    void server.exited.then((done: Finished) => {
      clearTimeout(timer);
      reject(new Error(`server.ts exited with ${done.code} before READY; stderr: ${done.stderr}`));
    });
  });
}

// Remote preflight: before any scenario on pre-production or production, every instance, database and the broker answer within seconds, or the run stops as a broken environment.

import mqtt from 'mqtt';
import pg from 'pg';
import type { RemoteConfig } from '../../environments/index.ts';
import { EnvironmentError } from '../../lib/errors.ts';
import { redactUrl } from '../../lib/url.ts';
import { groupFailures, oneLine, type Failure } from './lines.ts';

export interface Check {
  what: string;
  probe: (deadlineMs: number) => Promise<void>;
}

/** Why a connection failed, the same words for the same cause so that failures group: `ECONNREFUSED`, `timed out after 4 s`. */
function reasonOf(error: unknown, deadlineMs: number): string {
  if ((error as Error).name === 'TimeoutError') return `no answer within ${deadlineMs / 1000} s`;
  const cause = (error as { cause?: { code?: unknown; message?: string } }).cause;
  const code = [(error as { code?: unknown }).code, cause?.code].find((c) => typeof c === 'string');
  if (code) return code as string;
  return oneLine(cause?.message ?? (error as Error).message ?? String(error), 120);
}

async function health(url: string, deadlineMs: number): Promise<void> {
  const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(deadlineMs) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`/health answers HTTP ${response.status}`);
}

/** A read-only session and `SELECT 1`: the harness never writes there. */
async function database(url: string, deadlineMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: deadlineMs, query_timeout: deadlineMs, options: '-c default_transaction_read_only=on', application_name: 'kw-harness-preflight' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function broker(url: string, deadlineMs: number): Promise<void> {
  const client = await mqtt.connectAsync(url, { connectTimeout: deadlineMs, reconnectPeriod: 0, clientId: `kw-preflight-${process.pid}` }, false);
  await client.endAsync();
}

/** One check per instance, database and the broker; URLs are shown with their passwords masked. */
export function remoteChecks(config: RemoteConfig): Check[] {
  return [
    ...config.instances.map((i) => ({ what: `instance ${i.id} ${redactUrl(i.url)}`, probe: (ms: number) => health(i.url, ms) })),
    ...Object.entries(config.databases).map(([name, url]) => ({ what: `${name} database ${redactUrl(url)}`, probe: (ms: number) => database(url, ms) })),
    { what: `broker ${redactUrl(config.mqttUrl)}`, probe: (ms: number) => broker(config.mqttUrl, ms) },
  ];
}

/** Runs every check in parallel, each with its own deadline; resolves the failures (empty: all answered). */
export async function runChecks(checks: readonly Check[], deadlineMs: number): Promise<Failure[]> {
  const outcomes = await Promise.all(checks.map(async ({ what, probe }): Promise<Failure | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new DOMException('no answer', 'TimeoutError')), deadlineMs)));
    try {
      // The probe's own timeouts are a little later, so that a silent host always reads "no answer within N s".
      await Promise.race([probe(deadlineMs + 500), late]);
      return undefined;
    } catch (error) {
      return { what, reason: `unreachable (${reasonOf(error, deadlineMs)})` };
    } finally {
      clearTimeout(timer);
    }
  }));
  return outcomes.filter((o): o is Failure => o !== undefined);
}

/** Throws a broken-environment error (exit 3) naming every unreachable host, one line per distinct reason. */
export async function preflightRemote(name: string, config: RemoteConfig, deadlineMs = 4000): Promise<void> {
  const checks = remoteChecks(config);
  const started = performance.now();
  const failures = await runChecks(checks, deadlineMs);
  if (failures.length === 0) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const head = `${name} is not reachable: ${failures.length} of ${checks.length} checks failed in ${seconds} s; no scenario was run (fix the network or the ${name.toUpperCase()}_* variables)`;
  throw new EnvironmentError([head, ...groupFailures(failures).map((line) => `  ${line}`)].join('\n'));
}

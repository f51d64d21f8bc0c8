// Command-line flags of admin.ts and server.ts, validated with messages that name the flag and the expected form.

import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { PlatformVersion } from '../catalog/index.ts';
import { defaultCatalogDir } from '../catalog/index.ts';
import { parseFaults, type Faults } from './faults.ts';
import { StartupError } from './startup-error.ts';
import { redactUrl } from '../lib/url.ts';

export interface DatabaseUrls {
  accounts: string;
  events: string;
  media: string;
}

export interface InitOptions {
  version: PlatformVersion;
  urls: DatabaseUrls;
  catalogDir: string;
}

export interface ServerOptions {
  version: PlatformVersion;
  instance: string;
  port: number;
  host: string;
  urls: DatabaseUrls;
  mqttUrl: string;
  /**
   * `--mqtt-session`: the instance keeps a persistent MQTT session under the client id `<value>-<instance>` (clean
   * session off), so what devices publish while it is away (maintenance, redeployment) waits at the broker for it.
   * Unset: a clean session under a per-process id, as a throwaway instance (unit tests) does.
   */
  mqttSession: string | undefined;
  smsUrl: string;
  /** `--mail-url`, `--payment-url`, `--ai-url`: the modules' providers; unset, the module's calls are refused (and logged). */
  mailUrl: string | undefined;
  paymentUrl: string | undefined;
  aiUrl: string | undefined;
  /** `--monitoring-url`: the monitoring centre the DC-09 receiver forwards alarms to; unset, alarms are not forwarded. */
  monitoringUrl: string | undefined;
  faults: Faults;
  /** `--test-clock`: the platform's clock may be set through `POST /__ops/clock` (local environment only). */
  testClock: boolean;
  /** `--test-clock-shift-days`: the test clock starts this many days from real time (when no clock was set yet). */
  testClockShiftDays: number | undefined;
  /** `--notice-at`: start of the migration's maintenance window, announced to customers from J-5. */
  noticeAt: Date | undefined;
  /** `--notice-window`: length of the maintenance window in minutes (45 by default). */
  noticeWindowMinutes: number;
}

const common = {
  version: { type: 'string' },
  'accounts-url': { type: 'string' },
  'events-url': { type: 'string' },
  'media-url': { type: 'string' },
  catalog: { type: 'string' },
} as const;

const serverOnly = {
  instance: { type: 'string' },
  port: { type: 'string', default: '0' },
  host: { type: 'string', default: '127.0.0.1' },
  'mqtt-url': { type: 'string' },
  'mqtt-session': { type: 'string' },
  'sms-url': { type: 'string' },
  'mail-url': { type: 'string' },
  'payment-url': { type: 'string' },
  'ai-url': { type: 'string' },
  'monitoring-url': { type: 'string' },
  fault: { type: 'string', multiple: true },
  'test-clock': { type: 'boolean', default: false },
  'test-clock-shift-days': { type: 'string' },
  'notice-at': { type: 'string' },
  'notice-window': { type: 'string', default: '45' },
} as const;

/** Flags of `admin.ts init`. */
export function parseInitFlags(args: string[]): InitOptions {
  const { values } = parse(args, common);
  return {
    version: version(values.version),
    urls: databaseUrls(values),
    catalogDir: values.catalog ?? defaultCatalogDir,
  };
}

/** Flags of `server.ts`. `--catalog` is accepted and unused: an instance reads its reference data from the accounts database. */
export function parseServerFlags(args: string[]): ServerOptions {
  const { values } = parse(args, { ...common, ...serverOnly });
  return {
    version: version(values.version),
    instance: instanceId(values.instance),
    port: port(values.port),
    host: values.host ?? '127.0.0.1',
    urls: databaseUrls(values),
    mqttUrl: url('--mqtt-url', values['mqtt-url'], ['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:']),
    mqttSession: mqttSession(values['mqtt-session']),
    smsUrl: url('--sms-url', values['sms-url'], ['http:', 'https:']).replace(/\/+$/, ''),
    mailUrl: optionalHttpUrl('--mail-url', values['mail-url']),
    paymentUrl: optionalHttpUrl('--payment-url', values['payment-url']),
    aiUrl: optionalHttpUrl('--ai-url', values['ai-url']),
    monitoringUrl: optionalHttpUrl('--monitoring-url', values['monitoring-url']),
    faults: parseFaults(values.fault ?? [], instanceId(values.instance)),
    testClock: values['test-clock'] ?? false,
    testClockShiftDays: shiftDays(values['test-clock-shift-days'], values['test-clock'] ?? false),
    noticeAt: noticeAt(values['notice-at']),
    noticeWindowMinutes: noticeWindow(values['notice-window']),
  };
}

/** Whole days the test clock starts away from real time; only with --test-clock. */
function shiftDays(value: string | undefined, testClock: boolean): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!testClock) throw new StartupError('--test-clock-shift-days needs --test-clock');
  if (Number.isInteger(days)) return days;
  throw new StartupError(`--test-clock-shift-days must be a whole number of days, got ${JSON.stringify(value)}`);
}

/** An instant with its offset, e.g. 2026-12-01T09:30:00+01:00: a wall-clock time without one would depend on the machine. */
function noticeAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (/(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(date.getTime())) return date;
  throw new StartupError(`--notice-at must be an ISO-8601 date and time with an offset, like 2026-12-01T09:30:00+01:00, got ${JSON.stringify(value)}`);
}

function noticeWindow(value: string | undefined): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= 24 * 60) return n;
  throw new StartupError(`--notice-window must be a whole number of minutes from 1 to 1440, got ${JSON.stringify(value ?? null)}`);
}

function parse<O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new StartupError(`bad flags: ${(error as Error).message}`);
  }
}

function version(value: string | undefined): PlatformVersion {
  if (value === 'v9' || value === 'v10') return value;
  throw new StartupError(`--version must be v9 or v10, got ${JSON.stringify(value ?? null)}`);
}

function mqttSession(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^[A-Za-z0-9_-]{1,80}$/.test(value)) return value;
  throw new StartupError(`--mqtt-session must be 1-80 letters, digits, '-' or '_' (e.g. the run id), got ${JSON.stringify(value)}`);
}

function instanceId(value: string | undefined): string {
  if (value && /^[A-Za-z0-9_-]{1,32}$/.test(value)) return value;
  throw new StartupError(`--instance must be 1-32 letters, digits, '-' or '_' (e.g. i01), got ${JSON.stringify(value ?? null)}`);
}

function port(value: string | undefined): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0 && n <= 65535) return n;
  throw new StartupError(`--port must be an integer from 0 to 65535, got ${JSON.stringify(value ?? null)}`);
}

function databaseUrls(values: Record<string, unknown>): DatabaseUrls {
  const pg = ['postgres:', 'postgresql:'];
  return {
    accounts: url('--accounts-url', values['accounts-url'], pg),
    events: url('--events-url', values['events-url'], pg),
    media: url('--media-url', values['media-url'], pg),
  };
}

function optionalHttpUrl(flag: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : url(flag, value, ['http:', 'https:']).replace(/\/+$/, '');
}

function url(flag: string, value: unknown, protocols: string[]): string {
  const expected = `${flag} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL`;
  if (typeof value !== 'string' || value === '') throw new StartupError(`${expected}; it is missing`);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new StartupError(`${expected}, got ${JSON.stringify(redactUrl(value))}`);
  }
  if (!protocols.includes(parsed.protocol)) throw new StartupError(`${expected}, got ${JSON.stringify(redactUrl(value))}`);
  return value;
}

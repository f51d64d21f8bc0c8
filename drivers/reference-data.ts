// Data spot checks: a test account's contract, events and recordings as the platform's API shows them, against its reference data and its databases (read-only).

import pg from 'pg';
import type { PlatformVersion } from '../catalog/index.ts';
import { EnvironmentError } from '../lib/errors.ts';
import { redactUrl } from '../lib/url.ts';
import { expectJson, sendJson } from './http.ts';
import type { Account, PlatformApi } from './platform-api.ts';

/** What a test account held before the migration (the shape of the test accounts file's `reference`). */
export interface ReferenceExpectation {
  offer: string;
  events: { serial: string; type: string; at: string }[];
  recordings: { serial: string; startedAt: string; durationMs: number }[];
}

export interface ViewedEvent { serial: string; type: string; occurredAt: string }
export interface ViewedRecording { serial: string; startedAt: string; durationMs: number }

/** One account as a side shows it: the platform's API, or its databases. Times are ISO instants, or (V9 databases) Paris wall clocks. */
export interface AccountData {
  customerId: number;
  offer: string;
  events: ViewedEvent[];
  recordings: ViewedRecording[];
}

/** How many of the newest events and recordings the checks read on each side: a test account's history is short. */
export const historyLimit = 500;

/** The account behind the API client's login, through the public API (Bearer token): contract, events, recordings. */
export async function readAccountThroughApi(api: PlatformApi, known?: Account): Promise<AccountData> {
  const account = known ?? (await api.account());
  const events = await api.events(historyLimit);
  const request = { method: 'GET', url: `${api.baseUrl}/api/recordings?limit=${historyLimit}`, headers: { authorization: `Bearer ${api.token ?? ''}` }, timeoutMs: 10_000, peer: `the platform instance at ${api.baseUrl}` };
  const answer = await sendJson(request);
  // An offer without cloud recordings answers 403: the account has none to show.
  const recordings = answer.status === 403 ? [] : expectJson<ViewedRecording[]>(request, answer, 200);
  return {
    customerId: account.id,
    offer: account.offer,
    events: events.map((e) => ({ serial: e.serial, type: e.type, occurredAt: e.occurredAt })),
    recordings: recordings.map((r) => ({ serial: r.serial, startedAt: r.startedAt, durationMs: r.durationMs })),
  };
}

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
});

function parts(instant: string | number): Record<string, string> {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return Object.fromEntries(parisParts.formatToParts(new Date(Math.floor(ms / 1000) * 1000)).map((p) => [p.type, p.value]));
}

/** "2019-10-27 02:30:00": the Paris wall clock of an instant, to the second (what V9 stores). */
export function parisWallClock(instant: string | number): string {
  const p = parts(instant);
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}:${p['second']}`;
}

/** "2026-11-26T10:31:02+01:00": the instant in Paris time, to the second, with its offset (ISO 8601). */
export function withParisOffset(instant: string | number): string {
  const p = parts(instant);
  const offset = (p['timeZoneName'] ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}:${p['second']}${offset}`;
}

/** "27/10/2019 02:30:00": an instant as the platform shows it to French customers (alerts, the customer space), Paris time. */
export function parisShown(instant: string | number): string {
  const p = parts(instant);
  return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}:${p['second']}`;
}

/** "27/10/2019 02:30:00 heure de Paris (UTC+02:00)": an instant as a French reader checks it, with the offset that tells the two 02:30 of October apart. */
export function parisTime(instant: string | number): string {
  const p = parts(instant);
  const offset = (p['timeZoneName'] ?? 'GMT').replace('GMT', 'UTC') || 'UTC';
  return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}:${p['second']} heure de Paris (${offset === 'UTC' ? 'UTC+00:00' : offset})`;
}

/**
 * The key two times are compared on. V9 stores the Paris wall clock, which names no instant in the hour Paris repeats
 * in October: on V9 both sides are compared as Paris wall clocks. V10 stores instants: compared to the second.
 * A value that is already a wall clock (V9 databases) is its own key.
 */
export function timeKey(value: string, version: PlatformVersion): string {
  if (isWallClock(value)) return value;
  return version === 'v9' ? parisWallClock(value) : new Date(Math.floor(Date.parse(value) / 1000) * 1000).toISOString();
}

/** "2019-10-27 02:30:00": a V9 database's Paris wall clock, as opposed to an ISO instant. */
const isWallClock = (value: string): boolean => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value);

function shown(value: string): string {
  return isWallClock(value) ? `${value} (Paris wall clock)` : parisTime(value);
}

function gap(expected: string, actual: string): string {
  if (isWallClock(expected) || isWallClock(actual)) return '';
  const minutes = Math.round((Date.parse(actual) - Date.parse(expected)) / 60_000);
  if (minutes === 0) return '';
  const size = Math.abs(minutes) % 60 === 0 ? `${Math.abs(minutes) / 60} h` : `${Math.abs(minutes)} min`;
  return `, ${size} ${minutes > 0 ? 'later' : 'earlier'}`;
}

/** Pairs each expected item with an unused actual one of the same key: a multiset comparison. */
function unmatched<E, A>(expected: E[], actual: A[], same: (e: E, a: A) => boolean): { missing: E[]; extra: A[] } {
  const used = new Set<number>();
  const missing = expected.filter((e) => {
    const index = actual.findIndex((a, i) => !used.has(i) && same(e, a));
    if (index < 0) return true;
    used.add(index);
    return false;
  });
  return { missing, extra: actual.filter((_, i) => !used.has(i)) };
}

/**
 * What the account shows that its reference data does not: another offer, a reference event or recording missing, at
 * another time, or of another duration. Extra activity (the account lived on) is not a problem. Each problem names
 * the device, the type and the Paris time.
 */
export function referenceProblems(reference: ReferenceExpectation, actual: AccountData, version: PlatformVersion, options: { keptSince?: number } = {}): string[] {
  const problems: string[] = [];
  // A recording past the offer's retention may rightly be gone: `keptSince` is the oldest start the offer still keeps.
  const kept = reference.recordings.filter((r) => options.keptSince === undefined || Date.parse(r.startedAt) >= options.keptSince);
  if (actual.offer !== reference.offer) problems.push(`its offer is "${actual.offer}" instead of "${reference.offer}"`);
  const events = unmatched(reference.events, actual.events, (e, a) => e.serial === a.serial && e.type === a.type && timeKey(e.at, version) === timeKey(a.occurredAt, version));
  for (const event of events.missing) {
    const near = events.extra.filter((a) => a.serial === event.serial && a.type === event.type).map((a) => `${shown(a.occurredAt)}${gap(event.at, a.occurredAt)}`);
    problems.push(`the ${event.type} event of ${event.serial} at ${parisTime(event.at)} is missing` +
      (near.length > 0 ? ` (the account has ${event.type} events of ${event.serial} at ${near.slice(0, 3).join('; ')})` : ''));
  }
  const recordings = unmatched(kept, actual.recordings, (e, a) => e.serial === a.serial && timeKey(e.startedAt, version) === timeKey(a.startedAt, version) && e.durationMs === a.durationMs);
  for (const recording of recordings.missing) {
    const near = recordings.extra.filter((a) => a.serial === recording.serial && timeKey(recording.startedAt, version) === timeKey(a.startedAt, version));
    const what = `the recording of ${recording.serial} started at ${parisTime(recording.startedAt)}`;
    problems.push(near[0] ? `${what} should last ${recording.durationMs} ms; it lasts ${near[0].durationMs} ms` : `${what}, lasting ${recording.durationMs} ms, is missing`);
  }
  return problems;
}

/** The reference recordings older than the offer's retention (started before `keptSince`): not required any more. */
export function expiredRecordings(reference: ReferenceExpectation, keptSince: number): ReferenceExpectation['recordings'] {
  return reference.recordings.filter((r) => Date.parse(r.startedAt) < keptSince);
}

/** What the API shows of the account and what its databases hold differ: each difference, both ways. */
export function databaseProblems(api: AccountData, databases: AccountData, version: PlatformVersion): string[] {
  const problems: string[] = [];
  if (api.offer !== databases.offer) problems.push(`the API shows offer "${api.offer}", the accounts database holds "${databases.offer}"`);
  const eventKey = (e: ViewedEvent): string => `${e.type} event of ${e.serial} at ${timeKey(e.occurredAt, version)}`;
  const recordingKey = (r: ViewedRecording): string => `recording of ${r.serial} at ${timeKey(r.startedAt, version)} lasting ${r.durationMs} ms`;
  const compare = <T>(what: string, fromApi: T[], fromDb: T[], key: (item: T) => string, describe: (item: T) => string): void => {
    const { missing, extra } = unmatched(fromDb, fromApi, (d, a) => key(d) === key(a));
    if (missing.length > 0) problems.push(`the ${what} database holds ${missing.length} the API does not show: ${missing.slice(0, 5).map(describe).join('; ')}`);
    if (extra.length > 0) problems.push(`the API shows ${extra.length} the ${what} database does not hold: ${extra.slice(0, 5).map(describe).join('; ')}`);
  };
  compare('events', api.events, databases.events, eventKey, (e) => `${e.type} event of ${e.serial} at ${shown(e.occurredAt)}`);
  compare('media', api.recordings, databases.recordings, recordingKey, (r) => `recording of ${r.serial} at ${shown(r.startedAt)} lasting ${r.durationMs} ms`);
  return problems;
}

export interface DatabaseUrls { accounts: string; events: string; media: string }

/** Version-specific SQL of each version's schema (docs/platform-interface.md, "Databases"): the platform's data as it is stored. */
const sql = {
  v9: {
    offer: 'SELECT offer_code AS offer FROM customers WHERE id = $1',
    serials: 'SELECT serial FROM cameras WHERE customer_id = $1',
    events: `SELECT e.camera_serial AS serial, c.name AS type, to_char(e.local_time, 'YYYY-MM-DD HH24:MI:SS') AS at
             FROM events e JOIN event_codes c ON c.code = e.code WHERE e.customer_id = $1 ORDER BY e.local_time DESC, e.id DESC LIMIT $2`,
    recordings: `SELECT camera_serial AS serial, to_char(start_local, 'YYYY-MM-DD HH24:MI:SS') AS at, duration_s::bigint * 1000 AS duration
                 FROM recordings WHERE camera_serial = ANY ($1) ORDER BY start_local DESC, id DESC LIMIT $2`,
  },
  v10: {
    offer: 'SELECT offer_id AS offer FROM subscriptions WHERE customer_id = $1',
    serials: 'SELECT serial FROM devices WHERE customer_id = $1',
    events: 'SELECT device_serial AS serial, kind AS type, occurred_at AS at FROM events WHERE customer_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2',
    recordings: 'SELECT device_serial AS serial, started_at AS at, duration_ms AS duration FROM recordings WHERE device_serial = ANY ($1) ORDER BY started_at DESC, id DESC LIMIT $2',
  },
} as const;

/**
 * Reads one customer's contract, events and recordings from the three databases, in read-only sessions, in the format
 * their schema version (`platform_meta`) stores. Unreachable or unreadable databases are an EnvironmentError naming the URL.
 */
export async function readAccountFromDatabases(urls: DatabaseUrls, customerId: number): Promise<AccountData & { version: PlatformVersion }> {
  const clients = await Promise.all((['accounts', 'events', 'media'] as const).map((db) => connectReadOnly(urls[db], db)));
  const [accounts, events, media] = clients as [Session, Session, Session];
  try {
    const meta = await accounts.query<{ version: string }>('SELECT version FROM platform_meta');
    const version = meta[0]?.version;
    if (version !== 'v9' && version !== 'v10') throw new EnvironmentError(`the accounts database at ${accounts.where} holds no platform schema (platform_meta says ${JSON.stringify(version ?? null)})`);
    const q = sql[version];
    const [offer, serials, eventRows] = await Promise.all([
      accounts.query<{ offer: string }>(q.offer, [customerId]),
      accounts.query<{ serial: string }>(q.serials, [customerId]),
      events.query<{ serial: string; type: string; at: Date | string }>(q.events, [customerId, historyLimit]),
    ]);
    const recordingRows = await media.query<{ serial: string; at: Date | string; duration: string | number }>(q.recordings, [serials.map((s) => s.serial), historyLimit]);
    const at = (value: Date | string): string => (value instanceof Date ? value.toISOString() : value);
    return {
      version,
      customerId,
      offer: offer[0]?.offer ?? '(no contract)',
      events: eventRows.map((e) => ({ serial: e.serial, type: e.type, occurredAt: at(e.at) })),
      recordings: recordingRows.map((r) => ({ serial: r.serial, startedAt: at(r.at), durationMs: Number(r.duration) })),
    };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

interface Session {
  where: string;
  query<T>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A session that cannot write (`default_transaction_read_only`), with a deadline on every statement. */
async function connectReadOnly(url: string, db: string): Promise<Session> {
  const where = redactUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, statement_timeout: 10_000, options: '-c default_transaction_read_only=on', application_name: 'kw-harness-spot-checks' });
  client.on('error', () => {});
  await client.connect().catch((error: unknown) => {
    throw new EnvironmentError(`cannot reach the ${db} database at ${where} for the data spot checks: ${(error as Error).message}`, { cause: error });
  });
  return {
    where,
    async query<T>(text: string, values?: unknown[]): Promise<T[]> {
      try {
        return (await client.query(text, values)).rows as T[];
      } catch (error) {
        throw new EnvironmentError(`the ${db} database at ${where} refused a read of the data spot checks: ${(error as Error).message}`, { cause: error });
      }
    },
    close: () => client.end().catch(() => undefined),
  };
}

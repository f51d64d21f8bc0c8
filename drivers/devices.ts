// What the platform says about a customer's devices: where devices reach it, whether one is online, and what it reported.

import { EnvironmentError, ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';
import type { MonitoringRecord } from './modules-api.ts';
import type { Device, PlatformApi, PlatformEvent } from './platform-api.ts';

/** Where devices reach one platform instance, as its /health advertises it (docs/platform-interface.md). */
export interface DeviceEndpoints {
  /** HTTP ingest of http-push and https-json cameras: the instance itself. */
  httpUrl: string;
  /** MQTT 5 device endpoint. */
  mqtt5Url: string;
  /** SIA DC-09 receiver (V10 only), or null. */
  dc09: { host: string; tcpPort: number; udpPort: number } | null;
}

export async function discoverDeviceEndpoints(api: PlatformApi): Promise<DeviceEndpoints> {
  const health = (await api.health()) as unknown as { devices?: { mqtt5Url?: unknown; dc09?: unknown } };
  const mqtt5Url = health.devices?.mqtt5Url;
  if (typeof mqtt5Url !== 'string') {
    throw new EnvironmentError(`the platform instance at ${api.baseUrl} does not advertise its device endpoints in /health (devices.mqtt5Url); is it a platform build with device ingest?`);
  }
  const dc09 = health.devices?.dc09 as DeviceEndpoints['dc09'] | undefined;
  return { httpUrl: api.baseUrl, mqtt5Url, dc09: dc09 ?? null };
}

/** Waits until the customer's device list shows `serial` online (or offline). */
export async function waitForDeviceOnline(api: PlatformApi, serial: string, online: boolean, who: string, timeoutMs = 10_000): Promise<void> {
  await retryUntil(() => api.devices(), (devices) => devices.some((d) => d.serial === serial && d.online === online), {
    timeoutMs,
    intervalMs: 100,
    message: (last) => `[${who}] expected the device list to show ${serial} ${online ? 'online' : 'offline'} within ${timeoutMs} ms; ` +
      `it shows ${describeDevice(last, serial)}. Does the platform handle this device's ${online ? 'hello' : 'disappearance'}?`,
  });
}

/**
 * Waits until the customer's device list shows `serial` online with a contact newer than `lastSeenBefore` (the last
 * contact the platform had recorded before the check: a device already shown online from an earlier pass does not count).
 */
export async function waitForDeviceSeenSince(api: PlatformApi, serial: string, lastSeenBefore: string | null, who: string, timeoutMs = 10_000): Promise<void> {
  const seen = (devices: Device[]): boolean => devices.some((d) => d.serial === serial && d.online && d.lastSeenAt !== null
    && (lastSeenBefore === null || Date.parse(d.lastSeenAt) > Date.parse(lastSeenBefore)));
  await retryUntil(() => api.devices(), seen, {
    timeoutMs,
    intervalMs: 100,
    message: (last) => `[${who}] the platform should show ${serial} online, with a contact newer than ${lastSeenBefore ?? 'none'}, within ${timeoutMs} ms ` +
      `of its connection; it shows ${describeDevice(last, serial)}. Does the platform take this device's hello?`,
  });
}

/**
 * Waits for the next `type` alarm of `serial` (one not among `earlier`, the event ids listed before it was raised) to
 * carry the monitoring centre's outcome, and returns that outcome; fails naming whether the alarm was even stored.
 */
export async function waitForMonitoringOutcome(api: PlatformApi, serial: string, type: string, earlier: ReadonlySet<string>, who: string, timeoutMs = 10_000): Promise<MonitoringRecord> {
  const alarm = (events: PlatformEvent[]) => events.find((e) => e.serial === serial && e.type === type && !earlier.has(String(e.id)));
  const outcome = (events: PlatformEvent[]) => (alarm(events)?.payload as { monitoring?: MonitoringRecord } | null)?.monitoring;
  const events = await retryUntil(() => api.events(200), (list) => outcome(list) !== undefined, {
    timeoutMs,
    intervalMs: 200,
    message: (last) => `[monitoring] the ${type} alarm of ${serial} of ${who} ${Array.isArray(last) && alarm(last as PlatformEvent[]) ? 'was stored, but' : 'was not even stored, and'} ` +
      `within ${timeoutMs / 1000} s the platform recorded neither the monitoring centre's acknowledgement nor an escalation to the customer: the alarm never ` +
      'reached the monitoring centre. Does the platform forward the alarms of this partner\'s customers?',
  });
  return outcome(events)!;
}

/** The ids of the events of `serial` the customer has now: what a later alarm must not be confused with. */
export async function eventIdsOf(api: PlatformApi, serial: string): Promise<Set<string>> {
  return new Set((await api.events(200)).filter((e) => e.serial === serial).map((e) => String(e.id)));
}

/** Waits until the customer's events include at least `count` events of `serial` (of `type` when given); returns them, newest first. */
export async function waitForDeviceEvents(api: PlatformApi, serial: string, count: number, who: string, options: { type?: string; timeoutMs?: number; newerThan?: number } = {}): Promise<PlatformEvent[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  // `newerThan`: a device that came with its history (a migrated customer's) already has older events of that type.
  const recent = (e: PlatformEvent) => options.newerThan === undefined || Date.parse(e.occurredAt) >= options.newerThan;
  const mine = (events: PlatformEvent[]) => events.filter((e) => e.serial === serial && (options.type === undefined || e.type === options.type) && recent(e));
  const events = await retryUntil(async () => mine(await api.events(200)), (found) => found.length >= count, {
    timeoutMs,
    intervalMs: 100,
    message: (last) => `[${who}] expected ${count} ${options.type ?? ''} event(s) of ${serial} within ${timeoutMs} ms; the platform has ` +
      `${Array.isArray(last) ? last.length : 0}: ${JSON.stringify(last).slice(0, 300)}. Did the platform lose events the device sent?`,
  });
  if (events.length > count) throw new ProductAssertionError(`[${who}] expected exactly ${count} event(s) of ${serial}; the platform stored ${events.length} (duplicates?): ${JSON.stringify(events).slice(0, 300)}`);
  return events;
}

/** Throws unless every event is placed within `toleranceMs` of the real time it happened (`since`..now). */
export function expectPlacedAtRealTime(events: PlatformEvent[], since: number, who: string, toleranceMs = 60_000): void {
  const now = Date.now();
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    if (at < since - toleranceMs || at > now + toleranceMs) {
      throw new ProductAssertionError(`[${who}] event ${event.serial}/${event.id} is dated ${event.occurredAt}, but it happened between ${new Date(since).toISOString()} and ${new Date(now).toISOString()}: ` +
        `the platform trusted the device's wrong clock (tolerance ${toleranceMs / 1000} s)`);
    }
  }
}

function describeDevice(last: unknown, serial: string): string {
  if (!Array.isArray(last)) return `nothing (${last instanceof Error ? last.message : String(last)})`;
  const device = (last as { serial: string; online: boolean; lastSeenAt?: string | null }[]).find((d) => d.serial === serial);
  return device ? `${device.online ? 'online' : 'offline'} (last contact ${device.lastSeenAt ?? 'never'})` : 'no such device';
}

/** When the platform last heard from `serial` (its lastSeenAt, epoch ms), or 0 when never. */
export async function lastSeenAt(api: PlatformApi, serial: string): Promise<number> {
  const device = (await api.devices()).find((d) => d.serial === serial);
  return device?.lastSeenAt ? Date.parse(device.lastSeenAt) : 0;
}

/** Waits until the platform has heard from `serial` after `since` (epoch ms): a heartbeat sent since then was handled. */
export async function waitForHeardAfter(api: PlatformApi, serial: string, since: number, who: string, timeoutMs = 10_000): Promise<void> {
  await retryUntil(() => lastSeenAt(api, serial), (seen) => seen > since, {
    timeoutMs,
    intervalMs: 100,
    message: (last) => `[${who}] expected the platform to hear from ${serial} after ${new Date(since).toISOString()} within ${timeoutMs} ms; it last saw it at ${typeof last === 'number' && last > 0 ? new Date(last).toISOString() : String(last)}. Did it drop the heartbeat?`,
  });
}

// A migrated customer as the platform's API shows them, against what they saw before the migration: settings by value, devices exactly, the history page complete and in order.

import type { PlatformVersion } from '../catalog/index.ts';
import type { PlatformApi } from './platform-api.ts';
import { parisTime, readAccountThroughApi, referenceProblems, timeKey, type AccountData, type ReferenceExpectation, type ViewedEvent } from './reference-data.ts';

/** The settings of a contract the customer sees, by value. */
export interface ContractView { name: string; phone: string; accountType: string; paymentMethod: string }

export interface CustomerView extends AccountData {
  contract: ContractView;
  devices: { serial: string; model: string }[];
}

/** What the customer saw before the migration: their reference data, with their settings and devices when recorded. */
export interface MigratedExpectation extends ReferenceExpectation {
  account?: ContractView;
  devices?: { serial: string; model: string }[];
}

/** The account behind the API client's login: contract and settings, devices, newest events and recordings. */
export async function readCustomerView(api: PlatformApi): Promise<CustomerView> {
  const [account, devices] = await Promise.all([api.account(), api.devices()]);
  const data = await readAccountThroughApi(api, account);
  return {
    ...data,
    contract: { name: account.name, phone: account.phone, accountType: account.accountType, paymentMethod: account.paymentMethod },
    devices: devices.map((d) => ({ serial: d.serial, model: d.model })),
  };
}

/**
 * Every way the customer's view differs from what they saw before: the reference data's problems (offer, each event at
 * its Paris time, each recording kept by the offer), each setting that changed, each device gained or lost, any event
 * the platform shows within the span of the recorded page that was not on it (a duplicate, an event of another
 * customer), and events out of the newest-first order.
 */
export function migratedViewProblems(before: MigratedExpectation, after: CustomerView, version: PlatformVersion, options: { keptSince?: number } = {}): string[] {
  const problems = referenceProblems(before, after, version, options);
  if (before.account) {
    for (const key of ['name', 'phone', 'accountType', 'paymentMethod'] as const) {
      if (after.contract[key] !== before.account[key]) problems.push(`its ${key} is "${after.contract[key]}" instead of "${before.account[key]}"`);
    }
  }
  if (before.devices) {
    const key = (d: { serial: string; model: string }): string => `${d.serial} (${d.model})`;
    const had = new Set(before.devices.map(key));
    const has = new Set(after.devices.map(key));
    const lost = [...had].filter((d) => !has.has(d));
    const gained = [...has].filter((d) => !had.has(d));
    if (lost.length > 0) problems.push(`it no longer has the device(s) ${lost.join(', ')}`);
    if (gained.length > 0) problems.push(`it has device(s) it did not have: ${gained.join(', ')}`);
  }
  problems.push(...extraEventsInSpan(before, after.events, version), ...outOfOrder(after.events));
  return problems;
}

/** Events shown between the oldest and the newest recorded one that the recorded page did not hold, counted per time. */
function extraEventsInSpan(before: ReferenceExpectation, shown: ViewedEvent[], version: PlatformVersion): string[] {
  if (before.events.length === 0) return [];
  const instants = before.events.map((e) => Date.parse(e.at));
  const [from, to] = [Math.min(...instants), Math.max(...instants)];
  const key = (serial: string, type: string, at: string): string => `${serial}|${type}|${timeKey(at, version)}`;
  const expected = new Map<string, number>();
  for (const e of before.events) expected.set(key(e.serial, e.type, e.at), (expected.get(key(e.serial, e.type, e.at)) ?? 0) + 1);
  const extra: string[] = [];
  for (const e of shown) {
    const at = Date.parse(e.occurredAt);
    if (Number.isNaN(at) || at < from - 1000 || at > to + 1000) continue;
    const k = key(e.serial, e.type, e.occurredAt);
    const left = expected.get(k) ?? 0;
    if (left > 0) expected.set(k, left - 1);
    else extra.push(`${e.type} event of ${e.serial} at ${parisTime(e.occurredAt)}`);
  }
  return extra.length === 0 ? [] : [`it shows ${extra.length} event(s) it did not have before, among its recorded history: ${extra.slice(0, 5).join('; ')}`];
}

/** The API lists events newest first: the first pair that is not is named. */
function outOfOrder(events: ViewedEvent[]): string[] {
  for (let i = 1; i < events.length; i++) {
    const [newer, older] = [events[i - 1], events[i]];
    if (newer && older && Date.parse(older.occurredAt) > Date.parse(newer.occurredAt)) {
      return [`its events are not listed newest first: ${older.type} of ${older.serial} at ${parisTime(older.occurredAt)} comes after ${newer.type} of ${newer.serial} at ${parisTime(newer.occurredAt)}`];
    }
  }
  return [];
}

// V10 regressions that only the accounts signed up before a year exercise (the migrated ones: accounts made during a run are new): their offer's limits, their alarms sent once, their timeline's order, their SEPA mandate.

import type { PlatformVersion } from '../../catalog/index.ts';
import type { Faults, FaultName } from '../faults.ts';
import type { Pools } from '../db.ts';
import type { Mandate, ModuleAccount, ModuleStore, Store, StoredEvent } from '../store/index.ts';

/** What V10 gives a new offer by default: the values `legacy-offer-limits-default` wrongly applies to legacy accounts. */
export const newOfferDefaults = { retentionDays: 30, smsQuota: 100, emailQuota: 100 } as const;

/** Whether the year-targeted fault is on for this instance and the account signed up before its year. */
export function hitsLegacyAccount(faults: Faults, name: FaultName, version: PlatformVersion, createdAt: Date): boolean {
  const year = faults.target(name, version);
  return year !== undefined && createdAt.getUTCFullYear() < Number(year);
}

/** The account as a faulty V10 reads it: `legacy-offer-limits-default` replaces the offer's retention and monthly quotas by the new defaults. */
export function accountAsFaulted(faults: Faults, version: PlatformVersion, account: ModuleAccount): ModuleAccount {
  return hitsLegacyAccount(faults, 'legacy-offer-limits-default', version, account.createdAt) ? { ...account, ...newOfferDefaults } : account;
}

/** `legacy-timeline-out-of-order`: the events of a legacy account listed device by device (by serial), each device's newest first. */
export function eventsAsFaulted(faults: Faults, version: PlatformVersion, createdAt: Date | undefined, events: StoredEvent[]): StoredEvent[] {
  if (createdAt === undefined || !hitsLegacyAccount(faults, 'legacy-timeline-out-of-order', version, createdAt)) return events;
  return [...events].sort((a, b) => a.serial.localeCompare(b.serial) || b.occurredAt.getTime() - a.occurredAt.getTime());
}

/** `legacy-mandate-charged-by-card`: a SEPA mandate signed before the fault's year (only migrated payers have one) is charged as a card. */
export function mandateChargedAsCard(faults: Faults, version: PlatformVersion, mandate: Mandate): boolean {
  const year = faults.target('legacy-mandate-charged-by-card', version);
  return year !== undefined && mandate.signedAt.getUTCFullYear() < Number(year);
}

/** The module store whose account reads go through `accountAsFaulted` (every module reads its account there). */
export function withLegacyAccountFaults(store: ModuleStore, faults: Faults, version: PlatformVersion): ModuleStore {
  if (!faults.on('legacy-offer-limits-default', version)) return store;
  const { versioned } = store;
  const account = async (id: number): Promise<ModuleAccount | undefined> => {
    const found = await versioned.account(id);
    return found && accountAsFaulted(faults, version, found);
  };
  return { ...store, versioned: { ...versioned, account } };
}

/** The platform store whose event lists go through `eventsAsFaulted` (the API's and the customer space's timeline). */
export function withLegacyTimelineFault(store: Store, pools: Pools, faults: Faults, version: PlatformVersion): Store {
  if (!faults.on('legacy-timeline-out-of-order', version)) return store;
  const events = async (accountId: number, limit: number): Promise<StoredEvent[]> => {
    const [list, { rows }] = await Promise.all([
      store.events(accountId, limit),
      pools.accounts.query<{ createdAt: Date }>('SELECT created_at AS "createdAt" FROM customers WHERE id = $1', [accountId]),
    ]);
    return eventsAsFaulted(faults, version, rows[0]?.createdAt, list);
  };
  return { ...store, events };
}

// The service modules' data access: the version's customers, devices and recordings, plus the modules' own tables.

import type { PlatformVersion } from '../../catalog/index.ts';
import type { Pools } from '../db.ts';
import { createBillingStore, type BillingStore } from './modules-billing.ts';
import { createOutboxStore, type OutboxStore } from './modules-outbox.ts';
import { createStateStore, type StateStore } from './modules-state.ts';
import type { VersionedModuleStore } from './modules-types.ts';
import { createV9ModuleStore } from './modules-v9.ts';
import { createV10ModuleStore } from './modules-v10.ts';

export type * from './modules-types.ts';
export type { BillingStore, PaymentUpdate } from './modules-billing.ts';
export type { OutboxStore } from './modules-outbox.ts';
export type { StateStore } from './modules-state.ts';

export interface ModuleStore {
  versioned: VersionedModuleStore;
  state: StateStore;
  outbox: OutboxStore;
  billing: BillingStore;
  /** A connection held for the duration of `work`, with the customer's module lock (one instance at a time per customer). */
  withCustomerLock<T>(customerId: number, work: () => Promise<T>, wait?: boolean): Promise<T | 'busy'>;
}

// First key of the two-key advisory locks the modules take (pg_advisory_xact_lock(int, int)).
const lockSpace = 0x6b77;

export function createModuleStore(version: PlatformVersion, pools: Pools): ModuleStore {
  return {
    versioned: version === 'v9' ? createV9ModuleStore(pools) : createV10ModuleStore(pools),
    state: createStateStore(pools.accounts),
    outbox: createOutboxStore(pools.accounts),
    billing: createBillingStore(pools.accounts),
    async withCustomerLock(customerId, work, wait = true) {
      const client = await pools.accounts.connect();
      try {
        await client.query('BEGIN');
        const lock = wait ? 'pg_advisory_xact_lock' : 'pg_try_advisory_xact_lock';
        const { rows } = await client.query<{ ok: boolean | string }>(`SELECT ${lock}($1, $2) AS ok`, [lockSpace, customerId]);
        if (!wait && rows[0]?.ok !== true) return 'busy';
        return await work();
      } finally {
        await client.query('COMMIT').catch(() => undefined);
        client.release();
      }
    },
  };
}

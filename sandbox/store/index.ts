// Picks the data-access layer of the platform version the databases hold.

import type { PlatformVersion } from '../../catalog/index.ts';
import type { Pools } from '../db.ts';
import { pingAll } from './shared.ts';
import type { Store } from './types.ts';
import { createV9Accounts } from './v9-accounts.ts';
import { createV9Devices } from './v9-devices.ts';
import { createV10Accounts } from './v10-accounts.ts';
import { createV10Devices } from './v10-devices.ts';
import { createV9Support } from './v9-support.ts';
import { createV10Support } from './v10-support.ts';

export type * from './types.ts';

export function createStore(version: PlatformVersion, pools: Pools): Store {
  const parts = version === 'v9'
    ? { ...createV9Accounts(pools.accounts), ...createV9Devices(pools), ...createV9Support(pools) }
    : { ...createV10Accounts(pools.accounts), ...createV10Devices(pools), ...createV10Support(pools) };
  return { version, ping: () => pingAll(pools), ...parts };
}

/** The service modules' data access (sandbox/modules, sandbox/payments). */
export { createModuleStore, type ModuleStore } from './modules.ts';
export type * from './modules.ts';

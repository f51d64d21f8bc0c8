// What the HTTP handlers of one instance work with.

import type { PlatformVersion } from '../../catalog/index.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';

export interface AppContext {
  store: Store;
  version: PlatformVersion;
  instance: string;
  startedAt: Date;
  log: Logger;
  /** Live facts added to /health (MQTT connection, ingest and SMS counters). */
  vitals(): Record<string, unknown>;
}

// What the HTTP device routes work with, and the bookkeeping every device request shares.

import type { DeviceIngest } from './device-ingest.ts';
import type { DeviceTokens } from './credentials.ts';
import type { IngestStats } from './stats.ts';
import type { Logger } from '../log.ts';

export interface DeviceRouteContext {
  ingest: DeviceIngest;
  stats: IngestStats;
  tokens: DeviceTokens;
  log: Logger;
  /** Fault `http-push-keepalive-rejected`: keep-alive polls of http-push cameras are refused. */
  rejectKeepAlive?: boolean;
}

/** Counts the request as processed once answered, as the MQTT ingest counts messages (tests wait on /health). */
export async function counted<T>(ctx: DeviceRouteContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    ctx.stats.failed += 1;
    throw error;
  } finally {
    ctx.stats.processed += 1;
  }
}

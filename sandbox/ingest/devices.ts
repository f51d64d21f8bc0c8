// The device side of one instance: live endpoints, HTTP ingest routes and the MQTT 5 gateway, started and stopped together.

import { createHash } from 'node:crypto';
import type { Pools } from '../db.ts';
import type { Faults } from '../faults.ts';
import { openLiveEndpoints, type LiveEndpoints } from '../live/endpoints.ts';
import type { Logger } from '../log.ts';
import type { FanOut } from '../notify/fanout.ts';
import type { Store } from '../store/index.ts';
import { createTokens } from './credentials.ts';
import { createDeviceIngest, type DeviceIngest } from './device-ingest.ts';
import type { IngestStats } from './stats.ts';
import { withDeviceRoutes, type RequestHandler } from './http-routes.ts';
import { startMqtt5Gateway } from './mqtt5-gateway.ts';
import type { PlatformVersion } from '../../catalog/index.ts';
import { createAlarmForwarder, type MonitoringStats } from '../dc09/monitoring.ts';
import { startDc09Receiver, type Dc09Receiver } from '../dc09/receiver.ts';

export interface DeviceSideOptions {
  host: string;
  pools: Pools;
  store: Store;
  fanOut: FanOut;
  stats: IngestStats;
  log: Logger;
  /** Shared by every instance of the platform (they share the accounts database): device tokens verify anywhere. */
  accountsUrl: string;
  /** V10 only runs the SIA DC-09 receiver (alarm panels arrive with V10). */
  version: PlatformVersion;
  /** The monitoring centre alarms are forwarded to (`--monitoring-url`); none: not forwarded. */
  monitoringUrl: string | undefined;
  /** The instance's fault switches (`--fault`): some break the device side of V10. */
  faults: Faults;
}

export interface DeviceSide {
  live: LiveEndpoints;
  /** The device ingest every protocol shares (the mqtt3 broker ingest uses it too). */
  ingest: DeviceIngest;
  /** Device routes (/ingest/..., live view) in front of the instance's own handler. */
  wrap(next: RequestHandler): RequestHandler;
  /** Added to the READY line: where devices reach this instance. */
  addresses: { mqtt5Url: string; dc09: { host: string; tcpPort: number; udpPort: number } | null };
  /** Added to /health: the device endpoints and the monitoring-centre counters. */
  vitals(): { devices: DeviceSide['addresses']; monitoring: MonitoringStats };
  close(): Promise<void>;
}

export async function startDeviceSide(o: DeviceSideOptions): Promise<DeviceSide> {
  const live = await openLiveEndpoints(o.pools.media);
  const monitoring: MonitoringStats = { forwarded: 0, failed: 0 };
  const dropsPartner = o.faults.target('monitoring-drops-partner', o.version);
  const forward = o.version === 'v10' ? createAlarmForwarder(o.monitoringUrl, o.store, o.log, monitoring, dropsPartner) : undefined;
  const ingest = createDeviceIngest(o.store, o.fanOut, live, o.log, o.stats, forward, o.faults.on('cutover-alarm-duplicated', o.version));
  const tokens = createTokens(createHash('sha256').update(`kw-device-tokens:${o.accountsUrl}`).digest('hex'));
  const gateway = await startMqtt5Gateway(o.host, ingest, o.stats, o.log);
  const rejectKeepAlive = o.faults.on('http-push-keepalive-rejected', o.version);
  const routes = { ctx: { ingest, stats: o.stats, tokens, log: o.log, rejectKeepAlive }, store: o.store, live };
  let receiver: Dc09Receiver | undefined;
  if (o.version === 'v10') {
    // SIA DC-09 5.5.1.8: the receiver accepts timestamps from 40 s behind to 20 s ahead of its clock.
    const nakModel = o.faults.target('dc09-nak-model', o.version);
    const window = { pastS: 40, futureS: 20 };
    const knows = async (account: string): Promise<boolean> => (await o.store.deviceAccount(account)) !== undefined;
    receiver = await startDc09Receiver(o.host, { ingest, stats: o.stats, log: o.log, knows, window, now: () => new Date(), ...(nakModel ? { alwaysNak: modelIs(o.store, nakModel) } : {}) })
      .catch(async (error: unknown) => {
        await gateway.close();
        throw error;
      });
  }
  const addresses = { mqtt5Url: gateway.url, dc09: receiver ? { host: receiver.host, tcpPort: receiver.tcpPort, udpPort: receiver.udpPort } : null };
  return {
    live,
    ingest,
    wrap: (next) => withDeviceRoutes(routes, next),
    addresses,
    vitals: () => ({ devices: addresses, monitoring: { ...monitoring } }),
    async close() {
      await gateway.close();
      await receiver?.close();
    },
  };
}

/** Fault `dc09-nak-model`: whether the account (serial) of a DC-09 frame is a panel of `model`. */
function modelIs(store: Store, model: string): (account: string) => Promise<boolean> {
  return async (account) => {
    const owner = await store.deviceAccount(account);
    return owner !== undefined && (await store.devices(owner)).some((d) => d.serial === account && d.model === model);
  };
}

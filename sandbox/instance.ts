// One platform instance: databases checked for the right schema version, MQTT ingest, HTTP; and its orderly stop.

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pools } from './db.ts';
import { closePools, databaseNames, openPools, readSchemaVersion } from './db.ts';
import type { ServerOptions } from './flags.ts';
import { createHandler } from './http/app.ts';
import { startHeartbeat } from './http/backoffice-instances.ts';
import { openSideServices } from './http/space-side.ts';
import type { IngestStats, MessageHandler } from './ingest/handler.ts';
import { createMessageHandler } from './ingest/handler.ts';
import { startDeviceSide } from './ingest/devices.ts';
import { startMqttIngest, type MqttSession } from './ingest/mqtt.ts';
import { readMaintenance } from './migration/maintenance.ts';
import type { Logger } from './log.ts';
import { readModuleSettings } from './http/space-settings.ts';
import { createModules } from './modules/index.ts';
import { StartupError } from './startup-error.ts';
import { createStore } from './store/index.ts';
import { withLegacyTimelineFault } from './modules/legacy-faults.ts';
import { createBackgroundTasks } from './tasks.ts';
import { redactUrl } from '../lib/url.ts';

export interface RunningInstance {
  port: number;
  url: string;
  /** Where devices reach this instance besides HTTP (MQTT 5 endpoint, DC-09 receiver): added to the READY line. */
  devices: Record<string, unknown>;
  stop(): Promise<void>;
}

export async function startInstance(options: ServerOptions, log: Logger): Promise<RunningInstance> {
  const pools = await openPools(options.urls, log);
  const closeAndRethrow = async (error: unknown): Promise<never> => {
    await closePools(pools);
    throw error;
  };
  await checkSchemaVersions(pools, options).catch(closeAndRethrow);
  const side = await openSideServices(pools.accounts, options).catch(closeAndRethrow);
  const store = withLegacyTimelineFault(createStore(options.version, pools), pools, options.faults, options.version);
  const tasks = createBackgroundTasks();
  const modules = createModules({
    version: options.version, pools, log, tasks, faults: options.faults, clock: () => side.clock.now(),
    smsUrl: options.smsUrl, mailUrl: options.mailUrl, paymentUrl: options.paymentUrl, aiUrl: options.aiUrl, monitoringUrl: options.monitoringUrl,
    switchedOn: async (id, offered) => [...(await readModuleSettings(side.pool, id, offered))].filter(([, on]) => on).map(([m]) => m),
  });
  const stats: IngestStats = { processed: 0, stored: 0, duplicates: 0, ignored: 0, failed: 0 };
  const devices = await startDeviceSide({
    host: options.host, pools, store, fanOut: modules.fanOut, stats, log, accountsUrl: options.urls.accounts, version: options.version, monitoringUrl: options.monitoringUrl, faults: options.faults,
  }).catch(closeAndRethrow);
  const handler = withCrashFault(options, log, createMessageHandler(store, modules.fanOut, log, stats, devices.ingest));
  const ingest = await startMqttIngest(options.mqttUrl, mqttSession(options, pools), handler, log).catch(closeAndRethrow);
  const vitals = () => ({ mqtt: ingest.state(), ingest: { ...stats }, ...modules.vitals(), ...devices.vitals() });
  const context = { store, version: options.version, instance: options.instance, startedAt: new Date(), log, vitals, side };
  const server = createServer(devices.wrap(createHandler(context, modules.context)));
  const port = await listen(server, options);
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const heartbeat = await startHeartbeat(pools.accounts, { id: options.instance, version: options.version, url }, log);
  modules.setSelfUrl(url);
  const scheduler = modules.startScheduler();
  return {
    port,
    url,
    devices: devices.addresses,
    async stop() {
      await heartbeat.stop();
      await scheduler.stop();
      server.close();
      server.closeAllConnections();
      await ingest.close();
      await devices.close();
      await tasks.drain(3000);
      await closePools(pools);
    },
  };
}

/**
 * The instance's MQTT session: persistent under a stable id (`--mqtt-session`), so that a redeployed instance takes
 * over the backlog its predecessor left at the broker, and away from the broker while the platform is in maintenance.
 * Fault `cutover-events-lost`: a V10 instance starts a clean session instead, and the backlog is gone.
 */
function mqttSession(options: ServerOptions, pools: Pools): MqttSession {
  const persistent = options.mqttSession !== undefined && !options.faults.on('cutover-events-lost', options.version);
  const clientId = options.mqttSession !== undefined ? `${options.mqttSession}-${options.instance}` : `platform-${options.instance}-${process.pid}`;
  const maintenance = async (): Promise<boolean> => {
    const client = await pools.accounts.connect();
    try {
      return (await readMaintenance(client)).maintenance;
    } finally {
      client.release();
    }
  };
  return { clientId, persistent, maintenance };
}

/** Fault `instance-crash-on-event`: the process dies as a real one would, mid-run, on the first camera event. */
function withCrashFault(options: ServerOptions, log: Logger, handler: MessageHandler): MessageHandler {
  if (!options.faults.has('instance-crash-on-event')) return handler;
  return async (topic, payload, delivery) => {
    if (!topic.endsWith('/events')) return handler(topic, payload, delivery);
    log.error('fault instance-crash-on-event: crashing on a camera event');
    process.exit(70);
  };
}

/** An instance of one version must never write into another version's schema. */
async function checkSchemaVersions(pools: Pools, options: ServerOptions): Promise<void> {
  for (const name of databaseNames) {
    const found = await readSchemaVersion(pools[name]);
    const where = `the ${name} database at ${redactUrl(options.urls[name])}`;
    if (found === undefined) throw new StartupError(`${where} holds no platform schema (no platform_meta); run: node sandbox/admin.ts init --version ${options.version} ...`);
    if (found !== options.version) throw new StartupError(`${where} holds the ${found} schema; this instance is ${options.version} and refuses to start`);
  }
}

function listen(server: Server, options: ServerOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new StartupError(`cannot listen on ${options.host}:${options.port}: ${error.message}`)));
    server.listen(options.port, options.host, () => resolve((server.address() as AddressInfo).port));
  });
}

// One platform instance: databases checked for the right schema version, MQTT ingest, HTTP; and its orderly stop.

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pools } from './db.ts';
import { closePools, databaseNames, openPools, readSchemaVersion } from './db.ts';
import type { ServerOptions } from './flags.ts';
import { createHandler } from './http/app.ts';
import type { IngestStats, MessageHandler } from './ingest/handler.ts';
import { createMessageHandler } from './ingest/handler.ts';
import { startMqttIngest } from './ingest/mqtt.ts';
import type { Logger } from './log.ts';
import { createFanOut } from './notify/fanout.ts';
import { createSmsClient } from './notify/sms.ts';
import { StartupError } from './startup-error.ts';
import { createStore } from './store/index.ts';
import { createBackgroundTasks } from './tasks.ts';
import { redactUrl } from './url.ts';

export interface RunningInstance {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function startInstance(options: ServerOptions, log: Logger): Promise<RunningInstance> {
  const pools = await openPools(options.urls, log);
  const closeAndRethrow = async (error: unknown): Promise<never> => {
    await closePools(pools);
    throw error;
  };
  await checkSchemaVersions(pools, options).catch(closeAndRethrow);
  const store = createStore(options.version, pools);
  const tasks = createBackgroundTasks();
  const sms = createSmsClient(options.smsUrl, log);
  const stats: IngestStats = { processed: 0, stored: 0, duplicates: 0, ignored: 0, failed: 0 };
  const handler = withCrashFault(options, log, createMessageHandler(store, createFanOut(store, sms, tasks, log, options.faults), log, stats));
  const clientId = `platform-${options.instance}-${process.pid}`;
  const ingest = await startMqttIngest(options.mqttUrl, clientId, handler, log).catch(closeAndRethrow);
  const vitals = () => ({ mqtt: ingest.connected() ? 'connected' : 'disconnected', ingest: { ...stats }, sms: { ...sms.stats } });
  const context = { store, version: options.version, instance: options.instance, startedAt: new Date(), log, vitals };
  const server = createServer(createHandler(context));
  const port = await listen(server, options);
  return {
    port,
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    async stop() {
      server.close();
      server.closeAllConnections();
      await ingest.close();
      await tasks.drain(3000);
      await closePools(pools);
    },
  };
}

/** Fault `instance-crash-on-event`: the process dies as a real one would, mid-run, on the first camera event. */
function withCrashFault(options: ServerOptions, log: Logger, handler: MessageHandler): MessageHandler {
  if (!options.faults.has('instance-crash-on-event')) return handler;
  return async (topic, payload) => {
    if (!topic.endsWith('/events')) return handler(topic, payload);
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

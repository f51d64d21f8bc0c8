// The instance's MQTT client: subscribes to device topics and hands messages, one at a time, to the handler.
// With a persistent session it steps away from the broker while the platform is in maintenance (the broker keeps what
// devices publish for it) and takes that backlog when it comes back, as the same instance or its redeployed successor.

import mqtt from 'mqtt';
import type { Logger } from '../log.ts';
import { describeError } from '../log.ts';
import { StartupError } from '../startup-error.ts';
import { redactUrl } from '../../lib/url.ts';
import type { MessageHandler } from './handler.ts';
import { cameraTopics } from './messages.ts';

export interface MqttIngest {
  /** connected: taking messages; paused: away from the broker while the platform is in maintenance (session kept). */
  state(): 'connected' | 'paused' | 'disconnected';
  connected(): boolean;
  /** Stops receiving, then waits for the message being handled. */
  close(): Promise<void>;
}

export interface MqttSession {
  clientId: string;
  /** Clean session off: the broker keeps the subscriptions and queues QoS 1 messages while the instance is away. */
  persistent: boolean;
  /** Whether the platform is in maintenance now; the ingest steps away while it is (a clean session loses what came meanwhile). */
  maintenance?: () => Promise<boolean>;
  pollMs?: number;
}

const connectTimeoutMs = 4000;

/** The topic an instance publishes to itself after resuming a session: what arrives before it is the session's backlog. */
export const drainedTopic = (clientId: string): string => `kw/ops/ingest/${clientId}/drained`;

/** Connects (or throws a StartupError naming the broker URL) and subscribes with QoS 1. */
export async function startMqttIngest(url: string, session: MqttSession, handle: MessageHandler, log: Logger): Promise<MqttIngest> {
  const where = redactUrl(url);
  const marker = drainedTopic(session.clientId);
  let client: mqtt.MqttClient | undefined;
  let closed = false;
  // Messages delivered from the broker's queue after a resumed session: their `clock` was read when the device sent
  // them, long before this instance received them, so it says nothing of the device's skew.
  let replaying = false;
  // When a kept session was resumed: a broker may interleave the backlog with newer messages (aedes does), so an event
  // whose device clock reads before that moment was sent while the instance was away, marker or not.
  let resumedAt: number | undefined;
  // One message at a time: decisions (store, fan out) follow the broker's order, as with a single consumer.
  let queue = Promise.resolve();

  const onMessage = (topic: string, payload: Buffer): void => {
    if (topic === marker) {
      queue = queue.then(() => {
        if (replaying) log.info(`MQTT ${where}: backlog of the session ${session.clientId} taken`);
        replaying = false;
      });
      return;
    }
    queue = queue.then(() => handle(topic, payload, { replayed: replaying, ...(resumedAt !== undefined ? { resumedAt } : {}) }));
  };
  const open = async (): Promise<void> => {
    // The broker may send the backlog in the very packet of its CONNACK: `onConnack` marks it replayed before any message.
    const next = await connect(url, session, log, onMessage, (sessionPresent) => {
      replaying = sessionPresent;
      resumedAt = sessionPresent ? Date.now() : undefined;
    });
    try {
      await next.subscribeAsync([...cameraTopics, marker], { qos: 1 });
      if (replaying) await next.publishAsync(marker, '', { qos: 1 });
    } catch (error) {
      await next.endAsync(true);
      throw new StartupError(`cannot subscribe to ${cameraTopics.join(', ')} on ${where}: ${describeError(error)}`);
    }
    client = next;
  };
  const pause = async (): Promise<void> => {
    // A DISCONNECT, not a clean session: the broker keeps the subscriptions and queues what devices publish.
    // Paused only once the broker has it: a message it sends meanwhile is still taken by this connection.
    await client?.endAsync();
    client = undefined;
    await queue;
    log.info(`MQTT ${where}: maintenance on, away from the broker (session ${session.clientId} ${session.persistent ? 'kept' : 'not kept'})`);
  };

  const inMaintenance = session.maintenance ? await session.maintenance() : false;
  if (inMaintenance) await probe(url, `${session.clientId}-probe`);
  else await open();

  let busy: Promise<void> | undefined;
  const timer = session.maintenance ? setInterval(() => {
    busy ??= (async () => {
      try {
        const maintenance = await session.maintenance!();
        if (closed) return;
        if (maintenance && client) await pause();
        else if (!maintenance && !client) {
          await open();
          log.info(`MQTT ${where}: maintenance off, back on the broker (session ${session.clientId})`);
        }
      } catch (error) {
        log.warn(`MQTT ${where}: maintenance check: ${describeError(error)}`);
      }
    })().finally(() => (busy = undefined));
  }, session.pollMs ?? 500) : undefined;
  timer?.unref();

  return {
    state: () => (client === undefined ? (closed ? 'disconnected' : 'paused') : client.connected ? 'connected' : 'disconnected'),
    connected: () => client?.connected ?? false,
    async close() {
      closed = true;
      clearInterval(timer);
      await busy;
      await client?.endAsync();
      client = undefined;
      await queue;
    },
  };
}

async function connect(url: string, session: MqttSession, log: Logger, onMessage: (topic: string, payload: Buffer) => void, onConnack: (sessionPresent: boolean) => void): Promise<mqtt.MqttClient> {
  const options = { clientId: session.clientId, protocolVersion: 4 as const, clean: !session.persistent, connectTimeout: connectTimeoutMs, reconnectPeriod: 0 };
  const client = mqtt.connect(url, options);
  // Listeners first: mqtt.js emits the CONNACK and the PUBLISH packets read with it synchronously.
  client.on('message', onMessage);
  let failed: (error: Error) => void = () => {};
  const closed = () => failed(new Error('the connection closed before CONNACK'));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no CONNACK within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      failed = (error) => { clearTimeout(timer); reject(error); };
      client.once('connect', (connack) => {
        clearTimeout(timer);
        onConnack(connack.sessionPresent);
        resolve();
      });
      client.on('error', failed);
      client.on('close', closed);
    });
  } catch (error) {
    client.end(true);
    throw new StartupError(`cannot reach the MQTT broker at ${redactUrl(url)}: ${describeError(error)}`);
  } finally {
    client.removeListener('error', failed);
    client.removeListener('close', closed);
  }
  // Reconnects by itself from now on (a broker restart), as the instance always did.
  client.options.reconnectPeriod = 1000;
  client.on('error', (error) => log.error(`MQTT ${redactUrl(url)}: ${describeError(error)}`));
  client.on('offline', () => log.warn(`MQTT ${redactUrl(url)}: connection lost, reconnecting`));
  client.on('connect', () => log.info(`MQTT ${redactUrl(url)}: reconnected`));
  return client;
}

/** Checks that the broker answers, without touching the instance's session (it stays queued for later). */
async function probe(url: string, clientId: string): Promise<void> {
  try {
    const client = await mqtt.connectAsync(url, { clientId, protocolVersion: 4, clean: true, connectTimeout: connectTimeoutMs, reconnectPeriod: 0 }, false);
    await client.endAsync(true);
  } catch (error) {
    throw new StartupError(`cannot reach the MQTT broker at ${redactUrl(url)}: ${describeError(error)}`);
  }
}

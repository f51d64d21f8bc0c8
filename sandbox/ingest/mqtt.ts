// The instance's MQTT client: subscribes to camera topics and hands messages, one at a time, to the handler.

import mqtt from 'mqtt';
import type { Logger } from '../log.ts';
import { describeError } from '../log.ts';
import { StartupError } from '../startup-error.ts';
import { redactUrl } from '../../lib/url.ts';
import type { MessageHandler } from './handler.ts';
import { cameraTopics } from './messages.ts';

export interface MqttIngest {
  connected(): boolean;
  /** Stops receiving, then waits for the message being handled. */
  close(): Promise<void>;
}

const connectTimeoutMs = 4000;

/** Connects (or throws a StartupError naming the broker URL) and subscribes with QoS 1. */
export async function startMqttIngest(url: string, clientId: string, handle: MessageHandler, log: Logger): Promise<MqttIngest> {
  const client = await connect(url, clientId);
  client.on('error', (error) => log.error(`MQTT ${redactUrl(url)}: ${describeError(error)}`));
  client.on('offline', () => log.warn(`MQTT ${redactUrl(url)}: connection lost, reconnecting`));
  client.on('connect', () => log.info(`MQTT ${redactUrl(url)}: reconnected`));
  // One message at a time: decisions (store, fan out) follow the broker's order, as with a single consumer.
  let queue = Promise.resolve();
  client.on('message', (topic, payload) => {
    queue = queue.then(() => handle(topic, payload));
  });
  try {
    await client.subscribeAsync(cameraTopics, { qos: 1 });
  } catch (error) {
    await client.endAsync(true);
    throw new StartupError(`cannot subscribe to ${cameraTopics.join(', ')} on ${redactUrl(url)}: ${describeError(error)}`);
  }
  return {
    connected: () => client.connected,
    async close() {
      await client.endAsync();
      await queue;
    },
  };
}

async function connect(url: string, clientId: string): Promise<mqtt.MqttClient> {
  const options = { clientId, protocolVersion: 4 as const, clean: true, connectTimeout: connectTimeoutMs, reconnectPeriod: 1000 };
  try {
    return await mqtt.connectAsync(url, options, false);
  } catch (error) {
    throw new StartupError(`cannot reach the MQTT broker at ${redactUrl(url)}: ${describeError(error)}`);
  }
}

// Clearing what a fleet leaves on the broker: the retained status of each device ([MQTT-3.3.1-10] an empty retained message clears it).

import mqtt from 'mqtt';
import { explainRefusal } from '../cameras/mqtt-connect.ts';
import { EnvironmentError } from '../../lib/errors.ts';

export async function clearRetainedStatus(brokerUrl: string, topics: string[]): Promise<void> {
  const client = await mqtt.connectAsync(brokerUrl, { reconnectPeriod: 0, connectTimeout: 5000, clientId: `fleet-cleanup-${process.pid}` }, false).catch((error: Error) => {
    throw new EnvironmentError(`fleet cleanup: cannot connect to ${brokerUrl}: ${explainRefusal(error)}`, { cause: error });
  });
  try {
    for (let i = 0; i < topics.length; i += 500) {
      await Promise.all(topics.slice(i, i + 500).map((topic) => client.publishAsync(topic, '', { qos: 1, retain: true })));
    }
  } finally {
    await client.endAsync();
  }
}

/** The retained status topic of a camera of this generation (MQTT generations only). */
export function statusTopic(serial: string, generation: string): string | undefined {
  if (generation === 'mqtt3') return `kw/cameras/${serial}/status`;
  if (generation === 'mqtt5') return `kw/v5/cameras/${serial}/status`;
  return undefined;
}

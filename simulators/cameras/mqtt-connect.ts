// Opens an MQTT connection with a deadline, turning a refused or silent broker into an EnvironmentError.

import { connect, type IClientOptions, type IConnackPacket, type MqttClient } from 'mqtt';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { redactUrl } from '../../lib/url.ts';

// Connects once (no automatic reconnection: going offline is a fault switch, not an accident).
// `onConnack` sees the CONNACK (MQTT 5: session present, properties).
export function connectOnce(url: string, options: IClientOptions, timeoutMs: number, who: string, onConnack?: (packet: IConnackPacket) => void): Promise<MqttClient> {
  let client: MqttClient;
  try {
    // mqtt.js gets a later deadline than ours, so the message below is the one that names the rule.
    client = connect(url, { ...options, reconnectPeriod: 0, connectTimeout: timeoutMs * 2 });
  } catch (error) {
    throw new ConfigurationError(`${who}: the broker URL "${redactUrl(url)}" is not an MQTT URL (${String(error)}); expected mqtt://host:port`);
  }
  return new Promise((resolve, reject) => {
    const fail = (why: string, cause?: unknown): void => {
      clearTimeout(timer);
      client.removeAllListeners('connect');
      client.on('error', () => {});
      client.end(true);
      reject(new EnvironmentError(
        `${who} could not connect to the MQTT broker at ${redactUrl(url)}: ${why}. Is the broker running there (MQTT_URL)?`,
        { cause },
      ));
    };
    const timer = setTimeout(() => fail(`no CONNACK within ${timeoutMs} ms`), timeoutMs);
    client.once('connect', (connack) => {
      clearTimeout(timer);
      onConnack?.(connack);
      client.removeAllListeners('error');
      client.removeAllListeners('close');
      resolve(client);
    });
    client.once('error', (error) => fail(explainRefusal(error), error));
    client.once('close', () => fail('the connection closed before CONNACK'));
  });
}

/** Why a broker refused or could not be reached, in the terms QA acts on: authentication, TLS, or the network. */
export function explainRefusal(error: Error & { code?: unknown }): string {
  const code = typeof error.code === 'string' || typeof error.code === 'number' ? String(error.code) : '';
  const text = `${error.message} ${code}`;
  if (/user ?name or password|not authori[sz]ed|bad auth/i.test(error.message)) {
    return `authentication refused by the broker (${error.message}); check the device's user name and password`;
  }
  if (/certificate|tls|ssl|handshake|wrong version number|EPROTO/i.test(text)) return `TLS failed (${error.message}); check the scheme (mqtt:// or mqtts://) and the broker's certificate`;
  if (/ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT/.test(text)) return `unreachable (${error.message})`;
  if (/protocol version|unsupported/i.test(text)) return `the broker refuses this MQTT version (${error.message})`;
  return error.message;
}

// Rejects with `onTimeout()` when `promise` has not settled within `timeoutMs`.
export async function withDeadline<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

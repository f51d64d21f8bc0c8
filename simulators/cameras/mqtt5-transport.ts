// Generation mqtt5 on the wire (2022 on): MQTT 5 with user properties, a persistent session, message expiry, on-camera detections.

import type { IClientOptions, IClientPublishOptions, MqttClient } from 'mqtt';
import { EnvironmentError, ProductAssertionError } from '../../lib/errors.ts';
import { factoryPassword } from './credentials.ts';
import { connectOnce, withDeadline } from './mqtt-connect.ts';
import { redactUrl } from '../../lib/url.ts';
import type { Packet } from './network.ts';
import type { Beat, CameraTransport, OutgoingEvent, TransportContext } from './transport.ts';

/** How long the platform keeps the camera's session (and the commands queued for it) after a disconnection, in seconds. */
export const sessionExpiryS = 3600;
/** A heartbeat is worthless after a minute; an event stays worth delivering for a day. */
export const heartbeatExpiryS = 60;
export const eventExpiryS = 86_400;

// MQTT 5 3.3.2.3.2 Payload Format Indicator 1: UTF-8 text; 3.3.2.3.9 Content Type: what that text is.
const json = { payloadFormatIndicator: true, contentType: 'application/json' } as const;
const textPlain = { payloadFormatIndicator: true, contentType: 'text/plain' } as const;

export class Mqtt5Transport implements CameraTransport {
  readonly #c: TransportContext;
  readonly #url: string;
  readonly #sessionExpiryS: number;
  #client: MqttClient | undefined;
  // [MQTT-3.2.2-2] set by the CONNACK: the platform still had this camera's session.
  sessionPresent = false;

  /** `sessionS` 0: Clean Start and no session kept after the connection (fleets); otherwise the session outlives it that long. */
  constructor(context: TransportContext, url: string, sessionS = sessionExpiryS) {
    this.#c = context;
    this.#url = url;
    this.#sessionExpiryS = sessionS;
  }

  get address(): string { return redactUrl(this.#url); }
  get connected(): boolean { return this.#client?.connected ?? false; }

  #topic(leaf: 'status' | 'heartbeat' | 'events' | 'commands'): string {
    return `kw/v5/cameras/${this.#c.serial}/${leaf}`;
  }

  async connect(): Promise<void> {
    const options: IClientOptions = {
      clientId: this.#c.serial,
      username: this.#c.serial,
      password: factoryPassword(this.#c.serial),
      protocolVersion: 5,
      // MQTT 5 3.1.2.4 Clean Start = 0 with 3.1.2.11.2 Session Expiry Interval: the session outlives the connection.
      // With an interval of 0 the session ends with the connection [MQTT-3.1.2-4], so Clean Start says so from the outset.
      clean: this.#sessionExpiryS === 0,
      properties: { sessionExpiryInterval: this.#sessionExpiryS },
      will: {
        topic: this.#topic('status'), payload: Buffer.from('offline'), qos: 1, retain: true,
        properties: { willDelayInterval: 0, ...textPlain },
      },
    };
    const client = await connectOnce(this.#url, options, this.#c.connectTimeoutMs, `camera ${this.#c.serial} (MQTT 5)`, (connack) => {
      this.sessionPresent = connack.sessionPresent;
    });
    client.on('error', () => {});
    client.on('message', (topic, payload) => this.#c.record.recordReceived(topic, payload.toString('utf8')));
    this.#client = client;
    // A present session still holds the subscription and the commands queued while the camera was away.
    if (!this.sessionPresent) await client.subscribeAsync(this.#topic('commands'), { qos: 1 });
    await this.#publish({ topic: this.#topic('status'), payload: 'online', qos: 1, retain: true }, textPlain);
  }

  async disconnect(mode: 'abrupt' | 'graceful'): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (!client) return;
    if (mode === 'abrupt') return void (await client.endAsync(true));
    await client.publishAsync(this.#topic('status'), 'offline', { qos: 1, retain: true, properties: this.#properties(textPlain) }).catch(() => {});
    await client.endAsync(false).catch(() => {});
  }

  async heartbeat(beat: Beat): Promise<void> {
    await this.#publish({ topic: this.#topic('heartbeat'), payload: JSON.stringify(beat), qos: 0, retain: false }, { messageExpiryInterval: heartbeatExpiryS });
  }

  async sendEvent({ event, clock, ageMs }: OutgoingEvent): Promise<void> {
    // MQTT 5 3.3.2.3.3: a buffered event is sent with what is left of its lifetime.
    const messageExpiryInterval = Math.max(1, eventExpiryS - Math.floor(ageMs / 1000));
    await this.#publish({ topic: this.#topic('events'), payload: JSON.stringify({ ...event, clock }), qos: 1, retain: false }, { messageExpiryInterval });
  }

  #properties(extra: NonNullable<IClientPublishOptions['properties']> = {}): NonNullable<IClientPublishOptions['properties']> {
    const { model } = this.#c;
    return { ...json, userProperties: { model: model.id, firmware: this.#c.firmware(), generation: 'mqtt5' }, ...extra };
  }

  async #publish(packet: Packet, properties: NonNullable<IClientPublishOptions['properties']>): Promise<void> {
    const client = this.#client;
    if (!client?.connected) {
      throw new EnvironmentError(`camera ${this.#c.serial} cannot publish on ${packet.topic}: its MQTT 5 connection to ${this.address} is down. Was the platform restarted during the scenario?`);
    }
    const options: IClientPublishOptions = { qos: packet.qos, retain: packet.retain, properties: this.#properties(properties) };
    const { ackTimeoutMs } = this.#c;
    const publish = (): Promise<void> => client.publishAsync(packet.topic, packet.payload, options).then(() => undefined, (error: Error) => {
      // MQTT 5 3.4.2.1: a PUBACK reason code of 0x80 or more is the platform refusing the message.
      throw new ProductAssertionError(`camera ${this.#c.serial}: the platform refused ${packet.topic}: ${error.message}. Is the camera claimed by an account?`, { cause: error });
    });
    await this.#c.network.transmit(packet, () => withDeadline(publish(), ackTimeoutMs, () => new EnvironmentError(
      `camera ${this.#c.serial}: ${this.address} did not acknowledge ${packet.topic} (QoS ${packet.qos}) within ${ackTimeoutMs} ms. Is the platform's MQTT 5 endpoint overloaded or gone?`,
    )));
  }
}

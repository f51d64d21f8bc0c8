// Generation mqtt3 on the wire (2018–2021): MQTT 3.1.1, retained status with an "offline" last will, QoS 1 events.

import type { IClientOptions, MqttClient } from 'mqtt';
import { EnvironmentError } from '../../lib/errors.ts';
import { connectOnce, withDeadline } from './mqtt-connect.ts';
import { redactUrl } from '../../lib/url.ts';
import type { Packet } from './network.ts';
import type { Beat, CameraTransport, OutgoingEvent, TransportContext } from './transport.ts';

export class Mqtt3Transport implements CameraTransport {
  readonly #c: TransportContext;
  readonly #url: string;
  #client: MqttClient | undefined;

  constructor(context: TransportContext, brokerUrl: string) {
    this.#c = context;
    this.#url = brokerUrl;
  }

  get address(): string { return redactUrl(this.#url); }
  get connected(): boolean { return this.#client?.connected ?? false; }

  #topic(leaf: 'status' | 'heartbeat' | 'events'): string {
    return `kw/cameras/${this.#c.serial}/${leaf}`;
  }

  async connect(): Promise<void> {
    const options: IClientOptions = {
      clientId: this.#c.serial, // the contract: the client id is the serial
      protocolVersion: 4, // MQTT 3.1.1
      clean: true,
      // [MQTT-3.1.2-8] the broker publishes the will when the connection drops without DISCONNECT.
      will: { topic: this.#topic('status'), payload: Buffer.from('offline'), qos: 1, retain: true },
    };
    const client = await connectOnce(this.#url, options, this.#c.connectTimeoutMs, `camera ${this.#c.serial}`);
    client.on('error', () => {}); // surfaced through `connected` and the next publish
    this.#client = client;
    await this.#publish({ topic: this.#topic('status'), payload: 'online', qos: 1, retain: true });
  }

  async disconnect(mode: 'abrupt' | 'graceful'): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (!client) return;
    if (mode === 'abrupt') return void (await client.endAsync(true)); // no DISCONNECT: the will fires
    // A graceful stop leaves "offline" retained, so the next scenario does not see a ghost camera online.
    await client.publishAsync(this.#topic('status'), 'offline', { qos: 1, retain: true }).catch(() => {});
    await client.endAsync(false).catch(() => {});
  }

  async heartbeat(beat: Beat): Promise<void> {
    await this.#publish({ topic: this.#topic('heartbeat'), payload: JSON.stringify(beat), qos: 0, retain: false });
  }

  async sendEvent({ event, clock }: OutgoingEvent): Promise<void> {
    await this.#publish({ topic: this.#topic('events'), payload: JSON.stringify({ ...event, clock }), qos: 1, retain: false });
  }

  async #publish(packet: Packet): Promise<void> {
    const client = this.#client;
    if (!client?.connected) {
      throw new EnvironmentError(`camera ${this.#c.serial} cannot publish on ${packet.topic}: its connection to ${this.address} is down. Was the broker restarted during the scenario?`);
    }
    const { ackTimeoutMs } = this.#c;
    await this.#c.network.transmit(packet, () => withDeadline(client.publishAsync(packet.topic, packet.payload, { qos: packet.qos, retain: packet.retain }).then(() => undefined), ackTimeoutMs, () => new EnvironmentError(
      `camera ${this.#c.serial}: the broker at ${this.address} did not acknowledge ${packet.topic} (QoS ${packet.qos}) within ${ackTimeoutMs} ms. Is it overloaded or gone?`,
    )));
  }
}

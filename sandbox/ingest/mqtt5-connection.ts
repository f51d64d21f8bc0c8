// One camera's MQTT 5 connection to the device gateway: CONNECT checks, PUBLISH to the ingest, subscriptions, keep-alive, will.

import type { Socket } from 'node:net';
import { generate, parser as createParser, type IConnectPacket, type IPublishPacket, type ISubscribePacket, type Packet } from 'mqtt-packet';
import { checkFactoryPassword } from './credentials.ts';
import type { DeviceIngest } from './device-ingest.ts';
import type { IngestStats } from './handler.ts';
import { handleCameraPublish, reason } from './mqtt5-messages.ts';
import type { QueuedCommand, Session, SessionStore } from './mqtt5-sessions.ts';
import type { Logger } from '../log.ts';

export interface GatewayDeps {
  ingest: DeviceIngest;
  sessions: SessionStore;
  stats: IngestStats;
  log: Logger;
  /** Takes over a client id already connected (MQTT 5 3.1.4-3): the older connection is closed. */
  claim(clientId: string, connection: Mqtt5Connection): void;
  release(clientId: string, connection: Mqtt5Connection): void;
}

/** MQTT 5 2.4 reason codes of CONNACK and DISCONNECT used here. */
const code = {
  unsupportedProtocol: 0x84, clientIdNotValid: 0x85, badUserNameOrPassword: 0x86, notAuthorized: 0x87,
  sessionTakenOver: 0x8e, keepAliveTimeout: 0x8d, protocolError: 0x82, qosNotSupported: 0x9b, disconnectWithWill: 0x04,
} as const;

export class Mqtt5Connection {
  readonly #socket: Socket;
  readonly #d: GatewayDeps;
  readonly #parser = createParser({ protocolVersion: 5 });
  #clientId: string | undefined;
  #session: Session | undefined;
  #will: IConnectPacket['will'];
  #keepAlive: NodeJS.Timeout | undefined;
  #keepAliveMs = 0;
  #queue: Promise<void> = Promise.resolve();
  #nextId = 1;

  constructor(socket: Socket, deps: GatewayDeps) {
    this.#socket = socket;
    this.#d = deps;
    this.#parser.on('packet', (packet: Packet) => {
      // One packet at a time, in order: a camera's events are stored in the order it sent them.
      this.#queue = this.#queue.then(() => this.#handle(packet)).catch((error: unknown) => this.#fail(error));
    });
    this.#parser.on('error', (error: Error) => this.#fail(error));
    socket.on('data', (chunk: Buffer) => {
      this.#touch();
      this.#parser.parse(chunk);
    });
    socket.on('close', () => this.#closed());
    socket.on('error', () => {});
  }

  get clientId(): string | undefined {
    return this.#clientId;
  }

  /** Ends the connection from the gateway's side, with a DISCONNECT saying why (MQTT 5 3.14). */
  disconnect(reasonCode: number): void {
    this.#write({ cmd: 'disconnect', reasonCode });
    this.#socket.end();
  }

  async #handle(packet: Packet): Promise<void> {
    if (this.#clientId === undefined && packet.cmd !== 'connect') return this.disconnect(code.protocolError); // [MQTT-3.1.0-1]
    switch (packet.cmd) {
      case 'connect': return this.#connect(packet);
      case 'publish': return this.#publish(packet);
      case 'subscribe': return this.#subscribe(packet);
      case 'unsubscribe':
        for (const topic of packet.unsubscriptions) this.#session?.subscriptions.delete(topic);
        return this.#write({ cmd: 'unsuback', messageId: packet.messageId, granted: packet.unsubscriptions.map(() => 0) } as unknown as Packet);
      case 'pingreq': return this.#write({ cmd: 'pingresp' });
      case 'disconnect':
        // MQTT 5 3.14.2.1: reason 0 deletes the will; 0x04 asks for it to be published.
        if (packet.reasonCode !== code.disconnectWithWill) this.#will = undefined;
        if (this.#session && packet.properties?.sessionExpiryInterval !== undefined) this.#session.expiryS = packet.properties.sessionExpiryInterval;
        return void this.#socket.end();
      case 'puback': return; // acknowledgement of a command we sent
      default: return this.disconnect(code.protocolError);
    }
  }

  #connect(packet: IConnectPacket): void {
    if (this.#clientId !== undefined) return this.disconnect(code.protocolError); // [MQTT-3.1.0-2] a second CONNECT
    const refuse = (reasonCode: number): void => {
      this.#write({ cmd: 'connack', reasonCode, sessionPresent: false } as unknown as Packet, packet.protocolVersion ?? 5);
      this.#socket.end();
    };
    if (packet.protocolVersion !== 5) {
      // MQTT 5 3.2.2.2: an older client gets an answer it can read: 3.1.1 return code 1, unacceptable protocol version.
      this.#write({ cmd: 'connack', returnCode: 1, sessionPresent: false } as unknown as Packet, 4);
      return void this.#socket.end();
    }
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(packet.clientId)) return refuse(code.clientIdNotValid);
    if (packet.username !== packet.clientId || !checkFactoryPassword(packet.clientId, packet.password?.toString('utf8') ?? '')) return refuse(code.badUserNameOrPassword);
    this.#clientId = packet.clientId;
    this.#d.claim(packet.clientId, this);
    const { session, present } = this.#d.sessions.open(packet.clientId, packet.clean ?? true, packet.properties?.sessionExpiryInterval ?? 0);
    this.#session = session;
    this.#will = packet.will;
    this.#keepAliveMs = (packet.keepalive ?? 0) * 1500; // [MQTT-3.1.2-22] one and a half keep-alive periods
    this.#touch();
    // MQTT 5 3.2.2.3: what this gateway does not do is said in the CONNACK properties.
    const properties = { maximumQoS: 1, retainAvailable: true, wildcardSubscriptionAvailable: false, sharedSubscriptionAvailable: false, topicAliasMaximum: 0 };
    this.#write({ cmd: 'connack', reasonCode: 0, sessionPresent: present, properties } as unknown as Packet);
    session.deliver = (command) => this.#sendCommand(command);
    for (const command of session.queue.splice(0)) this.#sendCommand(command);
  }

  async #publish(packet: IPublishPacket): Promise<void> {
    if (packet.qos === 2) return this.disconnect(code.qosNotSupported); // MQTT 5 3.3.1-4: above the Maximum QoS we announced
    let verdict;
    try {
      verdict = await handleCameraPublish(this.#d.ingest, this.#clientId ?? '', packet);
    } catch (error) {
      this.#d.stats.failed += 1;
      this.#d.log.error(`MQTT 5 ${packet.topic} failed: ${(error as Error).message}`);
      verdict = { code: reason.unspecified, why: 'the platform could not handle the message; see its log' };
    } finally {
      this.#d.stats.processed += 1;
    }
    if (verdict.code !== reason.success) {
      if (verdict.code !== reason.unspecified) this.#d.stats.ignored += 1;
      this.#d.log.warn(`MQTT 5 ${packet.topic} refused (0x${verdict.code.toString(16)}): ${verdict.why ?? ''}`);
    }
    if (packet.qos === 1) {
      const properties = verdict.why ? { reasonString: verdict.why } : undefined;
      this.#write({ cmd: 'puback', messageId: packet.messageId, reasonCode: verdict.code, properties } as unknown as Packet);
    }
  }

  #subscribe(packet: ISubscribePacket): void {
    const own = `kw/v5/cameras/${this.#clientId}/commands`;
    const granted = packet.subscriptions.map((s) => {
      if (s.topic !== own) return code.notAuthorized; // a camera may only hear its own commands
      this.#session?.subscriptions.add(s.topic);
      return Math.min(s.qos, 1);
    });
    this.#write({ cmd: 'suback', messageId: packet.messageId, granted } as unknown as Packet);
  }

  #sendCommand(command: QueuedCommand): void {
    const now = Date.now();
    if (command.expiresAt !== undefined && command.expiresAt <= now) return; // [MQTT-3.3.2-5] expired: not delivered
    const messageId = this.#nextId;
    this.#nextId = (this.#nextId % 65535) + 1;
    // [MQTT-3.3.2-6] the interval sent on is what is left of it.
    const properties = command.expiresAt === undefined ? {} : { messageExpiryInterval: Math.max(1, Math.ceil((command.expiresAt - now) / 1000)) };
    this.#write({ cmd: 'publish', topic: command.topic, payload: command.payload, qos: 1, retain: false, dup: false, messageId, properties } as Packet);
  }

  #touch(): void {
    clearTimeout(this.#keepAlive);
    if (this.#keepAliveMs > 0) this.#keepAlive = setTimeout(() => this.disconnect(code.keepAliveTimeout), this.#keepAliveMs);
  }

  #write(packet: Packet, protocolVersion = 5): void {
    if (!this.#socket.writable) return;
    this.#socket.write(generate(packet, { protocolVersion }));
  }

  #fail(error: unknown): void {
    this.#d.log.warn(`MQTT 5 connection ${this.#clientId ?? '(before CONNECT)'}: ${(error as Error).message}`);
    this.#socket.destroy();
  }

  #closed(): void {
    clearTimeout(this.#keepAlive);
    const clientId = this.#clientId;
    if (clientId === undefined) return;
    if (this.#session) this.#d.sessions.detach(this.#session);
    this.#d.release(clientId, this);
    const will = this.#will;
    this.#will = undefined;
    // [MQTT-3.1.2-8] a connection that ends without DISCONNECT publishes the will: for a camera, "offline".
    if (will) void this.#queue.then(() => this.#publishWill(clientId, will));
  }

  async #publishWill(clientId: string, will: NonNullable<IConnectPacket['will']>): Promise<void> {
    const packet = { cmd: 'publish', topic: will.topic, payload: Buffer.from(will.payload), qos: 0, retain: will.retain ?? false, dup: false } as IPublishPacket;
    try {
      await handleCameraPublish(this.#d.ingest, clientId, packet);
    } catch (error) {
      this.#d.log.error(`MQTT 5 will of ${clientId} failed: ${(error as Error).message}`);
    }
  }
}

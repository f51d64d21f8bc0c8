// MQTT 5 sessions of the device gateway: they outlive a connection for the Session Expiry Interval, with their subscription and queued commands.

export interface QueuedCommand {
  topic: string;
  payload: Buffer;
  /** Epoch ms after which the command is worthless (MQTT 5 3.3.2.3.3 Message Expiry Interval), or undefined. */
  expiresAt: number | undefined;
}

export interface Session {
  clientId: string;
  subscriptions: Set<string>;
  queue: QueuedCommand[];
  /** MQTT 5 3.1.2.11.2 Session Expiry Interval, seconds; 0: the session ends with the connection. */
  expiryS: number;
  /** Set while no connection holds the session. */
  expiresAt: number | undefined;
  /** Delivers a command now; undefined while no connection holds the session. */
  deliver: ((command: QueuedCommand) => void) | undefined;
}

export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  /** MQTT 5 3.1.2.4: Clean Start discards any session; otherwise an unexpired one is resumed ("session present"). */
  open(clientId: string, cleanStart: boolean, expiryS: number, now = Date.now()): { session: Session; present: boolean } {
    const existing = this.#sessions.get(clientId);
    const alive = existing !== undefined && (existing.expiresAt === undefined || existing.expiresAt > now);
    if (!cleanStart && alive && existing) {
      existing.expiryS = expiryS;
      existing.expiresAt = undefined;
      existing.queue = existing.queue.filter((c) => c.expiresAt === undefined || c.expiresAt > now);
      return { session: existing, present: true };
    }
    const session: Session = { clientId, subscriptions: new Set(), queue: [], expiryS, expiresAt: undefined, deliver: undefined };
    this.#sessions.set(clientId, session);
    return { session, present: false };
  }

  /** The connection is gone: the session lives on for its expiry interval (MQTT 5 4.1). */
  detach(session: Session, now = Date.now()): void {
    session.deliver = undefined;
    if (session.expiryS === 0) {
      if (this.#sessions.get(session.clientId) === session) this.#sessions.delete(session.clientId);
      return;
    }
    session.expiresAt = now + session.expiryS * 1000;
  }

  /** Sends to the session's client now, or queues until it comes back; false when it has no session or no such subscription. */
  send(clientId: string, command: QueuedCommand, now = Date.now()): boolean {
    const session = this.#sessions.get(clientId);
    if (!session || (session.expiresAt !== undefined && session.expiresAt <= now) || !session.subscriptions.has(command.topic)) return false;
    if (session.deliver) session.deliver(command);
    else session.queue.push(command);
    return true;
  }

  get(clientId: string): Session | undefined {
    return this.#sessions.get(clientId);
  }
}

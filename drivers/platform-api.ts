// Client of the platform's HTTP API (docs/platform-interface.md): health, signup, login, account, devices, events.

import { expectJson, sendJson, type JsonRequest } from './http.ts';

export interface PlatformApiOptions {
  // Deadline of each call; 10 s by default.
  timeoutMs?: number;
  // Run id sent as `X-Synthetic-Traffic` on every request, so the accounts created are marked as test traffic.
  syntheticTraffic?: string;
}

export interface Health { status: string; version: string; instance: string; startedAt: string; pid: number }

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  phone: string;
  whiteLabel: string;
  accountType: string;
  paymentMethod: string;
  offer: string;
}

export interface Account {
  id: number;
  email: string;
  name: string;
  phone: string;
  whiteLabel: string;
  partner: string;
  offer: string;
  modules: string[];
  accountType: string;
  paymentMethod: string;
}

export interface ClaimedDevice { serial: string; model: string; kind: string }
export interface Device extends ClaimedDevice { online: boolean; lastSeenAt: string | null }
export interface PlatformEvent { id: number | string; serial: string; type: string; occurredAt: string; payload: unknown; /** V10: the device's own id of the event. */ eventId?: string }

export class PlatformApi {
  readonly baseUrl: string;
  readonly #timeoutMs: number;
  readonly #synthetic: string | undefined;
  #token: string | undefined;

  constructor(baseUrl: string, options: PlatformApiOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#synthetic = options.syntheticTraffic;
  }

  // The bearer token of the last login, if any.
  get token(): string | undefined {
    return this.#token;
  }

  health(): Promise<Health> {
    return this.#call('GET', '/health', 200);
  }

  signup(input: SignupInput): Promise<{ accountId: number }> {
    return this.#call('POST', '/api/signup', 201, input);
  }

  // Logs in and keeps the token for the calls that need one.
  async login(email: string, password: string): Promise<string> {
    const { token } = await this.#call<{ token: string }>('POST', '/api/login', 200, { email, password });
    this.#token = token;
    return token;
  }

  account(): Promise<Account> {
    return this.#call('GET', '/api/account', 200, undefined, true);
  }

  claimDevice(device: { serial: string; model: string }): Promise<ClaimedDevice> {
    return this.#call('POST', '/api/devices', 201, device, true);
  }

  devices(): Promise<Device[]> {
    return this.#call('GET', '/api/devices', 200, undefined, true);
  }

  // Newest first.
  events(limit = 50): Promise<PlatformEvent[]> {
    return this.#call('GET', `/api/events?limit=${limit}`, 200, undefined, true);
  }

  async #call<T>(method: string, path: string, expected: number, body?: unknown, auth = false): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.#synthetic !== undefined) headers['x-synthetic-traffic'] = this.#synthetic;
    if (auth) {
      if (this.#token === undefined) throw new Error(`${method} ${path} needs a logged-in customer: call login() on this PlatformApi first`);
      headers['authorization'] = `Bearer ${this.#token}`;
    }
    const request: JsonRequest = { method, url: `${this.baseUrl}${path}`, headers, body, timeoutMs: this.#timeoutMs, peer: `the platform instance at ${this.baseUrl}` };
    return expectJson<T>(request, await sendJson(request), expected);
  }
}

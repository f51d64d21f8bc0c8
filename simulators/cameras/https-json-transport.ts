// Generation https-json on the wire (2014–2017): a device token, JSON heartbeats and events, and a clip upload per event.

import { basicAuth } from './credentials.ts';
import { deviceFetch, expectStatus, type DeviceAnswer, type DeviceRequest } from './http-client.ts';
import type { Beat, CameraTransport, OutgoingEvent, TransportContext } from './transport.ts';

export class HttpsJsonTransport implements CameraTransport {
  readonly #c: TransportContext;
  readonly #base: string;
  #token: string | undefined;
  #connected = false;

  constructor(context: TransportContext, httpUrl: string) {
    this.#c = context;
    this.#base = `${httpUrl.replace(/\/+$/, '')}/ingest/https-json/v1`;
  }

  get address(): string { return this.#base; }
  get connected(): boolean { return this.#connected; }
  get #who(): string { return `camera ${this.#c.serial} (https-json)`; }

  async connect(): Promise<void> {
    await this.#authenticate();
    this.#connected = true;
  }

  async disconnect(): Promise<void> {
    this.#connected = false;
  }

  async heartbeat(beat: Beat): Promise<void> {
    await this.#json('POST', '/heartbeat', beat, 0, [204]);
  }

  async sendEvent({ event, clock, jpeg }: OutgoingEvent): Promise<void> {
    await this.#json('POST', '/events', { ...event, clock, clip: { durationMs: 3000 } }, 1, [201, 200]);
    // The clip: three frames of the moment, motion JPEG (the stand-in has no video encoder).
    const clip = Buffer.concat([jpeg, jpeg, jpeg]);
    await this.#call({ method: 'PUT', path: `/clips/${encodeURIComponent(event.eventId)}`, contentType: 'video/x-motion-jpeg', body: clip, extra: { 'x-duration-ms': '3000' } },
      `${clip.length} bytes of video/x-motion-jpeg`, 1, [201]);
  }

  // POST /token with the factory credential: the platform answers a bearer token for the other calls.
  async #authenticate(): Promise<void> {
    const request: DeviceRequest = {
      method: 'POST', url: `${this.#base}/token`,
      headers: { authorization: basicAuth(this.#c.serial), 'content-type': 'application/json' },
      body: JSON.stringify({ model: this.#c.model.id, firmware: this.#c.firmware() }),
    };
    const answer = await this.#transmit(request, 'POST /token', 1);
    expectStatus(answer, [200], request, this.#who);
    this.#token = (JSON.parse(answer.text) as { token: string }).token;
  }

  async #json(method: 'POST', path: string, body: unknown, qos: 0 | 1, expected: number[]): Promise<void> {
    const text = JSON.stringify(body);
    await this.#call({ method, path, contentType: 'application/json', body: text }, text, qos, expected);
  }

  async #call(call: { method: 'POST' | 'PUT'; path: string; contentType: string; body: Buffer | string; extra?: Record<string, string> }, summary: string, qos: 0 | 1, expected: number[]): Promise<void> {
    const make = (): DeviceRequest => ({
      method: call.method, url: `${this.#base}${call.path}`, body: call.body,
      headers: { authorization: `Bearer ${this.#token ?? ''}`, 'content-type': call.contentType, ...call.extra },
    });
    let request = make();
    let answer = await this.#transmit(request, summary, qos);
    if (answer.status === 401) {
      // The token expired (or the platform restarted its keys): authenticate again, once.
      await this.#authenticate();
      request = make();
      answer = await this.#transmit(request, summary, qos);
    }
    expectStatus(answer, expected, request, this.#who);
  }

  async #transmit(request: DeviceRequest, summary: string, qos: 0 | 1): Promise<DeviceAnswer> {
    const topic = `${request.method} ${new URL(request.url).pathname}`;
    let answer: DeviceAnswer = { status: 0, text: '' };
    await this.#c.network.transmit({ topic, payload: summary, qos, retain: false }, async () => {
      answer = await deviceFetch(request, this.#c.ackTimeoutMs, this.#who);
      this.#c.record.recordReceived(`${answer.status} ${topic}`, answer.text);
    });
    return answer;
  }
}

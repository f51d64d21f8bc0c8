// Generation http-push on the wire (2011–2013): basic auth, a keep-alive poll, multipart JPEG snapshots with a motion flag.

import { basicAuth } from './credentials.ts';
import { deviceFetch, expectStatus, type DeviceRequest } from './http-client.ts';
import { buildMultipart } from './multipart.ts';
import type { Beat, CameraTransport, OutgoingEvent, TransportContext } from './transport.ts';

/** "2025-11-26 09:31:02": the camera's wall clock, as cameras of 2011 print it (no offset, no NTP). */
export function wallClock(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

export class HttpPushTransport implements CameraTransport {
  readonly #c: TransportContext;
  readonly #base: string;
  #connected = false;

  constructor(context: TransportContext, httpUrl: string) {
    this.#c = context;
    this.#base = `${httpUrl.replace(/\/+$/, '')}/ingest/http-push`;
  }

  get address(): string { return this.#base; }
  get connected(): boolean { return this.#connected; }
  get #who(): string { return `camera ${this.#c.serial} (http-push)`; }

  async connect(beat: Beat): Promise<void> {
    await this.heartbeat(beat);
    this.#connected = true;
  }

  // A 2011 camera never says goodbye: it just stops polling.
  async disconnect(): Promise<void> {
    this.#connected = false;
  }

  async heartbeat(beat: Beat): Promise<void> {
    const query = new URLSearchParams({ fw: beat.firmware, uptime: String(beat.uptimeS), clock: wallClock(beat.clock), live: beat.liveUrl });
    const request: DeviceRequest = { method: 'GET', url: `${this.#base}/keepalive?${query}`, headers: { authorization: basicAuth(this.#c.serial) } };
    await this.#send(request, `GET /ingest/http-push/keepalive?${query}`, 0);
  }

  async sendEvent({ event, clock, jpeg }: OutgoingEvent): Promise<void> {
    const fields = { motion: '1', event: event.eventId, time: wallClock(event.at), clock: wallClock(clock) };
    const { body, contentType } = buildMultipart(fields, { name: 'image', filename: 'snapshot.jpg', type: 'image/jpeg', data: jpeg });
    const request: DeviceRequest = { method: 'POST', url: `${this.#base}/snapshot`, headers: { authorization: basicAuth(this.#c.serial), 'content-type': contentType }, body };
    await this.#send(request, JSON.stringify({ ...fields, image: `${jpeg.length} bytes of image/jpeg` }), 1);
  }

  async #send(request: DeviceRequest, summary: string, qos: 0 | 1): Promise<void> {
    const topic = `${request.method} ${new URL(request.url).pathname}`;
    await this.#c.network.transmit({ topic, payload: summary, qos, retain: false }, async () => {
      const answer = await deviceFetch(request, this.#c.ackTimeoutMs, this.#who);
      this.#c.record.recordReceived(`${answer.status} ${topic}`, answer.text);
      expectStatus(answer, [200], request, this.#who);
    });
  }
}

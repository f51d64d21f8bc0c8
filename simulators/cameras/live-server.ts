// The camera's live view: an MJPEG stream (multipart/x-mixed-replace) of real JPEG frames, on a port the OS picks.

import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderFrame } from './frame.ts';

export const mjpegBoundary = 'kwframe';

export interface LiveSource {
  serial: string;
  model: string;
  // The camera's clock for the frame being taken.
  now(): string;
}

/** Serves GET /live.mjpeg (a stream, `?frames=N` to stop after N) and GET /snapshot.jpg. */
export class LiveServer {
  readonly #source: LiveSource;
  readonly #intervalMs: number;
  readonly #clients = new Set<ServerResponse>();
  #server: Server | undefined;
  #url = '';
  #frames = 0;

  constructor(source: LiveSource, intervalMs = 200) {
    this.#source = source;
    this.#intervalMs = intervalMs;
  }

  /** http://127.0.0.1:port/live.mjpeg while serving, '' otherwise. */
  get url(): string {
    return this.#url;
  }

  snapshot(): Buffer {
    return renderFrame({ serial: this.#source.serial, model: this.#source.model, at: this.#source.now(), index: this.#frames++ });
  }

  async start(): Promise<void> {
    if (this.#server) return;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://camera.invalid');
      if (req.method === 'GET' && url.pathname === '/snapshot.jpg') return this.#sendSnapshot(res);
      if (req.method === 'GET' && url.pathname === '/live.mjpeg') return this.#stream(res, Number(url.searchParams.get('frames') ?? 0));
      res.writeHead(404, { 'content-type': 'text/plain' }).end('the camera serves /live.mjpeg and /snapshot.jpg\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live.mjpeg`;
  }

  /** Stops serving and cuts the streams in progress, as a camera that goes offline does. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    this.#url = '';
    for (const client of this.#clients) client.destroy();
    this.#clients.clear();
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #sendSnapshot(res: ServerResponse): void {
    const jpeg = this.snapshot();
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length, 'cache-control': 'no-store' }).end(jpeg);
  }

  #stream(res: ServerResponse, limit: number): void {
    res.writeHead(200, { 'content-type': `multipart/x-mixed-replace; boundary=${mjpegBoundary}`, 'cache-control': 'no-store', connection: 'close' });
    this.#clients.add(res);
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const push = (): boolean => {
      const jpeg = this.snapshot();
      res.write(`--${mjpegBoundary}\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`);
      res.write(jpeg);
      res.write('\r\n');
      if (limit > 0 && ++sent >= limit) {
        clearInterval(timer);
        res.end(`--${mjpegBoundary}--\r\n`);
        return false;
      }
      return true;
    };
    res.on('close', () => {
      clearInterval(timer);
      this.#clients.delete(res);
    });
    if (!push()) return;
    timer = setInterval(push, this.#intervalMs);
    timer.unref();
  }
}

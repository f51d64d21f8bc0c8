// Cameras misbehaving on the wire: what they put on it, seen by a bare server.

import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { generate, parser as createParser, type Packet } from 'mqtt-packet';
import { connectThenFallSilent, uploadCutShort } from '../../simulators/index.ts';

describe('an HTTP-push upload cut short', () => {
  it('sends a multipart body whose last part never reaches its closing boundary, with the camera\'s credentials', async () => {
    let seen: { body: string; type: string; auth: string } | undefined;
    const server = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { body: Buffer.concat(chunks).toString('latin1'), type: req.headers['content-type'] ?? '', auth: req.headers.authorization ?? '' };
        res.writeHead(400).end('malformed multipart body: the body ends without its closing boundary');
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const answer = await uploadCutShort(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'ORIONHD-0001', 5000);
      assert.equal(answer.status, 400);
      assert.ok(seen);
      const boundary = /boundary=(\S+)/.exec(seen.type)?.[1] ?? '';
      assert.ok(boundary.length > 0);
      assert.ok(seen.body.includes(`--${boundary}\r\nContent-Disposition: form-data; name="image"`));
      assert.equal(seen.body.includes(`--${boundary}--`), false, 'the closing boundary must be missing');
      assert.match(seen.auth, /^Basic /);
    } finally {
      server.close();
    }
  });
});

describe('an MQTT 5 camera silent after its CONNECT', () => {
  it('sends CONNECT (its keep-alive, will "offline") and its "online" status in one write, then reports how the server ended it', async () => {
    const writes: Packet[][] = [];
    const server = createServer((socket) => {
      const parser = createParser({ protocolVersion: 5 });
      const batch: Packet[] = [];
      parser.on('packet', (p: Packet) => batch.push(p));
      socket.once('data', (chunk: Buffer) => {
        parser.parse(chunk);
        writes.push(batch);
        socket.write(generate({ cmd: 'connack', reasonCode: 0, sessionPresent: false } as unknown as Packet, { protocolVersion: 5 }));
        setTimeout(() => socket.end(generate({ cmd: 'disconnect', reasonCode: 0x8d } as Packet, { protocolVersion: 5 })), 50);
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const camera = await connectThenFallSilent(`mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`, 'VIGIE4K-0001', 2);
      assert.equal(await camera.connack, 0);
      const ending = await camera.ended;
      assert.equal(ending.reasonCode, 0x8d);
      const [connect, online] = writes[0] ?? [];
      assert.equal(connect?.cmd, 'connect');
      assert.equal((connect as { keepalive?: number }).keepalive, 2);
      assert.equal((connect as { will?: { payload: Buffer } }).will?.payload.toString(), 'offline');
      assert.equal(online?.cmd, 'publish');
      assert.equal((online as { payload: Buffer }).payload.toString(), 'online');
      assert.equal(writes[0]?.length, 2, 'nothing else is sent');
    } finally {
      server.close();
    }
  });
});

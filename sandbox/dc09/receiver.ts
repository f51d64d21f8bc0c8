// The V10 platform's SIA DC-09 receiver: TCP (frames on a connection) and UDP (a frame per datagram), on ports the OS picks.

import { createSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { describeError } from '../log.ts';
import { StartupError } from '../startup-error.ts';
import { answerFrame, type ReceiverDeps } from './decide.ts';

export interface Dc09Receiver {
  host: string;
  tcpPort: number;
  udpPort: number;
  close(): Promise<void>;
}

export async function startDc09Receiver(host: string, deps: ReceiverDeps): Promise<Dc09Receiver> {
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    serveConnection(socket, deps);
  });
  const tcpPort = await new Promise<number>((resolve, reject) => {
    tcp.once('error', (error) => reject(new StartupError(`DC-09 receiver cannot listen on tcp ${host}: ${error.message}`)));
    tcp.listen(0, host, () => resolve((tcp.address() as AddressInfo).port));
  });
  const udp = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  // Answers go back to the datagram's sender, one at a time per datagram.
  udp.on('message', (message, peer) => {
    void answerFrame(message.toString('latin1'), deps).then((answer) => {
      if (answer !== undefined) udp.send(Buffer.from(answer, 'latin1'), peer.port, peer.address);
    }, (error: unknown) => deps.log.error(`DC-09 UDP frame failed: ${describeError(error)}`));
  });
  udp.on('error', (error) => deps.log.error(`DC-09 UDP: ${describeError(error)}`));
  const udpPort = await new Promise<number>((resolve) => udp.bind(0, host, () => resolve(udp.address().port)));
  return {
    host, tcpPort, udpPort,
    async close() {
      const closed = new Promise<void>((resolve) => tcp.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}

/** Frames are LF ... CR; each gets its answer on the same connection, in order. */
function serveConnection(socket: Socket, deps: ReceiverDeps): void {
  let buffer = '';
  let queue = Promise.resolve();
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    if (buffer.length > 64 * 1024) return void socket.destroy(); // not a DC-09 panel
    for (let end = buffer.indexOf('\r'); end >= 0; end = buffer.indexOf('\r')) {
      const raw = buffer.slice(buffer.indexOf('\n') >= 0 && buffer.indexOf('\n') < end ? buffer.indexOf('\n') : 0, end + 1);
      buffer = buffer.slice(end + 1);
      queue = queue.then(async () => {
        const answer = await answerFrame(raw, deps);
        if (answer !== undefined && socket.writable) socket.write(answer, 'latin1');
      }).catch((error: unknown) => deps.log.error(`DC-09 TCP frame failed: ${describeError(error)}`));
    }
  });
}

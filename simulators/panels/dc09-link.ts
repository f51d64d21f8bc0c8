// The panel's link to the receiving centre: a TCP connection or UDP datagrams, carrying DC-09 frames (LF ... CR).

import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import { EnvironmentError } from '../../lib/errors.ts';

export interface Dc09Link {
  /** Resolves once the frame left; rejects with an EnvironmentError naming the receiver's address when it could not. */
  send(frame: string): Promise<void>;
  close(): Promise<void>;
}

export interface LinkTarget {
  host: string;
  port: number;
  transport: 'tcp' | 'udp';
}

/** Opens the link; every complete frame received is handed to `onFrame`. */
export async function openLink(target: LinkTarget, onFrame: (frame: string) => void, timeoutMs: number, who: string): Promise<Dc09Link> {
  return target.transport === 'tcp' ? openTcp(target, onFrame, timeoutMs, who) : openUdp(target, onFrame, who);
}

async function openTcp(target: LinkTarget, onFrame: (frame: string) => void, timeoutMs: number, who: string): Promise<Dc09Link> {
  const address = `tcp://${target.host}:${target.port}`;
  const socket: Socket = connect({ host: target.host, port: target.port });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new EnvironmentError(`${who} could not connect to the DC-09 receiver at ${address} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new EnvironmentError(`${who} could not connect to the DC-09 receiver at ${address}: ${error.message}. Is the V10 platform's receiver running?`, { cause: error }));
    });
  });
  // A later error (reset, closed by the receiver) is kept and surfaces on the next send, naming the address.
  let broken: Error | undefined;
  socket.on('error', (error) => (broken = error));
  let buffer = '';
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (let end = buffer.indexOf('\r'); end >= 0; end = buffer.indexOf('\r')) {
      const frame = buffer.slice(0, end + 1);
      buffer = buffer.slice(end + 1);
      onFrame(frame.slice(frame.indexOf('\n')));
    }
  });
  const failed = (error: Error): EnvironmentError =>
    new EnvironmentError(`${who} could not send a frame to the DC-09 receiver at ${address}: ${error.message}`, { cause: error });
  return {
    send: (frame) => new Promise<void>((resolve, reject) => {
      if (broken || socket.destroyed) return reject(failed(broken ?? new Error('the connection is closed')));
      socket.write(frame, 'latin1', (error) => (error ? reject(failed(error)) : resolve()));
    }),
    close: () => new Promise<void>((resolve) => {
      if (socket.destroyed) return resolve();
      socket.once('close', () => resolve());
      socket.destroy();
    }),
  };
}

/**
 * Binds to the unspecified address of the receiver's address family, so the OS picks the interface that routes to it:
 * a socket bound to 127.0.0.1 can only reach this machine (sending elsewhere fails with EINVAL).
 */
async function openUdp(target: LinkTarget, onFrame: (frame: string) => void, who: string): Promise<Dc09Link> {
  const address = `udp://${target.host}:${target.port}`;
  const family = isIP(target.host) || (await lookup(target.host).then((found) => found.family, (error: Error) => {
    throw new EnvironmentError(`${who} cannot resolve the DC-09 receiver's host in ${address}: ${error.message}`, { cause: error });
  }));
  const socket: UdpSocket = createSocket(family === 6 ? 'udp6' : 'udp4');
  socket.on('message', (message) => onFrame(message.toString('latin1')));
  let broken: Error | undefined;
  socket.on('error', (error) => (broken = error));
  await new Promise<void>((resolve) => socket.bind(0, resolve));
  const failed = (error: Error): EnvironmentError =>
    new EnvironmentError(`${who} could not send a datagram to the DC-09 receiver at ${address}: ${error.message}`, { cause: error });
  return {
    send: (frame) => new Promise<void>((resolve, reject) => {
      if (broken) return reject(failed(broken));
      try {
        socket.send(Buffer.from(frame, 'latin1'), target.port, target.host, (error) => (error ? reject(failed(error)) : resolve()));
      } catch (error) {
        reject(failed(error as Error)); // thrown at once (a closed socket): the same environment error
      }
    }),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

// The panel's link to the receiving centre: a TCP connection or UDP datagrams, carrying DC-09 frames (LF ... CR).

import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { EnvironmentError } from '../../lib/errors.ts';

export interface Dc09Link {
  send(frame: string): void;
  close(): Promise<void>;
}

export interface LinkTarget {
  host: string;
  port: number;
  transport: 'tcp' | 'udp';
}

/** Opens the link; every complete frame received is handed to `onFrame`. */
export async function openLink(target: LinkTarget, onFrame: (frame: string) => void, timeoutMs: number, who: string): Promise<Dc09Link> {
  return target.transport === 'tcp' ? openTcp(target, onFrame, timeoutMs, who) : openUdp(target, onFrame);
}

async function openTcp(target: LinkTarget, onFrame: (frame: string) => void, timeoutMs: number, who: string): Promise<Dc09Link> {
  const socket: Socket = connect({ host: target.host, port: target.port });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new EnvironmentError(`${who} could not connect to the DC-09 receiver at tcp://${target.host}:${target.port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new EnvironmentError(`${who} could not connect to the DC-09 receiver at tcp://${target.host}:${target.port}: ${error.message}. Is the V10 platform's receiver running?`, { cause: error }));
    });
  });
  socket.on('error', () => {});
  let buffer = '';
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (let end = buffer.indexOf('\r'); end >= 0; end = buffer.indexOf('\r')) {
      const frame = buffer.slice(0, end + 1);
      buffer = buffer.slice(end + 1);
      onFrame(frame.slice(frame.indexOf('\n')));
    }
  });
  return {
    send: (frame) => void socket.write(frame, 'latin1'),
    close: () => new Promise<void>((resolve) => {
      if (socket.destroyed) return resolve();
      socket.once('close', () => resolve());
      socket.destroy();
    }),
  };
}

async function openUdp(target: LinkTarget, onFrame: (frame: string) => void): Promise<Dc09Link> {
  const socket: UdpSocket = createSocket('udp4');
  socket.on('message', (message) => onFrame(message.toString('latin1')));
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    send: (frame) => socket.send(Buffer.from(frame, 'latin1'), target.port, target.host),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

// What a DC-09 panel records of each transmission (sequence, fault, the receiver's answer), and its network fault switches.

import { createHash } from 'node:crypto';
import type { ReceiverAnswer } from './dc09.ts';

/** AES key sizes a DC-09 panel may use (SIA DC-09 5.4.6: 128, 192 or 256 bits). */
export type KeyBits = 128 | 192 | 256;

/** The stand-in's key rule for encrypted panels (docs/platform-interface.md): SHA-256("kw-dc09-key-v1:" + serial), first 16, 24 or 32 bytes. */
export function panelKey(serial: string, bits: KeyBits = 128): Buffer {
  return createHash('sha256').update(`kw-dc09-key-v1:${serial}`).digest().subarray(0, bits / 8);
}

/** "ACK", "*ACK" (encrypted), "NAK", "DUH", or "none" when no answer came before the panel's deadline. */
export type AnswerText = 'ACK' | '*ACK' | 'NAK' | 'DUH' | '*DUH' | 'none';

export interface Dc09Exchange {
  /** The message's sequence number as sent, "0001".."9999". */
  seq: string;
  /** What happened to the frame on the way: lost by the network, or sent with a wrong CRC. */
  fault?: 'lost' | 'bad-crc';
  answer: AnswerText;
  /** What the answer echoed (SIA DC-09 5.5.3.1): receiver number, line prefix, account. */
  echo?: { receiver: string | undefined; line: string; account: string | undefined };
}

/** One transmission as the exchange log keeps it. */
export function exchangeOf(seq: number, fault: Dc09Exchange['fault'], answer: ReceiverAnswer | 'timeout'): Dc09Exchange {
  const entry: Dc09Exchange = { seq: String(seq).padStart(4, '0'), answer: 'none', ...(fault ? { fault } : {}) };
  if (answer === 'timeout') return entry;
  const text = `${answer.encrypted ? '*' : ''}${answer.token}`;
  return { ...entry, answer: text as AnswerText, echo: { receiver: answer.receiver, line: answer.line, account: answer.account } };
}

/** The same frame with its CRC changed (SIA DC-09 5.5.1.2): the receiver must not answer it. */
export function withBadCrc(frame: string): string {
  const crc = Number.parseInt(frame.slice(1, 5), 16) ^ 0x0001;
  return `\n${crc.toString(16).toUpperCase().padStart(4, '0')}${frame.slice(5)}`;
}

/** Frames to spoil, one at a time, in the order they are switched on. */
export class FrameFaults {
  #pending: ('lost' | 'bad-crc')[] = [];

  lose(count: number): void { for (let i = 0; i < count; i++) this.#pending.push('lost'); }
  corruptCrc(): void { this.#pending.push('bad-crc'); }
  next(): 'lost' | 'bad-crc' | undefined { return this.#pending.shift(); }
}

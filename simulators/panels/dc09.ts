// SIA DC-09 (ANSI/SIA DC-09-2013) as the panel writes it: framing, CRC, encryption; and reading the receiver's answers.

import { createCipheriv, createDecipheriv, randomInt } from 'node:crypto';

/** SIA DC-09 5.5.1.4: the ID tokens a panel sends ("*" marks an encrypted message, 5.4.6). */
export type PanelToken = 'SIA-DCS' | 'ADM-CID' | 'NULL';
export type ReceiverToken = 'ACK' | 'NAK' | 'DUH';

export interface PanelMessage {
  token: PanelToken;
  /** SIA DC-09 5.5.1.5: 0001-9999, the same on a retransmission. */
  seq: number;
  /** SIA DC-09 5.5.1.6: receiver number (hex, optional), line prefix (hex), account (3-16 hex). */
  receiver: string | undefined;
  line: string;
  account: string;
  /** SIA DC-09 5.5.1.7: what goes between the brackets, e.g. "#1234|Nri01/BA015"; '' for NULL. */
  data: string;
  /** SIA DC-09 5.5.1.7: extended data blocks after the data ("[X2.352200][M0026B9E4268B]"), encrypted with it; '' for none. */
  extended?: string;
  /** SIA DC-09 5.5.1.8: required when encrypted, optional otherwise. */
  timestamp: Date | undefined;
  /** AES key (16, 24 or 32 bytes) when the message is encrypted (5.4.6). */
  key: Buffer | undefined;
}

export interface ReceiverAnswer {
  token: ReceiverToken;
  encrypted: boolean;
  seq: number;
  receiver: string | undefined;
  line: string;
  account: string | undefined;
  /** The receiver's clock: mandatory on a NAK (5.5.3.2) and on an encrypted ACK (5.5.3.1). */
  timestamp: Date | undefined;
}

/** SIA DC-09 5.5.1.2: CRC-16/ARC (polynomial 0x8005 reflected as 0xA001, initial value 0) of the message's bytes. */
export function crc16(text: string): number {
  let crc = 0;
  for (const byte of Buffer.from(text, 'latin1')) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
const two = (n: number): string => String(n).padStart(2, '0');

/** SIA DC-09 5.5.1.8: "_HH:MM:SS,MM-DD-YYYY", in UTC. */
export function formatTimestamp(date: Date): string {
  return `_${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())},${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${date.getUTCFullYear()}`;
}

export function parseTimestamp(text: string): Date | undefined {
  const match = /_(\d\d):(\d\d):(\d\d),(\d\d)-(\d\d)-(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, h, mi, s, mo, d, y] = match.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** SIA DC-09 5.4.6: AES-CBC with an all-zero IV; the plain text starts with random pad characters (not "|", "[" or "]") then "|". */
export function encrypt(key: Buffer, text: string): string {
  const padLength = (16 - ((text.length + 1) % 16)) % 16;
  const padChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const pad = Array.from({ length: padLength }, () => padChars[randomInt(padChars.length)]).join('');
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.alloc(16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(`${pad}|${text}`, 'latin1'), cipher.final()]).toString('hex').toUpperCase();
}

export function decrypt(key: Buffer, hexText: string): string {
  const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.alloc(16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(hexText, 'hex')), decipher.final()]).toString('latin1');
  const bar = plain.indexOf('|');
  return bar < 0 ? plain : plain.slice(bar + 1);
}

/** The whole frame: LF, CRC (5.5.1.2), length "0LLL" (5.5.1.3), then the message, then CR. */
export function encodeMessage(m: PanelMessage): string {
  const id = `"${m.key ? '*' : ''}${m.token}"`;
  const head = `${id}${String(m.seq).padStart(4, '0')}${m.receiver === undefined ? '' : `R${m.receiver}`}L${m.line}#${m.account}`;
  const stamp = m.timestamp ? formatTimestamp(m.timestamp) : '';
  const tail = `${m.data}]${m.extended ?? ''}${stamp}`;
  const body = m.key ? `${head}[${encrypt(m.key, tail)}` : `${head}[${tail}`;
  return frame(body);
}

export function frame(body: string): string {
  return `\n${hex4(crc16(body))}0${body.length.toString(16).toUpperCase().padStart(3, '0')}${body}\r`;
}

const answerPattern = /^"(\*?)(ACK|NAK|DUH)"(\d{4})(?:R([0-9A-Fa-f]{1,6}))?L([0-9A-Fa-f]{1,6})(?:#([0-9A-Fa-f]{3,16})|A0)?\[(.*)$/s;

/** Reads one answer frame (LF...CR); throws with the reason when its framing, length or CRC is wrong. */
export function decodeAnswer(frameText: string, key: Buffer | undefined): ReceiverAnswer {
  const text = frameText.replace(/^\n/, '').replace(/\r$/, '');
  const crc = text.slice(0, 4);
  const length = text.slice(4, 8);
  const body = text.slice(8);
  if (!/^[0-9A-F]{4}$/i.test(crc) || !/^0[0-9A-F]{3}$/i.test(length)) throw new Error(`not a DC-09 frame: ${JSON.stringify(frameText.slice(0, 40))}`);
  if (Number.parseInt(length, 16) !== body.length) throw new Error(`length field ${length} but ${body.length} characters follow (SIA DC-09 5.5.1.3)`);
  if (Number.parseInt(crc, 16) !== crc16(body)) throw new Error(`CRC ${crc} does not match ${hex4(crc16(body))} (SIA DC-09 5.5.1.2)`);
  const match = answerPattern.exec(body);
  if (!match) throw new Error(`not an ACK, NAK or DUH: ${body.slice(0, 60)}`);
  const [, star = '', token, seq = '0', receiver, line = '', account, rest = ''] = match;
  const encrypted = star === '*';
  const tail = encrypted && key ? decrypt(key, rest) : rest;
  return { token: token as ReceiverToken, encrypted, seq: Number(seq), receiver, line, account, timestamp: parseTimestamp(tail) };
}

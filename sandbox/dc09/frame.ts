// SIA DC-09 (ANSI/SIA DC-09-2013) as the receiver reads it: framing, CRC and length checks, decryption; and its answers.

import { createCipheriv, createDecipheriv, createHash, randomInt } from 'node:crypto';

export interface IncomingFrame {
  /** SIA DC-09 5.5.1.4: the ID token without its "*" (SIA-DCS, ADM-CID, NULL, or anything else the receiver will DUH). */
  token: string;
  encrypted: boolean;
  /** SIA DC-09 5.5.1.5: the text, "0001".."9999", echoed in the answer. */
  seq: string;
  receiver: string | undefined;
  line: string;
  account: string;
  /** SIA DC-09 5.5.1.7: between the brackets (decrypted), or undefined when it could not be decrypted. */
  data: string | undefined;
  /** SIA DC-09 5.5.1.7: the extended data blocks after the data, without their brackets ("X2.352200", "M0026B9E4268B"). */
  extended: string[];
  /** The AES key that decrypted it (SIA DC-09 5.4.6: 128, 192 or 256 bits), to encrypt the answer with. */
  key: Buffer | undefined;
  /** SIA DC-09 5.5.1.8: the "_HH:MM:SS,MM-DD-YYYY" text, or undefined. */
  timestampText: string | undefined;
  timestamp: Date | undefined;
}

export type FrameProblem = { problem: string };

/** SIA DC-09 5.5.1.2: CRC-16/ARC (0xA001 reflected, initial 0) over the message from the first quote to the end of the timestamp. */
export function crc16(text: string): number {
  let crc = 0;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) & 0xff;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/**
 * The stand-in's key rule (docs/platform-interface.md): the first 16, 24 or 32 bytes of SHA-256("kw-dc09-key-v1:" + account),
 * for AES-128, -192 or -256 (SIA DC-09 5.4.6). A real receiver holds one configured key per account; the stand-in holds the
 * three and uses the one that decrypts the message.
 */
export function accountKeys(account: string): Buffer[] {
  const digest = createHash('sha256').update(`kw-dc09-key-v1:${account}`).digest();
  return [16, 24, 32].map((bytes) => digest.subarray(0, bytes));
}

const messagePattern = /^"(\*?)([A-Z0-9-]+)"(\d{4})(?:R([0-9A-F]{1,6}))?L([0-9A-F]{1,6})#([0-9A-F]{3,16})\[(.*)$/s;

/** Parses one frame (LF ... CR). A problem means "no answer": the panel will send it again (5.5.1.2, 5.5.1.3). */
export function parseFrame(raw: string): IncomingFrame | FrameProblem {
  const text = raw.replace(/^\n/, '').replace(/\r$/, '');
  const crc = text.slice(0, 4);
  const length = text.slice(4, 8);
  const body = text.slice(8);
  if (!/^[0-9A-F]{4}$/i.test(crc)) return { problem: `no CRC at the start: ${JSON.stringify(raw.slice(0, 20))}` };
  // SIA DC-09 5.5.1.3: "0LLL", the length in hex of the message from the first quote to the end.
  if (!/^0[0-9A-F]{3}$/i.test(length) || Number.parseInt(length, 16) !== body.length) return { problem: `length field ${length} does not match the ${body.length} characters that follow` };
  if (Number.parseInt(crc, 16) !== crc16(body)) return { problem: `CRC ${crc} does not match the message (computed ${crc16(body).toString(16).toUpperCase().padStart(4, '0')})` };
  const match = messagePattern.exec(body);
  if (!match) return { problem: `the message does not read "ID"seqRrcvrLpref#acct[...: ${body.slice(0, 60)}` };
  const [, star, token = '', seq = '', receiver, line = '', account = '', rest = ''] = match;
  const encrypted = star === '*';
  const opened = encrypted ? decryptTail(account, rest) : { tail: rest, key: undefined };
  const head = { token, encrypted, seq, receiver, line, account };
  if (opened === undefined) return { ...head, data: undefined, extended: [], key: undefined, timestampText: undefined, timestamp: undefined };
  return { ...head, ...readTail(opened.tail), key: opened.key };
}

/** "data]" then extended data blocks "[...]" then the timestamp (SIA DC-09 5.5.1.7, 5.5.1.8). */
function readTail(tail: string): Pick<IncomingFrame, 'data' | 'extended' | 'timestampText' | 'timestamp'> {
  const close = tail.indexOf(']');
  if (close < 0) return { data: undefined, extended: [], timestampText: undefined, timestamp: undefined };
  let rest = tail.slice(close + 1);
  const extended: string[] = [];
  for (let block = /^\[([^[\]]*)\]/.exec(rest); block; block = /^\[([^[\]]*)\]/.exec(rest)) {
    extended.push(block[1] ?? '');
    rest = rest.slice(block[0].length);
  }
  const timestampText = /^_\d\d:\d\d:\d\d,\d\d-\d\d-\d{4}$/.exec(rest)?.[0];
  // Anything else after the data is not DC-09: the data is unreadable, which the receiver answers with DUH.
  const data = rest === '' || timestampText ? tail.slice(0, close) : undefined;
  return { data, extended, timestampText, timestamp: timestampText ? parseTimestamp(timestampText) : undefined };
}

/** SIA DC-09 5.4.6: AES-CBC, zero IV, hex; the plain text is pad characters (never "|", "[" or "]"), "|", then the data and timestamp. */
function decryptTail(account: string, hex: string): { tail: string; key: Buffer } | undefined {
  if (!/^([0-9A-F]{32})+$/i.test(hex)) return undefined;
  for (const key of accountKeys(account)) {
    const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.alloc(16));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(hex, 'hex')), decipher.final()]).toString('latin1');
    // The right key gives printable text whose padding ends at the first "|"; a wrong one gives noise.
    const opened = /^[^|[\]]*\|([\x20-\x7E]*)$/.exec(plain);
    if (opened && /^[\x20-\x7E]*$/.test(plain)) return { tail: opened[1] ?? '', key };
  }
  return undefined;
}

function encryptTail(key: Buffer, text: string): string {
  const padLength = (16 - ((text.length + 1) % 16)) % 16;
  const pad = Array.from({ length: padLength }, () => String.fromCharCode(65 + randomInt(26))).join('');
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.alloc(16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(`${pad}|${text}`, 'latin1'), cipher.final()]).toString('hex').toUpperCase();
}

export function parseTimestamp(text: string): Date | undefined {
  const match = /_(\d\d):(\d\d):(\d\d),(\d\d)-(\d\d)-(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, h, mi, s, mo, d, y] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const two = (n: number): string => String(n).padStart(2, '0');

export function formatTimestamp(date: Date): string {
  return `_${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())},${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${date.getUTCFullYear()}`;
}

function frame(body: string): string {
  return `\n${crc16(body).toString(16).toUpperCase().padStart(4, '0')}0${body.length.toString(16).toUpperCase().padStart(3, '0')}${body}\r`;
}

const routing = (m: IncomingFrame): string => `${m.receiver === undefined ? '' : `R${m.receiver}`}L${m.line}`;

/** SIA DC-09 5.5.3.1: ACK echoes sequence, receiver, line and account; encrypted ("*ACK") with padding and timestamp when the message was. */
export function ackFrame(m: IncomingFrame, now: Date): string {
  const head = `"${m.encrypted ? '*' : ''}ACK"${m.seq}${routing(m)}#${m.account}[`;
  return frame(m.encrypted && m.key ? `${head}${encryptTail(m.key, `]${formatTimestamp(now)}`)}` : `${head}]`);
}

/** SIA DC-09 5.5.3.2: NAK, never encrypted, sequence 0000, with the receiver's own time for the panel to set its clock by. */
export function nakFrame(m: Pick<IncomingFrame, 'receiver' | 'line'>, now: Date): string {
  return frame(`"NAK"0000${routing(m as IncomingFrame)}A0[]${formatTimestamp(now)}`);
}

/** SIA DC-09 5.5.3.3: DUH, the receiver cannot process an otherwise correct message. */
export function duhFrame(m: IncomingFrame): string {
  return frame(`"DUH"${m.seq}${routing(m)}#${m.account}[]`);
}

// An alarm panel speaking SIA DC-09 to the receiving centre: sequence numbers, retransmission on NAK or silence, DUH, NULL supervision.

import { setTimeout as delay } from 'node:timers/promises';
import type { AlarmPanelModel } from '../../catalog/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { SeededRandom, seedOf } from '../cameras/random.ts';
import { contactIdData, extendedBlocks, siaBlock, siaData, type ExtendedData, type PanelEventType, type SiaEvent } from './codes.ts';
import { decodeAnswer, encodeMessage, type PanelMessage, type PanelToken, type ReceiverAnswer } from './dc09.ts';
import { exchangeOf, FrameFaults, panelKey, withBadCrc, type Dc09Exchange, type KeyBits } from './dc09-exchange.ts';
import { openLink, type Dc09Link, type LinkTarget } from './dc09-link.ts';
import type { PanelCounters, PanelRecordEntry, PanelReport, StartedPanel } from './types.ts';

export interface Dc09PanelOptions {
  // SIA DC-09 5.5.1.6: the panel's account number is its serial (3 to 16 hex digits).
  serial: string;
  model: AlarmPanelModel;
  receiver: { host: string; port: number };
  transport: 'tcp' | 'udp';
  // ADM-CID (Contact ID) or SIA DCS payloads.
  format?: 'SIA-DCS' | 'ADM-CID';
  // AES key size of an encrypted model (SIA DC-09 5.4.6); 128 by default.
  keyBits?: KeyBits;
  receiverNumber?: string;
  linePrefix?: string;
  firmware?: string;
  // How long to wait for an answer before sending again (DC-09: "no answer").
  ackTimeoutMs?: number;
  maxAttempts?: number;
  // Period of NULL supervision messages; 0 (default) sends them only when asked.
  supervisionEveryMs?: number;
  seed?: number;
}

/** What goes between the brackets and after them: the ID token, the data block and the extended data blocks. */
interface Outgoing {
  type: PanelEventType | 'null' | 'message';
  token: PanelToken;
  data: string;
  extended: string;
}

interface Waiting {
  seq: number;
  resolve: (answer: ReceiverAnswer | 'timeout') => void;
}

export class Dc09Panel implements StartedPanel {
  readonly #o: Required<Omit<Dc09PanelOptions, 'seed' | 'keyBits'>> & { key: Buffer | undefined };
  readonly #random: SeededRandom;
  readonly record: PanelRecordEntry[] = [];
  /** Every transmission and the receiver's answer to it, in order. */
  readonly exchanges: Dc09Exchange[] = [];
  readonly #faults = new FrameFaults();
  #last: { message: PanelMessage; type: Outgoing['type'] } | undefined;
  readonly counters: PanelCounters = { sent: 0, dropped: 0, retransmitted: 0, acks: 0, naks: 0, duhs: 0, timeouts: 0 };
  readonly #buffer: { type: PanelEventType; zone: number }[] = [];
  #link: Dc09Link | undefined;
  #seq = 0;
  #offsetMs = 0;
  #dropRatio = 0;
  #latencyMs = 0;
  #waiting: Waiting | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #firmware: string;

  constructor(options: Dc09PanelOptions) {
    if (!/^[0-9A-F]{3,16}$/.test(options.serial)) {
      throw new ConfigurationError(`panel ${options.serial} (${options.model.name}): a DC-09 panel's serial is its account number, 3 to 16 hex digits in upper case (SIA DC-09 5.5.1.6)`);
    }
    this.#o = {
      format: 'SIA-DCS', receiverNumber: '1', linePrefix: '1', firmware: '4.2.0', ackTimeoutMs: 2000, maxAttempts: 5, supervisionEveryMs: 0,
      ...options, key: options.model.encryption ? panelKey(options.serial, options.keyBits ?? 128) : undefined,
    };
    this.#firmware = this.#o.firmware;
    this.#random = new SeededRandom(options.seed ?? seedOf(options.serial));
  }

  get serial(): string { return this.#o.serial; }
  get model(): AlarmPanelModel { return this.#o.model; }
  get firmware(): string { return this.#firmware; }
  get address(): string { return `${this.#o.transport}://${this.#o.receiver.host}:${this.#o.receiver.port}`; }
  get online(): boolean { return this.#link !== undefined; }
  get buffered(): readonly PanelEventType[] { return this.#buffer.map((b) => b.type); }
  get clockOffsetMs(): number { return this.#offsetMs; }
  get #who(): string { return `panel ${this.#o.serial} (${this.#o.model.name}, DC-09 over ${this.#o.transport.toUpperCase()})`; }

  async start(): Promise<this> {
    await this.#open();
    if (this.#o.supervisionEveryMs > 0) {
      this.#timer = setInterval(() => void this.supervise().catch(() => undefined), this.#o.supervisionEveryMs);
      this.#timer.unref();
    }
    return this;
  }

  report(type: PanelEventType, zone = 1): Promise<PanelReport> {
    if (!this.online) {
      this.#buffer.push({ type, zone });
      return Promise.resolve({ type, outcome: 'buffered', attempts: 0, naks: 0 });
    }
    return this.#serial(() => this.#send(this.#event(type, zone)));
  }

  /** Several events in one SIA DCS message, with their modifiers and extended data blocks (SIA DC-09 5.5.1.7). */
  reportTogether(events: readonly SiaEvent[], extra: ExtendedData = {}): Promise<PanelReport> {
    if (this.#o.format !== 'SIA-DCS' && events.length !== 1) {
      throw new ConfigurationError(`${this.#who} speaks ADM-CID, which carries one event per message; send ${events.length} events one by one`);
    }
    const data = this.#o.format === 'SIA-DCS' ? siaBlock(this.#o.serial, events) : this.#data(events[0]!.type, events[0]!.zone);
    const type = events.length === 1 ? events[0]!.type : 'message';
    return this.#serial(() => this.#send({ type, token: this.#o.format, data, extended: extendedBlocks(extra) }));
  }

  /** A SIA DCS code as given, e.g. a manufacturer's own code the receiver may not know. */
  reportCode(code: string, zone = 1): Promise<PanelReport> {
    const data = `#${this.#o.serial}|Nri01/${code}${String(zone).padStart(3, '0')}`;
    return this.#serial(() => this.#send({ type: 'message', token: 'SIA-DCS', data, extended: '' }));
  }

  // SIA DC-09 5.5.2.1: the link test; the receiver acknowledges it like any message.
  supervise(): Promise<PanelReport> {
    return this.#serial(() => this.#send({ type: 'null', token: 'NULL', data: '', extended: '' }));
  }

  /** The last message again, identical (same sequence number and timestamp), as when its ACK was lost on the way back. */
  resendLast(): Promise<PanelReport> {
    const last = this.#last;
    if (!last) throw new ConfigurationError(`${this.#who} has sent nothing yet, so there is nothing to send again`);
    return this.#serial(() => this.#deliver(last.message, last.type));
  }

  /** The next message gets this sequence number (SIA DC-09 5.5.1.5: 0001 to 9999). */
  jumpSequence(next: number): void {
    if (!Number.isInteger(next) || next < 1 || next > 9999) throw new RangeError(`jumpSequence(next): a DC-09 sequence number is 1 to 9999, got ${next}`);
    this.#seq = next - 1;
  }

  /** The network loses the next `count` frames the panel sends. */
  loseNextFrames(count = 1): void { this.#faults.lose(count); }

  /** The next frame leaves with a wrong CRC. */
  corruptNextCrc(): void { this.#faults.corruptCrc(); }

  async goOffline(): Promise<void> {
    const link = this.#link;
    this.#link = undefined;
    await link?.close();
  }

  async comeBack(): Promise<PanelReport[]> {
    await this.#open();
    const reports: PanelReport[] = [];
    while (this.#buffer.length > 0) {
      const next = this.#buffer[0]!;
      reports.push(await this.#serial(() => this.#send(this.#event(next.type, next.zone))));
      this.#buffer.shift();
    }
    return reports;
  }

  skewClock(seconds: number): void {
    this.#offsetMs = seconds * 1000;
  }

  dropPackets(ratio: number): void {
    if (!(ratio >= 0 && ratio < 1)) throw new RangeError(`dropPackets(ratio): ratio must be in [0, 1), got ${ratio}`);
    this.#dropRatio = ratio;
  }

  slowNetwork(latencyMs: number): void {
    if (!(latencyMs >= 0)) throw new RangeError(`slowNetwork(ms): ms must be >= 0, got ${latencyMs}`);
    this.#latencyMs = latencyMs;
  }

  async reboot(): Promise<void> {
    await this.goOffline();
    await this.comeBack();
  }

  async downgradeFirmware(version: string): Promise<string> {
    if (!/^\d+\.\d+\.\d+$/.test(version) || compareVersions(version, this.#firmware) >= 0) {
      throw new ConfigurationError(`${this.#who}: cannot downgrade from ${this.#firmware} to "${version}": give an older major.minor.patch version`);
    }
    this.#firmware = version;
    await this.reboot();
    return version;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.goOffline();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #event(type: PanelEventType, zone: number): Outgoing {
    return { type, token: this.#o.format, data: this.#data(type, zone), extended: '' };
  }

  #data(type: PanelEventType, zone: number): string {
    const build = this.#o.format === 'SIA-DCS' ? siaData : contactIdData;
    return build(this.#o.serial, type, 1, zone);
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #open(): Promise<void> {
    const target: LinkTarget = { host: this.#o.receiver.host, port: this.#o.receiver.port, transport: this.#o.transport };
    this.#link = await openLink(target, (frame) => this.#onFrame(frame), this.#o.ackTimeoutMs, this.#who);
  }

  async #send(out: Outgoing): Promise<PanelReport> {
    // SIA DC-09 5.5.1.5: 0001 to 9999, then 0001 again; the same number on every retransmission.
    this.#seq = (this.#seq % 9999) + 1;
    return this.#deliver(this.#message(out.token, out.data, out.extended), out.type);
  }

  /** Sends until ACK or DUH; a NAK resets the panel's clock to the receiver's and the message goes again (5.5.3.2). */
  async #deliver(first: PanelMessage, type: Outgoing['type']): Promise<PanelReport> {
    const report: PanelReport = { type, outcome: 'ack', attempts: 0, naks: 0 };
    // A retransmission is the same message (same sequence, same timestamp); only a NAK makes the panel restamp it.
    let message = first;
    this.#last = { message, type };
    for (let attempt = 1; attempt <= this.#o.maxAttempts; attempt++) {
      if (attempt > 1) this.counters.retransmitted += 1;
      report.attempts = attempt;
      const answer = await this.#exchange(message);
      if (answer === 'timeout') {
        this.counters.timeouts += 1;
        continue;
      }
      if (answer.token === 'ACK') {
        this.counters.acks += 1;
        return report;
      }
      if (answer.token === 'DUH') {
        // SIA DC-09 5.5.3.3: the receiver cannot process it; sending it again would not help.
        this.counters.duhs += 1;
        return { ...report, outcome: 'duh' };
      }
      this.counters.naks += 1;
      report.naks += 1;
      if (answer.timestamp) this.#offsetMs = answer.timestamp.getTime() - Date.now();
      message = { ...message, timestamp: new Date(Date.now() + this.#offsetMs) };
      this.#last = { message, type };
    }
    throw new EnvironmentError(`${this.#who}: no ACK from the receiver at ${this.address} after ${this.#o.maxAttempts} attempts (${report.naks} NAK). Is the V10 receiver running, and does it know account ${this.#o.serial}?`);
  }

  #message(token: PanelToken, data: string, extended: string): PanelMessage {
    // SIA DC-09 5.5.1.8: the timestamp is required when encrypted; this panel always sends it.
    const timestamp = new Date(Date.now() + this.#offsetMs);
    return { token, seq: this.#seq, receiver: this.#o.receiverNumber, line: this.#o.linePrefix, account: this.#o.serial, data, extended, timestamp, key: this.#o.key };
  }

  async #exchange(message: PanelMessage): Promise<ReceiverAnswer | 'timeout'> {
    const link = this.#link;
    if (!link) throw new EnvironmentError(`${this.#who} lost its link to ${this.address} during a report`);
    if (this.#latencyMs > 0) await delay(this.#latencyMs);
    const fault = this.#faults.next();
    const frame = fault === 'bad-crc' ? withBadCrc(encodeMessage(message)) : encodeMessage(message);
    const answered = new Promise<ReceiverAnswer | 'timeout'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), this.#o.ackTimeoutMs);
      this.#waiting = { seq: message.seq, resolve: (answer) => (clearTimeout(timer), resolve(answer)) };
    });
    const dropped = fault === 'lost' || (this.#dropRatio > 0 && this.#random.next() < this.#dropRatio);
    this.record.push({ direction: 'tx', text: frame, at: new Date().toISOString(), ...(dropped ? { dropped } : {}) });
    if (dropped) this.counters.dropped += 1;
    else {
      await link.send(frame).catch((error: unknown) => {
        // The frame never left (the error names the receiver's address): not a send, and no answer to wait for.
        this.#waiting?.resolve('timeout');
        this.#waiting = undefined;
        throw error;
      });
      this.counters.sent += 1;
    }
    const answer = await answered;
    this.#waiting = undefined;
    this.exchanges.push(exchangeOf(message.seq, fault, answer));
    return answer;
  }

  #onFrame(frame: string): void {
    this.record.push({ direction: 'rx', text: frame, at: new Date().toISOString() });
    let answer: ReceiverAnswer;
    try {
      answer = decodeAnswer(frame, this.#o.key);
    } catch {
      return; // a garbled answer counts as no answer: the message goes again
    }
    const waiting = this.#waiting;
    // SIA DC-09 5.5.3.2: a NAK carries sequence 0000; ACK and DUH echo the message's sequence number.
    if (waiting && (answer.seq === waiting.seq || answer.token === 'NAK')) waiting.resolve(answer);
  }
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

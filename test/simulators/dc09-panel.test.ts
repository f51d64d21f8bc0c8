// The DC-09 panel's link and its conformance switches: UDP reaches a receiver on another address of this machine, send errors name the address, and the exchange log says what the receiver answered to each frame.

import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import type { AlarmPanelModel } from '../../catalog/index.ts';
import { answerFrame, type ReceiverDeps } from '../../sandbox/dc09/decide.ts';
import { startDc09Receiver, type Dc09Receiver } from '../../sandbox/dc09/receiver.ts';
import { EnvironmentError } from '../../lib/errors.ts';
import { openLink } from '../../simulators/panels/dc09-link.ts';
import { Dc09Panel } from '../../simulators/index.ts';

const plain: AlarmPanelModel = { id: 'centrale-c1', name: 'Centrale C1', protocol: 'dc09', encryption: false };
const encrypted: AlarmPanelModel = { id: 'centrale-c2', name: 'Centrale C2 Chiffrée', protocol: 'dc09', encryption: true };

/** This machine's first non-internal IPv4 address: a receiver "on another host" without leaving the machine. */
const ownAddress = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

function deps(known: Set<string>): ReceiverDeps & { stored: string[] } {
  const stored: string[] = [];
  const ids = new Set<string>();
  return {
    stored, log: { info() {}, warn() {}, error() {} }, knows: async (a) => known.has(a), now: () => new Date(), window: { pastS: 40, futureS: 20 },
    stats: { processed: 0, stored: 0, duplicates: 0, ignored: 0, failed: 0 },
    ingest: {
      status: async () => 'ok', heartbeat: async () => 'ok',
      event: async (serial, input) => (ids.has(input.eventId) ? 'duplicate' : (ids.add(input.eventId), stored.push(`${serial}:${input.type}`), 'stored')),
    },
  };
}

describe('the panel\'s UDP link', () => {
  it('sends from the unspecified address, so the datagram leaves by a non-loopback address, and gets the answer back', { skip: ownAddress ? false : 'this machine has no non-internal IPv4 address' }, async () => {
    // A socket pinned to 127.0.0.1 can reach only this machine (EINVAL towards any other host): here it would send from 127.0.0.1.
    const host = ownAddress ?? '';
    const d = deps(new Set(['ABC001']));
    const receiver = createSocket('udp4');
    const senders: string[] = [];
    receiver.on('message', (message, peer) => {
      senders.push(peer.address);
      void answerFrame(message.toString('latin1'), d).then((answer) => answer && receiver.send(Buffer.from(answer, 'latin1'), peer.port, peer.address));
    });
    await new Promise<void>((resolve) => receiver.bind(0, host, resolve));
    try {
      await using panel = await new Dc09Panel({ serial: 'ABC001', model: plain, receiver: { host, port: receiver.address().port }, transport: 'udp', ackTimeoutMs: 1000, maxAttempts: 2 }).start();
      assert.deepEqual(await panel.report('intrusion'), { type: 'intrusion', outcome: 'ack', attempts: 1, naks: 0 });
      assert.deepEqual([senders, d.stored], [[host], ['ABC001:intrusion']]);
    } finally {
      receiver.close();
    }
  });

  it('follows the receiver\'s address family: an IPv6 receiver is reached over udp6', async () => {
    const d = deps(new Set(['ABC002']));
    const receiver = await startDc09Receiver('::1', d);
    try {
      await using panel = await new Dc09Panel({ serial: 'ABC002', model: plain, receiver: { host: '::1', port: receiver.udpPort }, transport: 'udp', ackTimeoutMs: 1000, maxAttempts: 2 }).start();
      assert.deepEqual((await panel.report('fire')).outcome, 'ack');
      assert.deepEqual(d.stored, ['ABC002:fire']);
    } finally {
      await receiver.close();
    }
  });

  it('rejects the report whose frame could not leave, naming the receiver, and counts it neither as sent nor as answered', async () => {
    const sink = createSocket('udp4');
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    try {
      await using panel = await new Dc09Panel({ serial: 'ABC003', model: plain, receiver: { host: '127.0.0.1', port: sink.address().port }, transport: 'udp', ackTimeoutMs: 300 }).start();
      // A code far longer than a datagram may be: the OS refuses to send it (EMSGSIZE).
      await assert.rejects(panel.reportCode('B'.repeat(70_000)), (error: Error) => error instanceof EnvironmentError && error.message.includes(`udp://127.0.0.1:${sink.address().port}`));
      assert.deepEqual([panel.counters.sent, panel.exchanges.length], [0, 0]);
    } finally {
      sink.close();
    }
  });

  it('fails a send it could not make with an environment error naming the receiver\'s address, and counts nothing as sent', async () => {
    const sink = createSocket('udp4');
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    const link = await openLink({ host: '127.0.0.1', port: sink.address().port, transport: 'udp' }, () => {}, 500, 'panel X');
    try {
      // A datagram larger than UDP allows: the OS refuses it (EMSGSIZE).
      await assert.rejects(link.send('x'.repeat(70_000)), (error: Error) => error instanceof EnvironmentError && error.message.includes(`udp://127.0.0.1:${sink.address().port}`) && /EMSGSIZE/.test(error.message));
    } finally {
      await link.close();
      sink.close();
    }
  });
});

for (const transport of ['tcp', 'udp'] as const) {
  describe(`the panel's exchange log and conformance switches over ${transport.toUpperCase()}`, () => {
    let receiver: Dc09Receiver;
    const d = deps(new Set(['C0FFEE', 'ABC', '0123456789ABCDEF', 'C0FFE1', 'C0FFE2', 'C0FFE3']));
    before(async () => { receiver = await startDc09Receiver('127.0.0.1', d); });
    after(() => receiver.close());
    const start = (serial: string, over: Partial<ConstructorParameters<typeof Dc09Panel>[0]> = {}) => new Dc09Panel({
      serial, model: plain, receiver: { host: '127.0.0.1', port: transport === 'tcp' ? receiver.tcpPort : receiver.udpPort }, transport, ackTimeoutMs: 300, ...over,
    }).start();
    const log = (panel: Dc09Panel) => panel.exchanges.map((e) => `${e.seq} ${e.answer}${e.fault ? ` (${e.fault})` : ''}`);

    it('sends a frame with a bad CRC, gets no answer, and sends it again with the same sequence', async () => {
      await using panel = await start('C0FFEE');
      panel.corruptNextCrc();
      await panel.report('intrusion');
      assert.deepEqual(log(panel), ['0001 none (bad-crc)', '0001 ACK']);
    });

    it('goes from sequence 9999 to 0001', async () => {
      await using panel = await start('C0FFE1');
      panel.jumpSequence(9999);
      await panel.report('intrusion');
      await panel.report('fire');
      assert.deepEqual(log(panel), ['9999 ACK', '0001 ACK']);
    });

    it('sends a message again identically, acknowledged twice and stored once', async () => {
      await using panel = await start('C0FFE2');
      const before = d.stored.length;
      await panel.report('tamper');
      await panel.resendLast();
      assert.deepEqual(log(panel), ['0001 ACK', '0001 ACK']);
      assert.deepEqual(d.stored.slice(before), ['C0FFE2:tamper']);
    });

    it('loses a frame, then sends it again', async () => {
      await using panel = await start('C0FFE3');
      panel.loseNextFrames(1);
      await panel.report('fire');
      assert.deepEqual(log(panel), ['0001 none (lost)', '0001 ACK']);
    });

    it('speaks with 3- and 16-digit accounts and 6-digit receiver numbers and line prefixes, which the answers echo', async () => {
      for (const [serial, receiverNumber, linePrefix] of [['ABC', '1', '0'], ['0123456789ABCDEF', 'FFFFFF', 'FFFFFF']] as const) {
        await using panel = await start(serial, { receiverNumber, linePrefix });
        await panel.report('intrusion');
        assert.deepEqual(panel.exchanges.map((e) => [e.answer, e.echo]), [['ACK', { receiver: receiverNumber, line: linePrefix, account: serial }]]);
      }
    });

    it('encrypts with AES-192 and AES-256 and reads the receiver\'s encrypted ACK', async () => {
      for (const keyBits of [192, 256] as const) {
        await using panel = await start('C0FFEE', { model: encrypted, keyBits, format: 'ADM-CID' });
        await panel.report('intrusion');
        assert.deepEqual(log(panel), ['0001 *ACK']);
      }
    });

    it('is answered DUH once for an account nobody claimed, NULL included, and does not send again', async () => {
      await using panel = await start('DEAD01');
      await panel.supervise();
      await panel.report('intrusion');
      assert.deepEqual(log(panel), ['0001 DUH', '0002 DUH']);
    });
  });
}

// SIA DC-09 (ANSI/SIA DC-09-2013): the panel's frames and the receiver's answers, checked against the standard's rules, and the panel against the receiver.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AlarmPanelModel } from '../../catalog/index.ts';
import { answerFrame, type ReceiverDeps } from '../../sandbox/dc09/decide.ts';
import { ackFrame, crc16 as receiverCrc, parseFrame, type IncomingFrame } from '../../sandbox/dc09/frame.ts';
import { startDc09Receiver, type Dc09Receiver } from '../../sandbox/dc09/receiver.ts';
import { alarmTypes, type DeviceEventInput, type DeviceIngest } from '../../sandbox/ingest/device-ingest.ts';
import { contactIdData, crc16, decodeAnswer, Dc09Panel, encodeMessage, formatTimestamp, panelKey, siaData } from '../../simulators/index.ts';

const plain: AlarmPanelModel = { id: 'centrale-c1', name: 'Centrale C1', protocol: 'dc09', encryption: false };
const encrypted: AlarmPanelModel = { id: 'centrale-c2', name: 'Centrale C2 Chiffrée', protocol: 'dc09', encryption: true };
const quiet = { info() {}, warn() {}, error() {} };

function fakeIngest(known: Set<string>, forwarded: string[]) {
  const events: { serial: string; input: DeviceEventInput }[] = [];
  const ids = new Set<string>();
  const ingest: DeviceIngest = {
    status: async (serial) => (known.has(serial) ? 'ok' : 'unknown-device'),
    heartbeat: async (serial) => (known.has(serial) ? 'ok' : 'unknown-device'),
    async event(serial, input) {
      if (!known.has(serial)) return 'unknown-device';
      if (ids.has(`${serial}/${input.eventId}`)) return 'duplicate';
      ids.add(`${serial}/${input.eventId}`);
      events.push({ serial, input });
      if (input.alarm && alarmTypes.has(input.type)) forwarded.push(`${serial}:${input.type}`);
      return 'stored';
    },
  };
  return { ingest, events };
}

function deps(known = new Set(['1234', 'ABC123']), now = () => new Date()): ReceiverDeps & { events: { serial: string; input: DeviceEventInput }[]; forwarded: string[] } {
  const forwarded: string[] = [];
  const { ingest, events } = fakeIngest(known, forwarded);
  return {
    ingest, events, forwarded, log: quiet, now, window: { pastS: 40, futureS: 20 }, knows: async (account) => known.has(account),
    stats: { processed: 0, stored: 0, duplicates: 0, ignored: 0, failed: 0 },
  };
}

const message = (over: Partial<Parameters<typeof encodeMessage>[0]> = {}) => encodeMessage({
  token: 'SIA-DCS', seq: 42, receiver: '1', line: '2', account: '1234', data: siaData('1234', 'intrusion', 1, 15), timestamp: new Date(), key: undefined, ...over,
});

describe('SIA DC-09 framing', () => {
  it('computes CRC-16/ARC, whose check value over "123456789" is BB3D (SIA DC-09 5.5.1.2)', () => {
    assert.equal(crc16('123456789'), 0xbb3d);
    assert.equal(receiverCrc('123456789'), 0xbb3d);
  });

  it('frames a message as LF, CRC, "0LLL" length, the message from its first quote, then CR (SIA DC-09 5.5.1.2, 5.5.1.3)', () => {
    const frame = encodeMessage({ token: 'SIA-DCS', seq: 2, receiver: '1', line: '232', account: '78919', data: '#78919|Nri01/FA129', timestamp: new Date(Date.UTC(2014, 3, 21, 13, 49, 26)), key: undefined });
    const body = '"SIA-DCS"0002R1L232#78919[#78919|Nri01/FA129]_13:49:26,04-21-2014';
    assert.equal(frame, `\n${crc16(body).toString(16).toUpperCase().padStart(4, '0')}0${body.length.toString(16).toUpperCase().padStart(3, '0')}${body}\r`);
    assert.equal(frame.slice(5, 9), '0041'); // 65 characters
  });

  it('writes the timestamp as _HH:MM:SS,MM-DD-YYYY in UTC (SIA DC-09 5.5.1.8)', () => {
    assert.equal(formatTimestamp(new Date('2026-11-26T08:05:09Z')), '_08:05:09,11-26-2026');
  });

  it('writes SIA DCS and Contact ID data blocks (SIA DC-09 5.5.1.7)', () => {
    assert.equal(siaData('1234', 'fire', 1, 3), '#1234|Nri01/FA003');
    assert.equal(contactIdData('1234', 'arm', 1, 7), '#1234|3401 01 007');
    assert.equal(contactIdData('1234', 'intrusion', 2, 15), '#1234|1130 02 015');
  });

  it('reads back what the panel wrote: token, sequence, receiver, line, account, data, timestamp (SIA DC-09 5.5.1.4 to 5.5.1.8)', () => {
    const parsed = parseFrame(message()) as IncomingFrame;
    assert.deepEqual({ ...parsed, timestamp: undefined, timestampText: undefined }, {
      token: 'SIA-DCS', encrypted: false, seq: '0042', receiver: '1', line: '2', account: '1234', data: '#1234|Nri01/BA015', extended: [], key: undefined, timestamp: undefined, timestampText: undefined,
    });
  });

  it('encrypts with AES-128-CBC and a zero IV behind "*", and the receiver decrypts it with the account\'s key (SIA DC-09 5.4.6)', () => {
    const frame = message({ key: panelKey('1234') });
    assert.match(frame, /"\*SIA-DCS"0042R1L2#1234\[[0-9A-F]+\r$/);
    assert.equal(((frame.length - frame.indexOf('[') - 2) % 32), 0, 'whole 16-byte blocks, hex');
    const parsed = parseFrame(frame) as IncomingFrame;
    assert.deepEqual([parsed.encrypted, parsed.data], [true, '#1234|Nri01/BA015']);
    assert.ok(parsed.timestamp);
  });

  it('refuses a frame whose CRC or length does not match (SIA DC-09 5.5.1.2, 5.5.1.3)', () => {
    const frame = message();
    assert.match((parseFrame(frame.replace('BA015', 'BA016')) as { problem: string }).problem, /CRC/);
    assert.match((parseFrame(frame.replace('#1234|', '#1234||')) as { problem: string }).problem, /length/);
  });
});

describe('the DC-09 receiver\'s answers', () => {
  it('ACKs an event with the message\'s sequence, receiver, line and account, and stores it once (SIA DC-09 5.5.3.1)', async () => {
    const d = deps();
    const frame = message();
    const answer = decodeAnswer((await answerFrame(frame, d)) ?? '', undefined);
    assert.deepEqual([answer.token, answer.seq, answer.receiver, answer.line, answer.account], ['ACK', 42, '1', '2', '1234']);
    await answerFrame(frame, d); // the same message again: the ACK was lost
    assert.equal(d.events.length, 1);
    assert.equal(d.events[0]?.input.type, 'intrusion');
    assert.deepEqual(d.forwarded, ['1234:intrusion']);
  });

  it('answers an encrypted message with an encrypted ACK carrying its timestamp (SIA DC-09 5.5.3.1)', async () => {
    const raw = await answerFrame(message({ key: panelKey('1234') }), deps());
    assert.match(raw ?? '', /"\*ACK"0042R1L2#1234\[[0-9A-F]+\r$/);
    const answer = decodeAnswer(raw ?? '', panelKey('1234'));
    assert.ok(answer.encrypted && answer.timestamp && Math.abs(answer.timestamp.getTime() - Date.now()) < 2000);
  });

  it('NAKs a timestamp outside its window with its own time, never encrypted, sequence 0000 (SIA DC-09 5.5.1.8, 5.5.3.2)', async () => {
    const receiverNow = new Date('2026-11-26T10:00:00Z');
    for (const offsetS of [-41, 21]) {
      const raw = await answerFrame(message({ timestamp: new Date(receiverNow.getTime() + offsetS * 1000), key: panelKey('1234') }), deps(undefined, () => receiverNow));
      assert.match(raw ?? '', /"NAK"0000R1L2A0\[\]_10:00:00,11-26-2026\r$/);
      assert.equal(decodeAnswer(raw ?? '', undefined).timestamp?.toISOString(), receiverNow.toISOString());
    }
    const inside = await answerFrame(message({ timestamp: new Date(receiverNow.getTime() - 39_000) }), deps(undefined, () => receiverNow));
    assert.match(inside ?? '', /"ACK"/);
  });

  it('NAKs an encrypted message without a timestamp, which the standard requires (SIA DC-09 5.5.1.8)', async () => {
    assert.match((await answerFrame(message({ timestamp: undefined, key: panelKey('1234') }), deps())) ?? '', /"NAK"/);
  });

  it('answers DUH to a token, an event code or an account it cannot process (SIA DC-09 5.5.3.3)', async () => {
    const d = deps();
    const body = '"SIA-XYZ"0007R1L2#1234[#1234|Nri01/BA015]';
    const unknownToken = `\n${receiverCrc(body).toString(16).toUpperCase().padStart(4, '0')}0${body.length.toString(16).toUpperCase().padStart(3, '0')}${body}\r`;
    assert.match((await answerFrame(unknownToken, d)) ?? '', /"DUH"0007R1L2#1234\[\]/);
    assert.match((await answerFrame(message({ data: '#1234|Nri01/ZZ001' }), d)) ?? '', /"DUH"/);
    assert.match((await answerFrame(message({ account: 'FFF', data: siaData('FFF', 'fire', 1, 1) }), d)) ?? '', /"DUH"/);
    assert.equal(d.events.length, 0);
  });

  it('ACKs a NULL supervision message, encrypted or not (SIA DC-09 5.5.2.1)', async () => {
    assert.match((await answerFrame(message({ token: 'NULL', data: '' }), deps())) ?? '', /"ACK"0042R1L2#1234\[\]/);
    assert.match((await answerFrame(message({ token: 'NULL', data: '', key: panelKey('1234') }), deps())) ?? '', /"\*ACK"/);
  });

  it('stays silent on a broken frame, so the panel sends it again (SIA DC-09 5.5.1.2)', async () => {
    assert.equal(await answerFrame('\n0000001F"SIA-DCS"0001L1#1234[]\r', deps()), undefined);
  });

  it('reads Contact ID events (ADM-CID) into platform events (SIA DC-09 5.5.1.7)', async () => {
    const d = deps();
    await answerFrame(message({ token: 'ADM-CID', data: contactIdData('1234', 'disarm', 1, 3) }), d);
    assert.deepEqual([d.events[0]?.input.type, d.events[0]?.input.payload['zone']], ['disarm', 3]);
    assert.deepEqual(d.forwarded, [], 'a disarm is not an alarm');
  });

  it('builds an ACK the panel reads (SIA DC-09 5.5.3.1)', () => {
    const parsed = parseFrame(message()) as IncomingFrame;
    assert.equal(decodeAnswer(ackFrame(parsed, new Date()), undefined).token, 'ACK');
  });
});

for (const transport of ['tcp', 'udp'] as const) {
  describe(`a DC-09 panel and the receiver over ${transport.toUpperCase()}`, () => {
    let receiver: Dc09Receiver;
    const d = deps(new Set(['ABC123', 'ABC124', 'ABC125', 'ABC126', 'ABC127']));
    const panels: Dc09Panel[] = [];
    before(async () => {
      receiver = await startDc09Receiver('127.0.0.1', d);
    });
    after(async () => {
      await Promise.all(panels.map((p) => p.stop()));
      await receiver.close();
    });
    const start = (serial: string, model = plain, format: 'SIA-DCS' | 'ADM-CID' = 'SIA-DCS') => {
      const port = transport === 'tcp' ? receiver.tcpPort : receiver.udpPort;
      const panel = new Dc09Panel({ serial, model, receiver: { host: '127.0.0.1', port }, transport, format, ackTimeoutMs: 300, seed: 3 });
      panels.push(panel);
      return panel.start();
    };

    it('reports an intrusion and gets it acknowledged', async () => {
      const panel = await start('ABC123', encrypted, 'ADM-CID');
      assert.deepEqual(await panel.report('intrusion', 4), { type: 'intrusion', outcome: 'ack', attempts: 1, naks: 0 });
      assert.deepEqual((await panel.supervise()).outcome, 'ack');
    });

    it('sends again when no answer comes, keeping its sequence number, until acknowledged', async () => {
      const panel = await start('ABC124');
      panel.dropPackets(0.4);
      const reports = [await panel.report('fire'), await panel.report('tamper'), await panel.report('mains-loss')];
      assert.ok(reports.every((r) => r.outcome === 'ack'));
      assert.ok(panel.counters.retransmitted > 0 && panel.counters.timeouts > 0, JSON.stringify(panel.counters));
      const seqs = panel.record.filter((r) => r.direction === 'tx').map((r) => /"(?:\*)?SIA-DCS"(\d{4})/.exec(r.text)?.[1]);
      assert.deepEqual([...new Set(seqs)], ['0001', '0002', '0003']);
    });

    it('sets its clock by the receiver\'s NAK and sends again, late by an hour no more', async () => {
      const panel = await start('ABC125', encrypted);
      panel.skewClock(-3600);
      const report = await panel.report('arm');
      assert.deepEqual([report.outcome, report.naks, report.attempts], ['ack', 1, 2]);
      assert.ok(Math.abs(panel.clockOffsetMs) < 2000, `offset now ${panel.clockOffsetMs} ms`);
    });

    it('gives up on a message the receiver answers DUH, without retransmitting', async () => {
      const panel = await start('ABC999');
      assert.deepEqual(await panel.report('intrusion'), { type: 'intrusion', outcome: 'duh', attempts: 1, naks: 0 });
    });

    it('keeps what happens while its line is down and delivers it in order when back', async () => {
      const panel = await start('ABC126');
      await panel.goOffline();
      assert.equal((await panel.report('intrusion', 1)).outcome, 'buffered');
      assert.equal((await panel.report('disarm', 2)).outcome, 'buffered');
      const reports = await panel.comeBack();
      assert.deepEqual(reports.map((r) => [r.type, r.outcome]), [['intrusion', 'ack'], ['disarm', 'ack']]);
      const mine = d.events.filter((e) => e.serial === 'ABC126').map((e) => e.input.type);
      assert.deepEqual(mine.slice(-2), ['intrusion', 'disarm']);
    });
  });
}

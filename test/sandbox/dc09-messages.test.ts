// What real DC-09 panels send besides single alarms, built by the panel and read by the receiver: tests, restores, several events, modifiers, extended data, AES-192/256, unknown accounts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFrame, type ReceiverDeps } from '../../sandbox/dc09/decide.ts';
import { readContactId, readSiaDcs } from '../../sandbox/dc09/codes.ts';
import { parseFrame, type IncomingFrame } from '../../sandbox/dc09/frame.ts';
import type { DeviceEventInput, DeviceIngest } from '../../sandbox/ingest/device-ingest.ts';
import { contactIdData, decodeAnswer, encodeMessage, extendedBlocks, panelKey, siaBlock, siaData, withBadCrc, type PanelMessage } from '../../simulators/index.ts';

function deps(known = new Set(['1234'])) {
  const events: { serial: string; input: DeviceEventInput }[] = [];
  const beats: string[] = [];
  const ids = new Set<string>();
  const ingest: DeviceIngest = {
    status: async (serial) => (known.has(serial) ? 'ok' : 'unknown-device'),
    heartbeat: async (serial) => (known.has(serial) ? (beats.push(serial), 'ok') : 'unknown-device'),
    async event(serial, input) {
      if (!known.has(serial)) return 'unknown-device';
      if (ids.has(input.eventId)) return 'duplicate';
      ids.add(input.eventId);
      events.push({ serial, input });
      return 'stored';
    },
  };
  const d: ReceiverDeps = {
    ingest, log: { info() {}, warn() {}, error() {} }, knows: async (a) => known.has(a), now: () => new Date(), window: { pastS: 40, futureS: 20 },
    stats: { processed: 0, stored: 0, duplicates: 0, ignored: 0, failed: 0 },
  };
  return { d, events, beats };
}

const message = (over: Partial<PanelMessage> = {}): string => encodeMessage({
  token: 'SIA-DCS', seq: 12, receiver: '1', line: '2', account: '1234', data: siaData('1234', 'intrusion', 1, 3), timestamp: new Date(), key: undefined, ...over,
});
const answer = async (frame: string, d: ReceiverDeps, key?: Buffer) => decodeAnswer((await answerFrame(frame, d)) ?? assert.fail('no answer'), key).token;

describe('SIA DCS data blocks as real panels write them', () => {
  it('writes several events with ti/id modifiers and areas in one block (SIA DC-09 5.5.1.7)', () => {
    assert.equal(siaBlock('1234', [{ type: 'arm', zone: 3, time: '12:30', user: 3 }, { type: 'intrusion', area: 2, zone: 15 }, { type: 'periodic-test', zone: 0 }]),
      '#1234|Nti12:30/id3/ri01/CL003/ri02/BA015/ri01/RP000');
  });

  it('writes restores and the periodic test in SIA DCS and Contact ID (BR, RP; 3130, 1602)', () => {
    assert.equal(siaData('1234', 'intrusion-restore', 1, 4), '#1234|Nri01/BR004');
    assert.equal(contactIdData('1234', 'intrusion-restore', 1, 4), '#1234|3130 01 004');
    assert.equal(contactIdData('1234', 'periodic-test', 0, 0), '#1234|1602 00 000');
  });

  it('writes extended data blocks [X..][Y..][M..] after the data and before the timestamp (SIA DC-09 5.5.1.7)', () => {
    assert.equal(extendedBlocks({ longitude: 2.3522, latitude: 48.8566, mac: '0026B9E4268B' }), '[X2.352200][Y48.856600][M0026B9E4268B]');
    const frame = message({ extended: '[X2.352200][M0026B9E4268B]', timestamp: new Date(Date.UTC(2026, 11, 3, 10, 0, 0)) });
    assert.match(frame, /\[#1234\|Nri01\/BA003\]\[X2\.352200\]\[M0026B9E4268B\]_10:00:00,12-03-2026\r$/);
  });

  it('reads modifiers, areas and several events back, each with its own area, time and user', () => {
    assert.deepEqual(readSiaDcs('#1234|Nti12:30/id3/ri01/CL003/ri02/BA015/FA016'), [
      { type: 'arm', code: 'CL', area: 1, zone: 3, time: '12:30', user: 3 },
      { type: 'intrusion', code: 'BA', area: 2, zone: 15 },
      { type: 'fire', code: 'FA', area: 2, zone: 16 },
    ]);
    assert.deepEqual(readContactId('#1234|3130 01 004'), [{ type: 'intrusion-restore', code: '3130', area: 1, zone: 4 }]);
  });

  it('reads the block with or without the "#acct|" prefix, and areas without leading zeros, as panels write them', () => {
    assert.deepEqual(readSiaDcs('|Nri1/CL501'), [{ type: 'arm', code: 'CL', area: 1, zone: 501 }]);
    assert.deepEqual(readSiaDcs('Nri4/RP000'), [{ type: 'periodic-test', code: 'RP', area: 4, zone: 0 }]);
  });

  it('refuses a block with a code or a field it does not know', () => {
    assert.equal(readSiaDcs('#1234|Nri01/BA015/ZZ001'), undefined);
    assert.equal(readSiaDcs('#1234|Nri01/BA015/xx'), undefined);
  });
});

describe('the receiver ACKs what it understands and DUHs only what it cannot (SIA DC-09 5.5.3.1, 5.5.3.3)', () => {
  it('stores each event of a several-event message once, with modifiers and extended data, however often the message is sent', async () => {
    const { d, events } = deps();
    const frame = message({ data: siaBlock('1234', [{ type: 'intrusion', zone: 3, time: '12:30' }, { type: 'fire', zone: 5, user: 7 }]), extended: '[X2.352200][Y48.856600][M0026B9E4268B]' });
    assert.equal(await answer(frame, d), 'ACK');
    assert.equal(await answer(frame, d), 'ACK', 'the same message again (its ACK was lost) is acknowledged again');
    assert.deepEqual(events.map((e) => [e.input.type, e.input.payload['zone'], e.input.payload['time'] ?? null, e.input.payload['user'] ?? null]),
      [['intrusion', 3, '12:30', null], ['fire', 5, null, 7]]);
    assert.deepEqual(events[0]?.input.payload['extended'], { longitude: 2.3522, latitude: 48.8566, mac: '0026B9E4268B' });
  });

  it('takes a periodic test (RP, Contact ID 602) as a sign of life: ACK, a heartbeat, no customer event', async () => {
    const { d, events, beats } = deps();
    assert.equal(await answer(message({ data: siaData('1234', 'periodic-test', 0, 0) }), d), 'ACK');
    assert.equal(await answer(message({ token: 'ADM-CID', seq: 13, data: contactIdData('1234', 'periodic-test', 0, 0) }), d), 'ACK');
    assert.deepEqual([events.length, beats], [0, ['1234', '1234']]);
  });

  it('stores restores as their own events (BR, 3130)', async () => {
    const { d, events } = deps();
    assert.equal(await answer(message({ data: siaData('1234', 'intrusion-restore', 1, 3) }), d), 'ACK');
    assert.equal(await answer(message({ token: 'ADM-CID', seq: 13, data: contactIdData('1234', 'fire-restore', 1, 2) }), d), 'ACK');
    assert.deepEqual(events.map((e) => e.input.type), ['intrusion-restore', 'fire-restore']);
  });

  it('DUHs a message with one code it does not know, and stores none of its events', async () => {
    const { d, events } = deps();
    assert.equal(await answer(message({ data: '#1234|Nri01/BA003/ZZ004' }), d), 'DUH');
    assert.equal(events.length, 0);
  });

  it('DUHs an unknown account, its NULL link test included, and ACKs the NULL of a known one (SIA DC-09 5.5.3.3, 5.5.2.1)', async () => {
    const { d, beats } = deps();
    assert.equal(await answer(message({ token: 'NULL', data: '', account: 'FFF' }), d), 'DUH');
    assert.equal(await answer(message({ account: 'FFF', data: siaData('FFF', 'fire', 1, 1) }), d), 'DUH');
    assert.equal(await answer(message({ token: 'NULL', data: '' }), d), 'ACK');
    assert.deepEqual(beats, ['1234']);
  });

  it('DUHs an unknown account before looking at its timestamp: a NAK would only make it resend', async () => {
    const { d } = deps();
    assert.equal(await answer(message({ account: 'FFF', data: siaData('FFF', 'fire', 1, 1), timestamp: new Date(Date.now() - 3_600_000) }), d), 'DUH');
  });

  it('does not answer a frame whose CRC is wrong', async () => {
    const { d, events } = deps();
    assert.equal(await answerFrame(withBadCrc(message()), d), undefined);
    assert.equal(events.length, 0);
  });
});

describe('AES-128, -192 and -256 on both sides (SIA DC-09 5.4.6)', () => {
  for (const bits of [128, 192, 256] as const) {
    it(`the receiver decrypts an AES-${bits} message and answers with an *ACK encrypted with the same key`, async () => {
      const key = panelKey('1234', bits);
      assert.equal(key.length, bits / 8);
      const frame = message({ key, extended: '[M0026B9E4268B]' });
      const parsed = parseFrame(frame) as IncomingFrame;
      assert.deepEqual([parsed.encrypted, parsed.data, parsed.extended, parsed.key?.length], [true, '#1234|Nri01/BA003', ['M0026B9E4268B'], bits / 8]);
      const { d, events } = deps();
      const raw = (await answerFrame(frame, d)) ?? assert.fail('no answer');
      const ack = decodeAnswer(raw, key);
      assert.deepEqual([ack.token, ack.encrypted, ack.seq], ['ACK', true, 12]);
      assert.ok(ack.timestamp && Math.abs(ack.timestamp.getTime() - Date.now()) < 2000, 'the *ACK decrypts with the panel\'s key to the receiver\'s time');
      assert.equal(events.length, 1);
    });
  }

  it('gives no data for a message encrypted with a key the account does not have', () => {
    const parsed = parseFrame(message({ key: panelKey('9999', 256) })) as IncomingFrame;
    assert.equal(parsed.data, undefined);
  });
});

// record-reference: its arguments, and what it keeps of an account's history as reference data.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inRepeatedHour, parseRecordArgs, recordLimits, recordReference, referenceOf } from '../../harness/record-reference.ts';

describe('recording the test accounts\' reference data', () => {
  it('reads a remote environment and an optional output file, and refuses anything else', () => {
    assert.deepEqual(parseRecordArgs(['--env', 'preprod', '--out', '/tmp/x.json']), { env: 'preprod', out: '/tmp/x.json' });
    assert.deepEqual(parseRecordArgs(['--env', 'production']), { env: 'production' });
    assert.throws(() => parseRecordArgs(['--env', 'local']), /--env preprod or --env production, got "local"/);
    assert.throws(() => parseRecordArgs([]), /got none/);
    assert.throws(() => parseRecordArgs(['--env', 'preprod', '--out']), /--out needs a value/);
    assert.throws(() => parseRecordArgs(['--env', 'preprod', '--tags', '@smoke']), /does not take "--tags"/);
  });

  it('tells the hour Paris repeats in October from the hours around it', () => {
    assert.equal(inRepeatedHour('2019-10-27T02:30:00+02:00'), true);
    assert.equal(inRepeatedHour('2019-10-27T02:30:00+01:00'), true);
    assert.equal(inRepeatedHour('2019-10-27T01:59:59+02:00'), false);
    assert.equal(inRepeatedHour('2019-10-27T03:00:00+01:00'), false);
    assert.equal(inRepeatedHour('2019-03-31T03:30:00+02:00'), false);
  });

  it('keeps the offer, the newest events and recordings in Paris time with the offset, and every event of the repeated hour', () => {
    const events = Array.from({ length: recordLimits.events + 5 }, (_, i) => ({ serial: 'CAM1', type: 'motion', occurredAt: new Date(Date.UTC(2026, 10, 20) - i * 3_600_000).toISOString() }));
    events.push({ serial: 'CAM1', type: 'sound', occurredAt: '2019-10-27T00:30:00Z' });
    const recordings = Array.from({ length: recordLimits.recordings + 3 }, (_, i) => ({ serial: 'CAM1', startedAt: new Date(Date.UTC(2026, 10, 20) - i * 60_000).toISOString(), durationMs: 15_000 }));
    const reference = referenceOf({ customerId: 1, offer: 'serenite-2011', events, recordings });
    assert.equal(reference.offer, 'serenite-2011');
    assert.equal(reference.events.length, recordLimits.events + 1);
    assert.deepEqual(reference.events[0], { serial: 'CAM1', type: 'motion', at: '2026-11-20T01:00:00+01:00' });
    assert.deepEqual(reference.events.at(-1), { serial: 'CAM1', type: 'sound', at: '2019-10-27T02:30:00+02:00' }, 'older than the newest 50, kept for its hour');
    assert.equal(reference.recordings.length, recordLimits.recordings);
    assert.deepEqual(reference.recordings[0], { serial: 'CAM1', startedAt: '2026-11-20T01:00:00+01:00', durationMs: 15_000 });
  });

  it('names the account that cannot log in, and the instance, and writes nothing', async () => {
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/health') return res.end(JSON.stringify({ status: 'ok', version: 'v9', instance: 'i01', startedAt: '2026-11-30T08:00:00.000Z', pid: 4242 }));
      res.statusCode = 401;
      res.end(JSON.stringify({ error: 'wrong e-mail or password' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = mkdtempSync(join(tmpdir(), 'record-reference-'));
    const file = join(dir, 'accounts.json');
    writeFileSync(file, JSON.stringify([{ email: 'qa@veilis.example', password: 'old', whiteLabel: 'veilis' }]));
    const env = {
      PRODUCTION_INSTANCES: `i01=${url}`, PRODUCTION_INSTANCE_COUNT: '1', PRODUCTION_MQTT_URL: 'mqtt://127.0.0.1:1',
      PRODUCTION_ACCOUNTS_DB_URL: 'postgres://x@127.0.0.1/a', PRODUCTION_EVENTS_DB_URL: 'postgres://x@127.0.0.1/e', PRODUCTION_MEDIA_DB_URL: 'postgres://x@127.0.0.1/m',
      PRODUCTION_TEST_ACCOUNTS_FILE: file,
    };
    const out = join(dir, 'recorded.json');
    try {
      await assert.rejects(recordReference('production', { env, out }), /accounts\[0\] \(qa@veilis\.example\) cannot log in on i01 \(http:\/\/127\.0\.0\.1:\d+ answered 401\): check its email and password/);
      assert.equal(existsSync(out), false);
    } finally {
      server.close();
    }
  });
});

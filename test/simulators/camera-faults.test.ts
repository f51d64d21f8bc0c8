// Fault switches every camera has (dropped packets, slow network, reboot, firmware downgrade), its live view and its JPEG frames.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CameraModel } from '../../catalog/index.ts';
import { readLiveFrames } from '../../drivers/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { CameraClock, createCamera, jpegComment, parseFrameComment, renderFrame, type StartedCamera } from '../../simulators/index.ts';
import { observe, startAedes, type StartedAedes } from './mqtt-observer.ts';

const model: CameraModel = { id: 'vigie-2018', name: 'Vigie', year: 2018, generation: 'mqtt3', firmware: ['3.0.2', '3.2.4'], capabilities: ['motion'] };

describe('camera fault switches', () => {
  let broker: StartedAedes;
  const started: StartedCamera[] = [];
  before(async () => {
    broker = await startAedes();
  });
  after(async () => {
    await Promise.all(started.map((c) => c.stop()));
    await broker[Symbol.asyncDispose]();
  });
  const start = async (options: { firmware?: string; seed?: number } = {}): Promise<StartedCamera> => {
    const camera = await createCamera(model, { serial: `FLT-${randomUUID().slice(0, 8)}`, brokerUrl: broker.url, heartbeatEveryMs: 0, ...options }).start();
    started.push(camera);
    return camera;
  };

  it('retransmits events lost by a lossy network until each arrives, and loses only heartbeats', async () => {
    const camera = await start({ seed: 7 });
    await using observer = await observe(broker.url, `kw/cameras/${camera.serial}/events`);
    camera.dropPackets(0.5);
    const events: { eventId: string }[] = [];
    for (let i = 0; i < 10; i++) events.push(await camera.detectMotion());
    for (let i = 0; i < 10; i++) await camera.heartbeat();
    await observer.waitFor((m) => m.payload.includes(events[9]!.eventId), 'the tenth event');
    const ids = new Set(observer.messages.map((m) => (JSON.parse(m.payload) as { eventId: string }).eventId));
    assert.equal(ids.size, 10, 'every event arrived');
    assert.ok(camera.counters.dropped > 0 && camera.counters.retransmitted > 0, JSON.stringify(camera.counters));
    assert.ok(camera.sent.some((m) => m.dropped && m.topic.endsWith('/heartbeat')), 'some heartbeats were simply lost');
  });

  it('drops the same packets for the same seed', async () => {
    const run = async (): Promise<boolean[]> => {
      const camera = await start({ seed: 42 });
      camera.dropPackets(0.3);
      for (let i = 0; i < 8; i++) await camera.heartbeat();
      return camera.sent.filter((m) => m.topic.endsWith('/heartbeat')).map((m) => m.dropped === true);
    };
    assert.deepEqual(await run(), await run());
  });

  it('delays every packet on a slow network', async () => {
    const camera = await start();
    camera.slowNetwork(150);
    const begin = Date.now();
    await camera.detectMotion();
    assert.ok(Date.now() - begin >= 140, `took ${Date.now() - begin} ms`);
    assert.throws(() => camera.slowNetwork(-1), RangeError);
  });

  it('goes through a reboot: the will says offline, then it is back with its uptime reset and its buffer delivered', async () => {
    const camera = await start();
    await using status = await observe(broker.url, `kw/cameras/${camera.serial}/#`);
    await status.waitFor((m) => m.payload === 'online', 'online');
    await camera.reboot();
    await status.waitFor((m) => m.payload === 'offline', 'the will on reboot');
    const willAt = status.messages.findIndex((m) => m.payload === 'offline');
    const beat = await status.waitFor((m) => status.messages.indexOf(m) > willAt && m.topic.endsWith('/heartbeat'), 'a heartbeat after the reboot');
    assert.equal((JSON.parse(beat.payload) as { uptimeS: number }).uptimeS, 0);
    assert.equal(camera.online, true);
  });

  it('runs the older firmware after a downgrade, and says so in its heartbeat', async () => {
    const camera = await start({ firmware: '3.2.4' });
    await using beats = await observe(broker.url, `kw/cameras/${camera.serial}/heartbeat`);
    assert.equal(await camera.downgradeFirmware(), '3.0.2');
    await beats.waitFor((m) => m.payload.includes('"firmware":"3.0.2"'), 'a heartbeat with 3.0.2');
    assert.equal(camera.firmware, '3.0.2');
    await assert.rejects(camera.downgradeFirmware(), (error: Error) => error instanceof ConfigurationError && /oldest firmware.*catalog\/data\/camera-models.yaml/.test(error.message));
  });

  it('serves its live view as MJPEG frames that name it and move on', async () => {
    const camera = await start();
    const frames = await readLiveFrames(`${camera.liveUrl}?frames=3`, { frames: 3, timeoutMs: 5000 });
    const identities = frames.map((f) => parseFrameComment(f.comment ?? ''));
    assert.deepEqual(identities.map((i) => i?.serial), [camera.serial, camera.serial, camera.serial]);
    assert.deepEqual(identities.map((i) => i?.model), [model.id, model.id, model.id]);
    assert.ok((identities[2]?.index ?? 0) > (identities[0]?.index ?? 0));
    await camera.goOffline();
    assert.equal(camera.liveUrl, '', 'an offline camera streams nothing');
  });
});

describe('camera pictures and clocks', () => {
  it('encodes a baseline JPEG that starts with SOI, ends with EOI and carries its comment', () => {
    const jpeg = renderFrame({ serial: 'CAM-1', model: 'orion-hd-2011', at: '2026-01-02T03:04:05.000+01:00', index: 1 });
    assert.deepEqual([jpeg[0], jpeg[1], jpeg.at(-2), jpeg.at(-1)], [0xff, 0xd8, 0xff, 0xd9]);
    assert.equal(jpegComment(jpeg), 'kw-camera serial=CAM-1 model=orion-hd-2011 at=2026-01-02T03:04:05.000+01:00 frame=1');
    // T.81 B.2.2: SOF0 says 8-bit precision, 144 lines, 256 samples per line, one component.
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    assert.deepEqual([...jpeg.subarray(sof + 4, sof + 10)], [8, 0, 144, 1, 0, 1]);
  });

  it('draws a different picture for each frame', () => {
    const a = renderFrame({ serial: 'CAM-1', model: 'm', at: '2026-01-02T03:04:05.000+01:00', index: 1 });
    const b = renderFrame({ serial: 'CAM-1', model: 'm', at: '2026-01-02T03:04:06.000+01:00', index: 2 });
    assert.notDeepEqual(a, b);
  });

  it('lets a clock without NTP run fast by its drift, on top of its skew', () => {
    const clock = new CameraClock('Europe/Paris', 1_000_000); // a caricature: one second gained per second
    clock.skew(-10);
    const first = clock.nowMs();
    assert.ok(Math.abs(first - (Date.now() - 10_000)) < 1000);
    assert.match(clock.now(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/);
  });
});

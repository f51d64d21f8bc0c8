// The device drivers' waits: a camera seen online since a given contact, an alarm's hand-over to the monitoring centre.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventIdsOf, waitForDeviceSeenSince, waitForMonitoringOutcome, type Device, type PlatformApi, type PlatformEvent } from '../../drivers/index.ts';

// A platform whose answers follow a script: each call returns the next entry, the last one repeated.
function scripted(devices: Device[][], events: PlatformEvent[][] = [[]]): PlatformApi {
  let d = 0;
  let e = 0;
  return {
    devices: async () => devices[Math.min(d++, devices.length - 1)]!,
    events: async () => events[Math.min(e++, events.length - 1)]!,
  } as unknown as PlatformApi;
}

const device = (online: boolean, lastSeenAt: string | null): Device => ({ serial: 'CAM-1', model: 'vigie', online, lastSeenAt }) as unknown as Device;
const event = (id: number, type: string, payload: unknown = null): PlatformEvent => ({ id, serial: 'CAM-1', type, occurredAt: '2026-12-01T09:00:00Z', payload }) as unknown as PlatformEvent;

describe('the device drivers', () => {
  it('waits for a contact newer than the one recorded before, not just "online"', async () => {
    const before = '2026-12-01T09:00:00.000Z';
    await waitForDeviceSeenSince(scripted([[device(true, before)], [device(true, before)], [device(true, '2026-12-01T09:00:05.000Z')]]), 'CAM-1', before, 'camera', 2000);
    await assert.rejects(waitForDeviceSeenSince(scripted([[device(true, before)]]), 'CAM-1', before, 'camera', 300),
      /CAM-1 online, with a contact newer than 2026-12-01T09:00:00.000Z.*it shows online \(last contact 2026-12-01T09:00:00.000Z\)/);
  });

  it('returns the monitoring outcome of the next alarm only, and says when the alarm was stored without one', async () => {
    const earlier = new Set(['1']);
    const old = event(1, 'tamper', { monitoring: { status: 'acknowledged', reference: 'OLD' } });
    const api = scripted([[]], [[old], [old, event(2, 'tamper')], [old, event(2, 'tamper', { monitoring: { status: 'acknowledged', reference: 'MC-2' } })]]);
    assert.deepEqual(await waitForMonitoringOutcome(api, 'CAM-1', 'tamper', earlier, 'Camille', 3000), { status: 'acknowledged', reference: 'MC-2' });
    await assert.rejects(waitForMonitoringOutcome(scripted([[]], [[old, event(2, 'tamper')]]), 'CAM-1', 'tamper', earlier, 'Camille', 300),
      /the tamper alarm of CAM-1 of Camille was stored, but .* never reached the monitoring centre/);
    assert.deepEqual([...await eventIdsOf(scripted([[]], [[old, event(2, 'motion')]]), 'CAM-1')], ['1', '2']);
  });
});

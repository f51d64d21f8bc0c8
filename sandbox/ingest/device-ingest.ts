// What the platform does with what any device says, whatever its protocol: status, heartbeat, and events stored once.

import type { LiveEndpoints } from '../live/endpoints.ts';
import type { Logger } from '../log.ts';
import type { FanOut } from '../notify/fanout.ts';
import type { Store } from '../store/index.ts';
import { placeInTime } from './clock.ts';
import type { ForwardAlarm } from '../dc09/monitoring.ts';
import type { IngestStats } from './stats.ts';

export interface DeviceEventInput {
  eventId: string;
  type: string;
  /** The device's time of the event (ISO with offset, or a wall-clock reading for http-push). */
  at: string;
  /** The device's clock when it sent the event, same format as `at`; lets the platform undo the device's skew. */
  clock: string | undefined;
  payload: Record<string, unknown>;
  /** Set by alarm panels: a stored alarm of these types goes to the monitoring centre (when the offer includes it). */
  alarm?: { code: string; area: number; zone: number };
  /** Delivered from the broker's backlog after the instance was away (maintenance, redeployment). */
  replayed?: boolean;
}

/** Alarm types an alarm panel's report forwards to the monitoring centre. */
export const alarmTypes: ReadonlySet<string> = new Set(['intrusion', 'fire', 'tamper']);

export type DeviceOutcome = 'ok' | 'unknown-device';
export type EventOutcome = 'stored' | 'duplicate' | 'unknown-device';

export interface DeviceIngest {
  status(serial: string, online: boolean): Promise<DeviceOutcome>;
  heartbeat(serial: string, firmware: string | null, liveUrl: string | undefined): Promise<DeviceOutcome>;
  /** `parse` reads `at` and `clock` (Date.parse by default). */
  event(serial: string, input: DeviceEventInput, parse?: (text: string) => number): Promise<EventOutcome>;
}

/** `replayFansOutDuplicates`: fault `cutover-alarm-duplicated`, a replayed event already stored is fanned out again. */
export function createDeviceIngest(store: Store, fanOut: FanOut, live: LiveEndpoints | undefined, log: Logger, stats: IngestStats, forward?: ForwardAlarm, replayFansOutDuplicates = false): DeviceIngest {
  const accountOf = async (serial: string, what: string): Promise<number | undefined> => {
    const accountId = await store.deviceAccount(serial);
    if (accountId === undefined) {
      stats.ignored += 1;
      log.warn(`ignored ${what} of unknown device ${serial} (not claimed by any account)`);
    }
    return accountId;
  };
  return {
    async status(serial, online) {
      if ((await accountOf(serial, 'status')) === undefined) return 'unknown-device';
      await store.setOnline(serial, online);
      return 'ok';
    },
    async heartbeat(serial, firmware, liveUrl) {
      if ((await accountOf(serial, 'heartbeat')) === undefined) return 'unknown-device';
      await store.recordHeartbeat(serial, firmware, new Date());
      if (liveUrl !== undefined) await live?.set(serial, liveUrl);
      return 'ok';
    },
    async event(serial, input, parse) {
      const accountId = await accountOf(serial, `event ${input.eventId}`);
      if (accountId === undefined) return 'unknown-device';
      const placed = placeInTime(input.at, input.clock, new Date(), parse);
      const event = { serial, eventId: input.eventId, accountId, type: input.type, at: placed.at, payload: { ...input.payload, ...placed.extra } };
      const id = await store.storeEvent(event);
      if (id === undefined) {
        stats.duplicates += 1;
        if (replayFansOutDuplicates && input.replayed) await fanOut(event);
        return 'duplicate';
      }
      try {
        await fanOut(event);
      } finally {
        // Counted once fanned out, so "stored" in /health means "stored and its notifications decided".
        stats.stored += 1;
      }
      if (input.alarm && alarmTypes.has(input.type)) void forward?.({ serial, type: input.type, ...input.alarm, occurredAt: placed.at });
      return 'stored';
    },
  };
}

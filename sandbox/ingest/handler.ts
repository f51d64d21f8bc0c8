// Acting on one mqtt3 camera message: status, heartbeat, or an event stored once and fanned out only by the instance that stored it.

import type { Logger } from '../log.ts';
import type { FanOut } from '../notify/fanout.ts';
import type { Store } from '../store/index.ts';
import { createDeviceIngest, type DeviceIngest } from './device-ingest.ts';
import type { CameraMessage } from './messages.ts';
import { parseCameraMessage } from './messages.ts';
import type { IngestStats } from './stats.ts';

export type { IngestStats } from './stats.ts';

/** `replayed`: the message waited at the broker for this instance (a resumed session's backlog), it was not sent just now. */
export type MessageHandler = (topic: string, payload: Buffer, delivery?: { replayed: boolean; resumedAt?: number }) => Promise<void>;

/** Below this, a device clock reading before the resumption is network jitter, not a message kept at the broker. */
const replayToleranceMs = 2000;
/** How long after a resumption the backlog may still arrive. */
const replayWindowMs = 60_000;

/**
 * The longest the platform is away from the broker: the migration's 45-minute maintenance window. A device clock that
 * reads further back than that before the resumption is a wrong clock (the platform dates the event itself), not a
 * message kept at the broker.
 */
const maxAwayMs = 45 * 60_000;

/** Whether an event waited at the broker: delivered before the drained marker, or sent (device clock) before the session was resumed, within the window the platform was away. */
export function wasReplayed(delivery: { replayed: boolean; resumedAt?: number } | undefined, clock: string | undefined, now = Date.now()): boolean {
  if (delivery === undefined) return false;
  const sent = clock === undefined ? Number.NaN : Date.parse(clock);
  const resumedAt = delivery.resumedAt;
  if (resumedAt !== undefined && sent < resumedAt - maxAwayMs) return false;
  if (delivery.replayed) return true;
  if (resumedAt === undefined || Number.isNaN(sent) || now - resumedAt > replayWindowMs) return false;
  return sent < resumedAt - replayToleranceMs;
}

/** `shared`: the instance's device ingest (live-view URLs, alarm forwarding); without it, a plain one. */
export function createMessageHandler(store: Store, fanOut: FanOut, log: Logger, stats: IngestStats, shared?: DeviceIngest): MessageHandler {
  const ingest = shared ?? createDeviceIngest(store, fanOut, undefined, log, stats);
  return async (topic, payload, delivery) => {
    try {
      const parsed = parseCameraMessage(topic, payload);
      if ('malformed' in parsed) {
        stats.ignored += 1;
        log.warn(`ignored malformed message: ${parsed.malformed}`);
      } else if ('message' in parsed) {
        await act(ingest, parsed.message, parsed.message.kind === 'event' && wasReplayed(delivery, parsed.message.clock));
      }
    } catch (error) {
      stats.failed += 1;
      log.error(`message on ${topic} failed: ${(error as Error).message}`);
    } finally {
      stats.processed += 1;
    }
  };
}

async function act(ingest: DeviceIngest, message: CameraMessage, replayed: boolean): Promise<void> {
  if (message.kind === 'status') return void (await ingest.status(message.serial, message.online));
  if (message.kind === 'heartbeat') return void (await ingest.heartbeat(message.serial, message.firmware, message.liveUrl));
  const { serial, eventId, type, at, clock, payload } = message;
  // A replayed event's `clock` was read when the device sent it, not when the platform got it: its `at` is kept as is.
  await ingest.event(serial, { eventId, type, at, clock: replayed ? undefined : clock, payload, ...(message.family === 'panels' ? { alarm: alarmOf(payload) } : {}), replayed });
}

/** What an MQTT panel says of its alarm: code, area, zone. */
function alarmOf(payload: Record<string, unknown>): { code: string; area: number; zone: number } {
  return { code: String(payload['code'] ?? ''), area: Number(payload['area'] ?? 0), zone: Number(payload['zone'] ?? 0) };
}

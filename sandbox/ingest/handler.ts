// Acting on one camera message: status, heartbeat, or an event stored once and fanned out only by the instance that stored it.

import type { Logger } from '../log.ts';
import type { FanOut } from '../notify/fanout.ts';
import type { Store } from '../store/index.ts';
import type { CameraMessage } from './messages.ts';
import { parseCameraMessage } from './messages.ts';

export interface IngestStats {
  /** Messages fully handled (stored, skipped or rejected): a test waits on this instead of sleeping. */
  processed: number;
  stored: number;
  duplicates: number;
  ignored: number;
  failed: number;
}

export type MessageHandler = (topic: string, payload: Buffer) => Promise<void>;

export function createMessageHandler(store: Store, fanOut: FanOut, log: Logger, stats: IngestStats): MessageHandler {
  return async (topic, payload) => {
    try {
      const parsed = parseCameraMessage(topic, payload);
      if ('malformed' in parsed) {
        stats.ignored += 1;
        log.warn(`ignored malformed message: ${parsed.malformed}`);
      } else if ('message' in parsed) {
        await act(parsed.message);
      }
    } catch (error) {
      stats.failed += 1;
      log.error(`message on ${topic} failed: ${(error as Error).message}`);
    } finally {
      stats.processed += 1;
    }
  };

  async function act(message: CameraMessage): Promise<void> {
    const accountId = await store.deviceAccount(message.serial);
    if (accountId === undefined) {
      stats.ignored += 1;
      return log.warn(`ignored ${message.kind} of unknown camera ${message.serial} (not claimed by any account)`);
    }
    if (message.kind === 'status') return store.setOnline(message.serial, message.online);
    if (message.kind === 'heartbeat') return store.recordHeartbeat(message.serial, message.firmware, new Date());
    const event = { ...message, accountId };
    const id = await store.storeEvent(event);
    if (id === undefined) {
      stats.duplicates += 1;
      return;
    }
    try {
      await fanOut(event);
    } finally {
      // Counted once fanned out, so "stored" in /health means "stored and its notifications decided".
      stats.stored += 1;
    }
  }
}

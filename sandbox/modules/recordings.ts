// Cloud recordings: a snapshot (HTTP-push cameras) or a clip (later generations) per detection, kept as long as the offer says.

import type { IncomingEvent, ModuleAccount } from '../store/index.ts';
import type { ModuleContext } from './context.ts';

const dayMs = 86_400_000;

/** What a camera of this connectivity records: HTTP-push cameras (2011-2013) only push JPEG snapshots. */
export function recordingKind(connectivity: string | null): 'snapshot' | 'clip' {
  return connectivity === 'http-push' ? 'snapshot' : 'clip';
}

/** Stores the recording of a detection, keyed so that a redelivered event does not record twice. */
export async function recordEvent(ctx: ModuleContext, event: IncomingEvent): Promise<void> {
  const kind = recordingKind(await ctx.store.versioned.deviceConnectivity(event.serial));
  const clip = kind === 'clip';
  await ctx.store.versioned.addRecording({
    serial: event.serial,
    eventId: event.eventId,
    startedAt: new Date(event.at),
    durationMs: clip ? 15_000 : 0,
    sizeBytes: clip ? 1_800_000 : 48_000,
    storageKey: `${clip ? 'clips' : 'snapshots'}/${event.serial}/${encodeURIComponent(event.eventId)}.${clip ? 'mp4' : 'jpg'}`,
  });
  ctx.stats.recordings.stored += 1;
}

/** The instant before which the account's recordings are past the offer's retention. */
export function retentionCutoff(account: Pick<ModuleAccount, 'retentionDays'>, now: Date): Date {
  return new Date(now.getTime() - account.retentionDays * dayMs);
}

/** Deletes the account's recordings older than the offer's retention, by the account's clock. */
export async function purgeExpired(ctx: ModuleContext, account: ModuleAccount, now: Date): Promise<void> {
  const purged = await ctx.store.versioned.purgeRecordings(await ctx.store.versioned.serials(account.id), retentionCutoff(account, now));
  ctx.stats.recordings.purged += purged;
  if (purged > 0) ctx.log.info(`retention: ${purged} recording(s) of account ${account.id} older than ${account.retentionDays} days deleted`);
}

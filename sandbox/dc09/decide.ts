// What the receiver answers to one DC-09 frame, and what it does with it: ACK, NAK with its own time, DUH, or silence.

import type { DeviceIngest } from '../ingest/device-ingest.ts';
import type { IngestStats } from '../ingest/handler.ts';
import type { Logger } from '../log.ts';
import { periodicTest, readContactId, readExtended, readSiaDcs, type PanelEvent } from './codes.ts';
import { ackFrame, duhFrame, nakFrame, parseFrame, type IncomingFrame } from './frame.ts';

export interface ReceiverDeps {
  ingest: DeviceIngest;
  stats: IngestStats;
  log: Logger;
  /** Whether an account (a panel's serial) is one the platform knows: claimed by a customer. */
  knows(account: string): Promise<boolean>;
  /** SIA DC-09 5.5.1.8: how far a message's timestamp may lie behind and ahead of the receiver's clock. */
  window: { pastS: number; futureS: number };
  now(): Date;
  /** Fault `dc09-nak-model`: the accounts whose every timestamp is NAKed as if out of window. */
  alwaysNak?: (account: string) => Promise<boolean>;
}

/** The answer frame, or undefined for no answer (a garbled frame: the panel sends it again). */
export async function answerFrame(raw: string, deps: ReceiverDeps): Promise<string | undefined> {
  const parsed = parseFrame(raw);
  const now = deps.now();
  if ('problem' in parsed) {
    deps.stats.ignored += 1;
    deps.log.warn(`DC-09: no answer to a broken frame: ${parsed.problem}`);
    return undefined;
  }
  // SIA DC-09 5.5.1.4: an ID token this receiver does not process gets a DUH.
  if (!['SIA-DCS', 'ADM-CID', 'NULL'].includes(parsed.token) || parsed.data === undefined) return refuse(parsed, deps, `cannot process "${parsed.token}" from account ${parsed.account}`);
  // SIA DC-09 5.5.3.3: an account the receiver has no record of is a message it cannot process, NULL included (docs/platform-interface.md).
  if (!(await deps.knows(parsed.account))) return refuse(parsed, deps, `account ${parsed.account} is no panel a customer claimed`);
  if (!inWindow(parsed, now, deps.window) || (parsed.timestamp && (await deps.alwaysNak?.(parsed.account)))) {
    deps.log.warn(`DC-09: NAK to account ${parsed.account}: its timestamp ${parsed.timestampText ?? '(none)'} is outside ${-deps.window.pastS}/+${deps.window.futureS} s of ${now.toISOString()}`);
    return nakFrame(parsed, now);
  }
  if (parsed.token === 'NULL') return supervision(parsed, deps, now);
  const events = parsed.token === 'SIA-DCS' ? readSiaDcs(parsed.data) : readContactId(parsed.data);
  // ACK what it understands, DUH only what it cannot (SIA DC-09 5.5.3.3): one unknown code refuses the whole message, nothing stored.
  if (!events) return refuse(parsed, deps, `unknown ${parsed.token} event "${parsed.data}" from account ${parsed.account}`);
  return store(parsed, events, deps, now);
}

/** SIA DC-09 5.5.1.8: required on encrypted messages; when present, it must fall within the window. */
function inWindow(m: IncomingFrame, now: Date, window: ReceiverDeps['window']): boolean {
  if (!m.timestamp) return !m.encrypted;
  const deltaS = (m.timestamp.getTime() - now.getTime()) / 1000;
  return deltaS >= -window.pastS && deltaS <= window.futureS;
}

/** SIA DC-09 5.5.2.1: a NULL link test (or a periodic test report) is acknowledged; the panel is alive. */
async function supervision(m: IncomingFrame, deps: ReceiverDeps, now: Date): Promise<string> {
  try {
    await alive(m.account, deps);
  } finally {
    deps.stats.processed += 1;
  }
  return ackFrame(m, now);
}

async function alive(account: string, deps: ReceiverDeps): Promise<void> {
  if ((await deps.ingest.heartbeat(account, null, undefined)) === 'ok') await deps.ingest.status(account, true);
}

/** Stores every event of the message (once, however often it is sent), then acknowledges the message (SIA DC-09 5.5.3.1). */
async function store(m: IncomingFrame, events: PanelEvent[], deps: ReceiverDeps, now: Date): Promise<string> {
  const occurredAt = (m.timestamp ?? now).toISOString();
  const extended = m.extended.length > 0 ? { extended: readExtended(m.extended) } : {};
  let unknown = false;
  try {
    for (const [index, event] of events.entries()) {
      if (event.type === periodicTest) {
        await alive(m.account, deps);
        continue;
      }
      // The same message sent again (same sequence and timestamp) is the same event: stored once.
      const eventId = `dc09-${m.seq}-${m.timestampText ?? 'no-timestamp'}-${event.code}-${event.zone}${events.length > 1 ? `-${index + 1}` : ''}`;
      const modifiers = { ...(event.time ? { time: event.time } : {}), ...(event.user !== undefined ? { user: event.user } : {}) };
      const payload = { protocol: m.token, code: event.code, area: event.area, zone: event.zone, receiver: m.receiver ?? null, line: m.line, encrypted: m.encrypted, ...modifiers, ...extended };
      const alarm = { code: event.code, area: event.area, zone: event.zone };
      const outcome = await deps.ingest.event(m.account, { eventId, type: event.type, at: occurredAt, clock: undefined, payload, alarm });
      unknown ||= outcome === 'unknown-device';
    }
    if (!unknown) await deps.ingest.status(m.account, true);
  } finally {
    deps.stats.processed += 1;
  }
  if (unknown) return duhFrame(m);
  return ackFrame(m, now);
}

function refuse(m: IncomingFrame, deps: ReceiverDeps, why: string): string {
  deps.stats.ignored += 1;
  deps.log.warn(`DC-09: DUH: ${why}`);
  return duhFrame(m);
}

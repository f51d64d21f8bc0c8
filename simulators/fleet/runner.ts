// Running a fleet: devices started over a ramp with bounded concurrency, heartbeats and events on a seeded schedule, live counters.

import { setTimeout as pace } from 'node:timers/promises';
import { inTurns } from '../../lib/in-turns.ts';
import { createCamera } from '../cameras/index.ts';
import { SeededRandom } from '../cameras/random.ts';
import type { CameraEndpoints, StartedCamera } from '../cameras/types.ts';
import type { FleetDevice } from './plan.ts';

export interface FleetOptions {
  devices: FleetDevice[];
  endpoints: CameraEndpoints;
  // Devices are started evenly over this time.
  rampMs: number;
  // How long the fleet runs once every device was started.
  durationMs: number;
  heartbeatEveryMs: number;
  // Mean events per device per minute (Poisson arrivals from each device's seed).
  eventsPerMinute: number;
  // Connections being opened at once, at most.
  connectConcurrency: number;
  onProgress?: (progress: FleetProgress) => void;
  progressEveryMs?: number;
}

export interface FleetProgress {
  elapsedS: number;
  started: number;
  connected: number;
  online: number;
  failed: number;
  messages: number;
  messagesPerS: number;
  events: number;
  errors: number;
}

export interface FleetSummary extends FleetProgress {
  devices: number;
  // messagesPerS: the sustained rate, from the end of the ramp to the end of the run.
  // From the first connection attempt to the last device connected.
  connectSeconds: number;
  averageMessagesPerS: number;
  // Distinct reasons of failures (connection refused and why, refused publishes), with their counts.
  problems: Record<string, number>;
}

interface Member {
  device: FleetDevice;
  camera: StartedCamera | undefined;
  nextBeat: number;
  nextEvent: number;
  busy: boolean;
}

export async function runFleet(o: FleetOptions): Promise<FleetSummary> {
  const started = Date.now();
  const problems: Record<string, number> = {};
  const note = (error: unknown): void => {
    const reason = String((error as Error).message ?? error).replace(/FL[0-9A-Z]+-[0-9A-Z]+/g, '<serial>').slice(0, 300);
    problems[reason] = (problems[reason] ?? 0) + 1;
  };
  const members: Member[] = o.devices.map((device) => ({ device, camera: undefined, nextBeat: 0, nextEvent: 0, busy: false }));
  const state = { started: 0, connected: 0, failed: 0, errors: 0, lastConnectAt: started };
  const meanEventMs = o.eventsPerMinute > 0 ? 60_000 / o.eventsPerMinute : Number.POSITIVE_INFINITY;
  const randoms = new Map<number, SeededRandom>();
  const nextEventAfter = (member: Member, now: number): number => {
    let random = randoms.get(member.device.index);
    if (!random) randoms.set(member.device.index, (random = new SeededRandom(member.device.seed)));
    return now + -Math.log(1 - random.next()) * meanEventMs;
  };

  const progress = (): FleetProgress => {
    let online = 0;
    let messages = 0;
    let events = 0;
    for (const m of members) {
      if (m.camera?.online) online += 1;
      messages += m.camera?.counters.sent ?? 0;
      events += m.camera?.counters.events ?? 0;
    }
    return { elapsedS: (Date.now() - started) / 1000, started: state.started, connected: state.connected, online, failed: state.failed, messages, messagesPerS: 0, events, errors: state.errors };
  };

  let last = { at: started, messages: 0 };
  const report = (): void => {
    const now = progress();
    const rate = ((now.messages - last.messages) * 1000) / Math.max(1, Date.now() - last.at);
    last = { at: Date.now(), messages: now.messages };
    o.onProgress?.({ ...now, messagesPerS: Math.round(rate) });
  };
  const reporter = setInterval(report, o.progressEveryMs ?? 1000);

  const tick = (): void => {
    const now = Date.now();
    for (const member of members) {
      const camera = member.camera;
      if (!camera || member.busy || !camera.online) continue;
      const beat = now >= member.nextBeat;
      const event = now >= member.nextEvent;
      if (!beat && !event) continue;
      member.busy = true;
      if (beat) member.nextBeat = now + o.heartbeatEveryMs;
      if (event) member.nextEvent = nextEventAfter(member, now);
      const work = event ? camera.detectMotion().then(() => undefined) : camera.heartbeat();
      work.catch((error: unknown) => {
        state.errors += 1;
        note(error);
      }).finally(() => (member.busy = false));
    }
  };
  const ticker = setInterval(tick, 100);

  let ramped = { at: started, messages: 0 };
  try {
    await startAll(members, o, started, state, note, nextEventAfter);
    ramped = { at: Date.now(), messages: progress().messages };
    // The fleet's run time is the point of a load run, not a wait for a condition.
    await pace(Math.max(0, o.durationMs - (Date.now() - ramped.at)));
  } finally {
    clearInterval(ticker);
    clearInterval(reporter);
  }
  const final = progress();
  const steadyMs = Date.now() - ramped.at;
  await stopAll(members, o.connectConcurrency);
  const durationS = (Date.now() - started) / 1000;
  return {
    ...final,
    messagesPerS: steadyMs > 0 ? Math.round(((final.messages - ramped.messages) * 1000) / steadyMs) : 0,
    devices: members.length,
    connectSeconds: Math.round((state.lastConnectAt - started) / 10) / 100,
    averageMessagesPerS: Math.round(final.messages / Math.max(0.001, durationS)),
    problems,
  };
}

async function startAll(
  members: Member[], o: FleetOptions, started: number, state: { started: number; connected: number; failed: number; lastConnectAt: number },
  note: (error: unknown) => void, nextEventAfter: (member: Member, now: number) => number,
): Promise<void> {
  const spacingMs = members.length > 1 ? o.rampMs / members.length : 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < members.length) {
      const member = members[next]!;
      const due = started + next * spacingMs;
      next += 1;
      // The ramp: a device does not start before its turn (pacing the load, not waiting for a condition).
      if (due > Date.now()) await pace(due - Date.now());
      state.started += 1;
      try {
        member.camera = await createCamera(member.device.model, {
          serial: member.device.serial, endpoints: o.endpoints, seed: member.device.seed, record: 'counts', liveView: false, heartbeatEveryMs: 0,
          // A load run leaves no MQTT 5 session behind on the platform (Clean Start, Session Expiry Interval 0), even if it is killed.
          sessionExpiryS: 0,
        }).start();
        state.connected += 1;
        state.lastConnectAt = Date.now();
        member.nextBeat = Date.now() + o.heartbeatEveryMs;
        member.nextEvent = nextEventAfter(member, Date.now());
      } catch (error) {
        state.failed += 1;
        note(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.connectConcurrency, members.length)) }, worker));
}

async function stopAll(members: Member[], concurrency: number): Promise<void> {
  await inTurns(members, concurrency, async (member) => void (await member.camera?.stop().catch(() => undefined)));
}

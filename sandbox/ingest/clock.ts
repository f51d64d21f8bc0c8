// Placing a device's event in time despite its clock: the device says when it sent the event, the platform knows when it got it.

export interface Placed {
  /** ISO-8601 UTC: when the event happened, on the platform's clock. */
  at: string;
  /** Added to the event's payload when the device clock was off: its own `at` and its skew in seconds. */
  extra: Record<string, unknown>;
}

/** Below this, a device clock is as good as the network lets us tell. */
const toleranceMs = 2000;

/**
 * With the device's clock reading `clock` at sending time, the event happened `clock - at` before the
 * platform received it, whatever the device's clock error: occurred = received - (clock - at). Both
 * readings come from the same clock, so its skew and time zone cancel out. Without `clock`, `at` is kept.
 */
export function placeInTime(at: string, clock: string | undefined, receivedAt: Date, parse: (text: string) => number = Date.parse): Placed {
  const atMs = parse(at);
  const clockMs = clock === undefined ? Number.NaN : parse(clock);
  if (Number.isNaN(clockMs)) return { at, extra: {} };
  const ageMs = Math.max(0, clockMs - atMs);
  const occurred = new Date(receivedAt.getTime() - ageMs);
  const skewMs = clockMs - receivedAt.getTime();
  if (Math.abs(skewMs) < toleranceMs) return { at: occurred.toISOString(), extra: {} };
  return { at: occurred.toISOString(), extra: { deviceAt: at, clockSkewS: Math.round(skewMs / 1000) } };
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/** Europe/Paris's UTC offset at `ms`, in ms ("GMT+01:00" -> 3 600 000). */
function parisOffsetMs(ms: number): number {
  const name = offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60) * 1000 : 0;
}

/**
 * "2025-11-26 09:31:02": a wall-clock reading without offset (http-push cameras are set to French time), as epoch ms.
 * The hour repeated in October reads as its first occurrence; the placement of events does not depend on it.
 */
export function parseWallClock(text: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)$/.exec(text);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const guess = asUtc - parisOffsetMs(asUtc);
  return asUtc - parisOffsetMs(guess);
}

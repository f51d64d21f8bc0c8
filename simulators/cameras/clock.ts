// A camera's clock: local ISO-8601 time with its UTC offset, a skew fault switch, and drift for cameras without NTP.

// Formatters are heavy: one per time zone, shared by every camera (fleets run thousands).
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
      fractionalSecondDigits: 3,
      timeZoneName: 'longOffset',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export class CameraClock {
  #skewMs = 0;
  readonly #format: Intl.DateTimeFormat;
  readonly #driftPpm: number;
  readonly #since = Date.now();
  #offsetMinute = Number.NaN;
  #offsetText = '+00:00';
  #offsetMs = 0;

  // `driftPpm`: how fast a clock without NTP runs ahead (parts per million; 2011 cameras: tens of ppm).
  constructor(timeZone: string, driftPpm = 0) {
    this.#driftPpm = driftPpm;
    this.#format = formatFor(timeZone);
  }

  skew(seconds: number): void {
    this.#skewMs = seconds * 1000;
  }

  // The camera's idea of "now", e.g. 2025-11-26T09:31:02.120+01:00.
  now(): string {
    return this.format(new Date(this.nowMs()));
  }

  // The camera's "now" in epoch milliseconds (skew and drift included).
  nowMs(): number {
    const real = Date.now();
    return real + this.#skewMs + Math.round(((real - this.#since) * this.#driftPpm) / 1e6);
  }

  format(date: Date): string {
    // Zone offsets change twice a year: read one per minute with Intl (slow), then shift and print the digits (fast).
    const minute = Math.floor(date.getTime() / 60_000);
    if (minute !== this.#offsetMinute) {
      const zone = this.#format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      // longOffset gives "GMT+01:00", or plain "GMT" at UTC.
      this.#offsetText = zone.replace('GMT', '') || '+00:00';
      const match = /^([+-])(\d\d):(\d\d)$/.exec(this.#offsetText);
      this.#offsetMs = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
      this.#offsetMinute = minute;
    }
    // toISOString of the local wall clock, without its "Z".
    return `${new Date(date.getTime() + this.#offsetMs).toISOString().slice(0, 23)}${this.#offsetText}`;
  }

}

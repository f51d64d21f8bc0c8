// A camera's clock: local ISO-8601 time with its UTC offset, and a skew fault switch.

export class CameraClock {
  #skewMs = 0;
  readonly #format: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    this.#format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
      fractionalSecondDigits: 3,
      timeZoneName: 'longOffset',
    });
  }

  skew(seconds: number): void {
    this.#skewMs = seconds * 1000;
  }

  // The camera's idea of "now", e.g. 2025-11-26T09:31:02.120+01:00.
  now(): string {
    return this.format(new Date(Date.now() + this.#skewMs));
  }

  format(date: Date): string {
    const part = Object.fromEntries(this.#format.formatToParts(date).map((p) => [p.type, p.value]));
    // longOffset gives "GMT+01:00", or plain "GMT" at UTC.
    const offset = (part.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
    return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}.${part.fractionalSecond}${offset}`;
  }
}

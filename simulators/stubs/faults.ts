// Fault switches per stub service, optionally narrowed to one correlation (`match`) or to the next N requests (`times`).

import type { Fault, FaultMode } from './types.ts';

const modes: readonly FaultMode[] = ['none', 'down', 'slow', 'error', 'malformed'];
const maxDelayMs = 60_000;
const none: Fault = { mode: 'none' };

/** What GET /__faults shows per service: the service-wide fault, and the narrowed ones when there are any. */
export type FaultView = Fault & { matched?: Fault[] };

export class FaultBoard {
  // Per service: the service-wide fault (no match) and the narrowed ones, in the order they were set.
  readonly #faults = new Map<string, Fault[]>();
  readonly #services: readonly string[];

  constructor(services: readonly string[]) {
    this.#services = services;
  }

  /** The fault set for `service` with this `match` (the service-wide one without it). */
  get(service: string, match?: string): Fault {
    return this.#list(service).find((f) => f.match === match) ?? none;
  }

  /** Replaces the fault of (service, match); mode none lifts it. Other matches are left as they are. */
  set(service: string, fault: Fault): void {
    if (!this.#services.includes(service)) {
      throw new Error(`[stubs] no service "${service}" to put in fault ${fault.mode}; the services are: ${this.#services.join(', ')}`);
    }
    const problem = checkFault(fault);
    if (problem) throw new Error(`[stubs] ${problem}`);
    const others = this.#list(service).filter((f) => f.match !== fault.match);
    const kept = fault.mode === 'none' ? others : [...others, { ...fault }];
    if (kept.length === 0) this.#faults.delete(service);
    else this.#faults.set(service, kept);
  }

  /**
   * The fault a request to `service` with this raw body meets: a narrowed fault whose match the body contains
   * first, else the service-wide one. A fault with `times` is used up by the requests it hits.
   */
  apply(service: string, rawBody: string): Fault {
    const list = this.#list(service);
    const hit = list.find((f) => f.match !== undefined && rawBody.includes(f.match)) ?? list.find((f) => f.match === undefined);
    if (hit === undefined) return none;
    if (hit.times !== undefined) {
      hit.times -= 1;
      if (hit.times <= 0) this.set(service, { mode: 'none', ...(hit.match === undefined ? {} : { match: hit.match }) });
    }
    return hit;
  }

  reset(): void {
    this.#faults.clear();
  }

  all(): Record<string, FaultView> {
    return Object.fromEntries(this.#services.map((service) => {
      const matched = this.#list(service).filter((f) => f.match !== undefined);
      const view: FaultView = matched.length > 0 ? { ...this.get(service), matched } : this.get(service);
      return [service, view];
    }));
  }

  #list(service: string): Fault[] {
    return this.#faults.get(service) ?? [];
  }
}

// Why `fault` is not a valid fault, or undefined when it is.
export function checkFault(fault: unknown): string | undefined {
  if (typeof fault !== 'object' || fault === null) return 'a fault is an object {mode, delayMs?, reset?, match?, times?}';
  const { mode, delayMs, reset, match, times } = fault as Record<string, unknown>;
  if (!modes.includes(mode as FaultMode)) return `"mode" must be one of ${modes.join(', ')}; got ${JSON.stringify(mode)}`;
  if (mode === 'slow' && !(Number.isInteger(delayMs) && (delayMs as number) > 0 && (delayMs as number) <= maxDelayMs)) {
    return `"delayMs" must be an integer from 1 to ${maxDelayMs} for mode slow; got ${JSON.stringify(delayMs)}`;
  }
  if (reset !== undefined && typeof reset !== 'boolean') return `"reset" must be a boolean; got ${JSON.stringify(reset)}`;
  if (match !== undefined && (typeof match !== 'string' || match === '')) return `"match" must be a non-empty string (text of the request body); got ${JSON.stringify(match)}`;
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 1)) return `"times" must be an integer ≥ 1; got ${JSON.stringify(times)}`;
  return undefined;
}

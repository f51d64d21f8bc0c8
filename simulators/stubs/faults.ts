// Fault switches per stub service, and the validation of faults asked for over the control API.

import type { Fault, FaultMode } from './types.ts';

const modes: readonly FaultMode[] = ['none', 'down', 'slow', 'error', 'malformed'];
const maxDelayMs = 60_000;

export class FaultBoard {
  readonly #faults = new Map<string, Fault>();
  readonly #services: readonly string[];

  constructor(services: readonly string[]) {
    this.#services = services;
  }

  get(service: string): Fault {
    return this.#faults.get(service) ?? { mode: 'none' };
  }

  set(service: string, fault: Fault): void {
    if (!this.#services.includes(service)) {
      throw new Error(`[stubs] no service "${service}" to put in fault ${fault.mode}; the services are: ${this.#services.join(', ')}`);
    }
    const problem = checkFault(fault);
    if (problem) throw new Error(`[stubs] ${problem}`);
    if (fault.mode === 'none') this.#faults.delete(service);
    else this.#faults.set(service, { ...fault });
  }

  reset(): void {
    this.#faults.clear();
  }

  all(): Record<string, Fault> {
    return Object.fromEntries(this.#services.map((service) => [service, this.get(service)]));
  }
}

// Why `fault` is not a valid fault, or undefined when it is.
export function checkFault(fault: unknown): string | undefined {
  if (typeof fault !== 'object' || fault === null) return 'a fault is an object {mode, delayMs?, reset?}';
  const { mode, delayMs, reset } = fault as Record<string, unknown>;
  if (!modes.includes(mode as FaultMode)) return `"mode" must be one of ${modes.join(', ')}; got ${JSON.stringify(mode)}`;
  if (mode === 'slow' && !(Number.isInteger(delayMs) && (delayMs as number) > 0 && (delayMs as number) <= maxDelayMs)) {
    return `"delayMs" must be an integer from 1 to ${maxDelayMs} for mode slow; got ${JSON.stringify(delayMs)}`;
  }
  if (reset !== undefined && typeof reset !== 'boolean') return `"reset" must be a boolean; got ${JSON.stringify(reset)}`;
  return undefined;
}

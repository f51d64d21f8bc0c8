// The generator's scale knob: named sizes from small (tests) to full (production volumes: 8 M events, 6 M recordings).

import { StartupError } from '../startup-error.ts';

export interface Sizes {
  customers: number;
  cameras: number;
  events: number;
  recordings: number;
}

/** Production volumes; every other scale is a fraction of these. */
const full: Sizes = { customers: 250_000, cameras: 500_000, events: 8_000_000, recordings: 6_000_000 };

export const namedScales = { small: 0.001, medium: 0.01, large: 0.1, full: 1 } as const;

/** `small`, `medium`, `large`, `full`, or a fraction of full from 0.0002 to 1 (e.g. `0.25`). */
export function parseScale(value: string | undefined): { name: string; factor: number } {
  const name = value ?? 'small';
  if (Object.hasOwn(namedScales, name)) return { name, factor: namedScales[name as keyof typeof namedScales] };
  const factor = Number(name);
  if (name.trim() !== '' && Number.isFinite(factor) && factor >= 0.0002 && factor <= 1) return { name, factor };
  throw new StartupError(`--scale must be ${Object.keys(namedScales).join(', ')} or a fraction of full from 0.0002 to 1, got ${JSON.stringify(value)}`);
}

export function sizesAt(factor: number): Sizes {
  const at = (n: number): number => Math.max(1, Math.round(n * factor));
  return { customers: at(full.customers), cameras: at(full.cameras), events: at(full.events), recordings: at(full.recordings) };
}

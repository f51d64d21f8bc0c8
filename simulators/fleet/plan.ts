// Turning a fleet spec into devices: deterministic for a seed, and split into shards that never share an identity.

import { ConfigurationError } from '../../lib/errors.ts';
import { SeededRandom } from '../cameras/random.ts';
import type { CameraModel } from '../../catalog/index.ts';
import type { FleetEntry } from './spec.ts';

export interface FleetDevice {
  // Position in the whole fleet (all shards): the identity.
  index: number;
  serial: string;
  model: CameraModel;
  // This device's own seed (dropped packets, event times).
  seed: number;
}

export interface Shard {
  // 1-based.
  index: number;
  count: number;
}

/** "2/4" -> { index: 2, count: 4 }. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new ConfigurationError(`--shard must read i/n with 1 <= i <= n, e.g. 2/4; got "${value}"`);
  return { index, count };
}

/**
 * Every device of the fleet gets a global index; shard i of n keeps the indexes k with k mod n = i - 1, so n runners
 * started with the same spec and seed cover the fleet exactly once. Serials name the seed and the index: two fleets of
 * different seeds never collide either.
 */
export function planFleet(entries: FleetEntry[], seed: number, shard: Shard = { index: 1, count: 1 }): FleetDevice[] {
  const random = new SeededRandom(seed);
  const devices: FleetDevice[] = [];
  let index = 0;
  for (const entry of entries) {
    for (let i = 0; i < entry.count; i++, index++) {
      const model = entry.models[i % entry.models.length]!;
      const deviceSeed = Math.floor(random.next() * 2 ** 32);
      if (index % shard.count !== shard.index - 1) continue;
      devices.push({ index, serial: `FL${seed.toString(36).toUpperCase()}-${index.toString(36).toUpperCase().padStart(5, '0')}`, model, seed: deviceSeed });
    }
  }
  return devices;
}

// What an mqtt5 camera's own analysis reports with an event: labelled boxes with a confidence, from the seeded random source.

import type { SeededRandom } from './random.ts';
import type { CameraEventType, Detection } from './types.ts';

const labelled: Partial<Record<CameraEventType, Detection['label']>> = { person: 'person', vehicle: 'vehicle', animal: 'animal' };

/** One box for person, vehicle and animal events; none for the others (plain motion carries no object). */
export function detectionsFor(type: CameraEventType, random: SeededRandom): Detection[] {
  const label = labelled[type];
  if (label === undefined) return [];
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  const width = 0.1 + random.next() * 0.3;
  const height = 0.2 + random.next() * 0.5;
  return [{
    label,
    confidence: round(0.7 + random.next() * 0.29),
    box: [round(random.next() * (1 - width)), round(random.next() * (1 - height)), round(width), round(height)],
  }];
}

// What each camera generation can report, how often it checks in, and how its clock behaves.

import type { GenerationId } from '../../catalog/index.ts';
import { cameraEventTypes, type CameraEventType } from './types.ts';

export interface GenerationTraits {
  eventTypes: readonly CameraEventType[];
  // Keep-alive poll (http-push) or heartbeat period.
  heartbeatEveryMs: number;
  // Clock drift in ppm: cameras without NTP run fast.
  driftPpm: number;
  // Whether the camera runs its own detection (person, vehicle, animal) and sends the boxes.
  detectsOnCamera: boolean;
  // Whether events carry a picture (http-push snapshots, https-json clips); MQTT events are metadata only.
  takesPictures: boolean;
}

export const generationTraits: Record<GenerationId, GenerationTraits> = {
  'http-push': { eventTypes: ['motion'], heartbeatEveryMs: 30_000, driftPpm: 40, detectsOnCamera: false, takesPictures: true },
  'https-json': { eventTypes: ['motion', 'sound', 'tamper'], heartbeatEveryMs: 60_000, driftPpm: 0, detectsOnCamera: false, takesPictures: true },
  mqtt3: { eventTypes: cameraEventTypes, heartbeatEveryMs: 60_000, driftPpm: 0, detectsOnCamera: false, takesPictures: false },
  mqtt5: { eventTypes: cameraEventTypes, heartbeatEveryMs: 60_000, driftPpm: 0, detectsOnCamera: true, takesPictures: false },
};

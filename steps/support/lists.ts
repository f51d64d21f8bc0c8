// The scenario's part of the customer's lists: its camera's items since it started, read as exact sequences.

import { expectRecordingsList, type ListedItem } from '../../drivers/index.ts';
import type { HarnessWorld } from './world.ts';

/** The scenario's camera, and since when its items are the scenario's (a migrated customer's older history is not). */
export function cameraItemsOf(world: HarnessWorld, name: string): { serial: string; since: number } {
  return { serial: world.camera(name).serial, since: world.migrated.has(name) ? world.startedAt - 1000 : 0 };
}

/** The recordings list shows exactly `count` recordings of `kind` of the customer's camera, newest first, on its first page. */
export function expectCameraRecordings(world: HarnessWorld, name: string, kind: string, count: number): Promise<ListedItem[]> {
  const { serial, since } = cameraItemsOf(world, name);
  return expectRecordingsList(world.modules(name), world.about(name), [serial], since, Array.from({ length: count }, () => `${kind} of ${serial}`));
}

// The scenario's part of the customer's lists: its camera's items since it started, read as exact sequences.

import { expectRecordingsList, type ListedItem } from '../../drivers/index.ts';
import type { HarnessWorld } from './world.ts';

/**
 * Since when the customer's items are the scenario's: for a migrated customer, from when the scenario took their account
 * (their older history, and what the scenario before did on the account, are not); else all of them (`fresh`): the
 * account was made for the scenario.
 */
export function itemsSince(world: HarnessWorld, name: string, fresh = 0): number {
  return world.migratedSince.get(name) ?? fresh;
}

/** The scenario's camera, and since when its items are the scenario's (a migrated customer's older history is not). */
export function cameraItemsOf(world: HarnessWorld, name: string): { serial: string; since: number } {
  return { serial: world.camera(name).serial, since: itemsSince(world, name) };
}

/** The recordings list shows exactly `count` recordings of `kind` of the customer's camera, newest first, on its first page. */
export function expectCameraRecordings(world: HarnessWorld, name: string, kind: string, count: number): Promise<ListedItem[]> {
  const { serial, since } = cameraItemsOf(world, name);
  return expectRecordingsList(world.modules(name), world.about(name), [serial], since, Array.from({ length: count }, () => `${kind} of ${serial}`));
}

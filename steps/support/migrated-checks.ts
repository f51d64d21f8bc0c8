// What a migrated customer's customer-space timeline must be, as a list of problems (empty: as before the migration).

import type { PlatformEvent } from '../../drivers/index.ts';

/**
 * Every way the customer space's timeline differs from the history the customer saw before the migration: after the
 * events that came since (newer than the newest recorded one, counted through the API), the page lists the recorded
 * events, newest first, in the same order (device and type), as far as the page goes.
 */
export function timelineProblems(recorded: { serial: string; type: string; at: string }[], shown: { serial: string; type: string }[], listed: Pick<PlatformEvent, 'occurredAt'>[]): string[] {
  if (recorded.length === 0) return [];
  const newest = Math.max(...recorded.map((e) => Date.parse(e.at)));
  const since = listed.filter((e) => Date.parse(e.occurredAt) > newest + 1000).length;
  const expected = [...recorded].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const history = shown.slice(since);
  if (history.length === 0) return [`the page shows ${shown.length} event(s), none of the ${recorded.length} it had before (${since} came since)`];
  for (let i = 0; i < Math.min(history.length, expected.length); i += 1) {
    const [seen, had] = [history[i], expected[i]];
    if (seen && had && (seen.serial !== had.serial || seen.type !== had.type)) {
      return [`event ${since + i + 1} of the page is ${seen.type} of ${seen.serial} where the history before the migration has ${had.type} of ${had.serial} at ${had.at} (newest first)`];
    }
  }
  return [];
}

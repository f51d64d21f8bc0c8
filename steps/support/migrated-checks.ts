// What a migrated customer's customer-space timeline must be, as a list of problems (empty: as before the migration).

import { parisShown, sequenceDiff, type PlatformEvent } from '../../drivers/index.ts';

/**
 * Every way the customer space's timeline differs from the history the customer saw before the migration: after the
 * events that came since (newer than the newest recorded one, counted through the API), the page lists exactly the
 * recorded events, newest first (device and type; events recorded at the same instant in any order among themselves),
 * as many as the page holds (`pageSize`, the 200 newest): none missing, none extra, none out of place; and where the page
 * gives an item's text, it starts with the Paris time the event had ("26/11/2026 10:31:02 – ...").
 */
export function timelineProblems(recorded: { serial: string; type: string; at: string }[], shown: { serial: string; type: string; text?: string }[], listed: Pick<PlatformEvent, 'occurredAt'>[], pageSize = 200): string[] {
  if (recorded.length === 0) return [];
  const newest = Math.max(...recorded.map((e) => Date.parse(e.at)));
  const since = listed.filter((e) => Date.parse(e.occurredAt) > newest + 1000).length;
  const expected = [...recorded].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, Math.max(0, pageSize - since));
  const history = shown.slice(since);
  if (history.length === 0) return [`the page shows ${shown.length} event(s), none of the ${recorded.length} it had before (${since} came since)`];
  const value = (e: { serial: string; type: string }): string => `${e.type} of ${e.serial}`;
  // Events of one instant have no order between them: both sides list each instant's events sorted.
  const had: string[] = [];
  const has: string[] = [];
  for (let k = 0; k < expected.length;) {
    let end = k + 1;
    while (end < expected.length && Date.parse(expected[end]!.at) === Date.parse(expected[k]!.at)) end += 1;
    had.push(...expected.slice(k, end).map(value).sort());
    has.push(...history.slice(k, end).map(value).sort());
    k = end;
  }
  has.push(...history.slice(expected.length).map(value));
  const order = sequenceDiff(had, has).map((p) => `${p.replace(/^item (\d+)/, (_, n: string) => `event ${Number(n) + since} of the page`)} (after ${since} that came since; newest first)`);
  if (order.length > 0) return order;
  // In place: each item shows the Paris time of the event it stands for (events of one instant share it).
  const times: string[] = [];
  expected.forEach((e, k) => {
    const text = history[k]?.text;
    if (text !== undefined && !text.startsWith(`${parisShown(e.at)} `)) times.push(`event ${k + 1 + since} of the page reads "${text}", not the ${e.type} of ${e.serial} at ${parisShown(e.at)} (Paris time)`);
  });
  return times.slice(0, 5).concat(times.length > 5 ? [`and ${times.length - 5} more shown at another time`] : []);
}

// The migration's reading of V9 Paris wall-clock times as UTC instants, and the rule for the hours daylight saving breaks.

/**
 * The rule (docs in sandbox/migration/README.md, "Paris time"): a V9 wall-clock time is the instant at which Paris
 * clocks showed it. In the hour repeated each October it is the FIRST occurrence (summer time, UTC+2); in the hour
 * skipped each March (no Paris clock showed it) it is read at UTC+1, the offset in force before the change.
 *
 * Since 1976 Paris is either UTC+1 or UTC+2, so: try UTC+2; keep it if Paris clocks showed that time at that instant,
 * else take UTC+1. The SQL below is that sentence.
 */
export function parisToUtc(local: string): string {
  const summer = `((${local}) - interval '2 hours') AT TIME ZONE 'UTC'`;
  return `(CASE WHEN (${summer}) AT TIME ZONE 'Europe/Paris' = (${local}) THEN ${summer} ELSE ((${local}) - interval '1 hour') AT TIME ZONE 'UTC' END)`;
}

/**
 * The `shift-dst-hour` fault: PostgreSQL's own reading of an ambiguous time, the SECOND occurrence (winter time),
 * which puts every event of the repeated October hour one hour late.
 */
export function parisToUtcIgnoringRule(local: string): string {
  return `((${local}) AT TIME ZONE 'Europe/Paris')`;
}

// Durations against the 45-minute maintenance window of the migration day.

/** 09:30 to 10:15: maintenance page up, migration, redeployment of the 46 machines. */
export const migrationWindowMs = 45 * 60_000;

export interface Phase {
  name: string;
  durationMs: number;
}

export interface Timeline {
  phases: Phase[];
  totalMs: number;
  windowMs: number;
  /** Share of the window the phases use, in percent. */
  usedPercent: number;
  withinWindow: boolean;
}

export function timeline(phases: Phase[], windowMs = migrationWindowMs): Timeline {
  const totalMs = phases.reduce((sum, p) => sum + p.durationMs, 0);
  return { phases: [...phases], totalMs, windowMs, usedPercent: Math.round((1000 * totalMs) / windowMs) / 10, withinWindow: totalMs <= windowMs };
}

// The cut's date and time as French customers read them: "mardi 1 décembre 2026 à 09:30", Paris time.

const formats = (timeZone: string) => ({
  day: new Intl.DateTimeFormat('fr-FR', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  clock: new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
});
const paris = formats('Europe/Paris');
// Only fault `notice-utc` reads the cut in UTC.
const utc = formats('UTC');

/** { date: "mardi 1 décembre 2026", time: "09:30" } in Europe/Paris (in UTC only under fault `notice-utc`). */
export function frenchDateTime(instant: Date, timeZone: 'Europe/Paris' | 'UTC' = 'Europe/Paris'): { date: string; time: string } {
  const { day, clock } = timeZone === 'UTC' ? utc : paris;
  return { date: day.format(instant), time: clock.format(instant) };
}

/** "45 minutes", "1 h 30". */
export function frenchDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, '0')}`;
}

// The cut's date and time as French customers read them: "mardi 1 décembre 2026 à 09:30", Paris time.

const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** { date: "mardi 1 décembre 2026", time: "09:30" } in Europe/Paris. */
export function frenchDateTime(instant: Date): { date: string; time: string } {
  return { date: day.format(instant), time: clock.format(instant) };
}

/** "45 minutes", "1 h 30". */
export function frenchDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, '0')}`;
}

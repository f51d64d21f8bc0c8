// Times as French customers read them: Europe/Paris wall clock, "26/11/2026 10:31:02".

const parisFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "26/11/2026 10:31:02" for the Paris wall-clock time of `date`. */
export function formatParis(date: Date): string {
  return parisFormat.format(date);
}

/** The Paris date and time of `date` separately: { date: "26/11/2026", time: "10:31:02" }. */
export function parisParts(date: Date): { date: string; time: string } {
  const [day = '', time = ''] = formatParis(date).split(' ');
  return { date: day, time };
}

// Camera event types the platform knows, with their V9 numeric codes and their French labels.

/** V9 stores these numbers in `events.code`; V10 stores the names in `events.kind`. Never renumber. */
export const eventCodes = {
  motion: 1,
  sound: 2,
  person: 3,
  vehicle: 4,
  animal: 5,
  tamper: 6,
  'line-crossing': 7,
} as const;

export type EventType = keyof typeof eventCodes;

const labels: Record<EventType, string> = {
  motion: 'Mouvement détecté',
  sound: 'Bruit détecté',
  person: 'Personne détectée',
  vehicle: 'Véhicule détecté',
  animal: 'Animal détecté',
  tamper: 'Tentative de sabotage',
  'line-crossing': 'Franchissement de ligne',
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(eventCodes, value);
}

/** The French label of an event type; unknown types (V10 devices) are shown as they are. */
export function eventLabel(type: string): string {
  return isEventType(type) ? labels[type] : `Événement « ${type} »`;
}

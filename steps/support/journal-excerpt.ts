// What the third parties' stubs received for a failed scenario's customers: evidence a partner can read next to the screenshot.

import type { JournalEntry } from '../../drivers/index.ts';
import { maskSecrets } from '../../lib/mask.ts';
import type { HarnessWorld } from './world.ts';

/** Only the requests that name one of the scenario's customers: another scenario's (another partner's) run alongside is left out. */
export function excerpt(entries: JournalEntry[], customers: { name: string; email: string; phone: string }[]): string {
  if (customers.length === 0) return "Ce scénario n'a créé aucun client : aucune requête aux prestataires ne le concerne.";
  const ours = entries.filter((e) => customers.some((c) => [e.rawBody, e.path, e.query].some((text) => text.includes(c.email) || text.includes(c.phone))));
  const who = customers.map((c) => c.name).join(', ');
  if (ours.length === 0) return `Aucune requête n'a atteint un prestataire (SMS, e-mail, télésurveillance, paiement, IA) pour ${who} pendant le scénario.`;
  const lines = ours.map((e) => `${e.at} ${e.service}: ${e.method} ${e.path}${e.query ? `?${e.query}` : ''}${e.rawBody ? `\n  ${e.rawBody.slice(0, 2000)}` : ''}`);
  return maskSecrets(`Requêtes reçues par les prestataires pour ${who} pendant le scénario :\n${lines.join('\n')}`);
}

/** The excerpt of the journal since the scenario started; a journal that cannot be read says so instead of hiding the failure. */
export async function journalExcerpt(world: HarnessWorld): Promise<string> {
  try {
    return excerpt(await world.stubs.entries({ since: world.journalMark }), [...world.customers.values()]);
  } catch (error) {
    return `Le journal des prestataires n'a pas pu être lu (${(error as Error).message.split('\n')[0]}).`;
  }
}

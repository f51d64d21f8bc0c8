// Steps about the modules of migrated customers: their offer's limits by value, one recording per detection, one request per provider, their timeline in the customer space.

import { Given, Then } from '@cucumber/cucumber';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { timelineProblems } from './support/migrated-checks.ts';
import { homeCareSet } from './support/modules.ts';
import { labelMigratedModule, playMigratedCustomer, reconnectMigratedCamera } from './support/migrated.ts';
import { itemsSince } from './support/lists.ts';
import { aboutAccount } from './support/reference-data.ts';
import type { HarnessWorld } from './support/world.ts';

Given('{string}, client migré du partenaire {string} dont l\'offre comprend la télésurveillance', async function (this: HarnessWorld, name: string, partnerName: string) {
  const partner = this.catalog.partners.find((p) => p.name === partnerName || p.id === partnerName);
  if (!partner) throw new ConfigurationError(`the scenario names partner "${partnerName}", which catalog/data/partners.yaml does not list (known: ${this.catalog.partners.map((p) => p.name).join(', ')})`);
  await playMigratedCustomer(this, name, undefined, { partner, module: 'monitoring', reports: 'tamper' });
});

Given('la caméra d\'avant la migration de {string} qui signale les sabotages se reconnecte', async function (this: HarnessWorld, name: string) {
  await reconnectMigratedCamera(this, name, undefined, 'tamper');
});

Then('les alertes de {string} sont limitées chaque mois à {int} SMS et {int} e-mails, comme son offre le prévoyait', async function (this: HarnessWorld, name: string, sms: number, emails: number) {
  const state = await this.modules(name).state();
  const offer = this.migrated.get(name)?.reference?.offer;
  const { quotas } = state;
  if (state.offer !== offer || quotas.sms.limit !== sms || quotas.email.limit !== emails) {
    throw new ProductAssertionError(`[migrated customer] ${this.about(name)} had the offer ${offer ?? '?'} with ${sms} SMS and ${emails} e-mails a month before the migration; ` +
      `V10 gives them the offer ${state.offer} with ${quotas.sms.limit} SMS and ${quotas.email.limit} e-mails a month`);
  }
});

Then('la détection de {string} est enregistrée une fois, conservée {int} jours comme son offre le prévoyait', async function (this: HarnessWorld, name: string, days: number) {
  const camera = this.camera(name);
  // The camera's recordings from before the migration, and those of the scenario before on the account, are history: only those of this scenario's detection count.
  const since = itemsSince(this, name);
  const mine = (await this.modules(name).waitForRecordingSince(camera.serial, since)).filter((r) => r.serial === camera.serial && Date.parse(r.startedAt) >= since);
  const kind = camera.generation === 'http-push' ? 'snapshot' : 'clip';
  const kept = mine.map((r) => (Date.parse(r.expiresAt) - Date.parse(r.startedAt)) / 86_400_000);
  if (mine.length !== 1 || mine[0]?.kind !== kind || kept[0] !== days) {
    throw new ProductAssertionError(`[migrated customer] the detection of camera ${camera.serial} of ${this.about(name)} should be one ${kind} kept ${days} days, as their offer kept recordings before the migration; ` +
      `the platform lists ${mine.map((r, i) => `a ${r.kind} of ${r.startedAt} kept ${kept[i]} days`).join(', ')}`);
  }
  await labelMigratedModule(this, name, 'recordings');
});

Then('la plateforme a demandé une seule fois au service de classification de classer la détection de {string}', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectExactlyOnce('ai', this.camera(name).serial, this.journalMark);
  await labelMigratedModule(this, name, 'ai');
});

Then('la plateforme a transmis une seule fois l\'alarme de {string} au centre de télésurveillance', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectExactlyOnce('monitoring', this.camera(name).serial, this.journalMark);
  await labelMigratedModule(this, name, 'monitoring');
});

Then('la veille de la famille de {string} est enregistrée : alertée après {int} heures sans mouvement, sur son téléphone', async function (this: HarnessWorld, name: string, hours: number) {
  const set = homeCareSet(this).get(name);
  if (!set) throw new ConfigurationError(`the family of "${name}" watches nothing yet: add the step "la famille de "${name}" veille sur elle, ..." before`);
  const watch = await this.modules(name).homeCare();
  const expected = { ...set, windowMinutes: hours * 60 };
  if (watch === null || watch.windowMinutes !== expected.windowMinutes || watch.familyPhone !== expected.familyPhone || watch.familyEmail !== expected.familyEmail) {
    throw new ProductAssertionError(`[migrated customer] the home care of ${this.about(name)} should be ${JSON.stringify(expected)}, as the family set it; the platform shows ${JSON.stringify(watch)}`);
  }
  await labelMigratedModule(this, name, 'home-care');
});

Then('la chronologie de l\'espace client de {string} montre ses évènements d\'avant la migration, du plus récent au plus ancien', async function (this: HarnessWorld, name: string) {
  const account = this.migrated.get(name);
  if (!account?.reference) throw new ConfigurationError(`"${name}" is not a migrated customer with a recorded history; start the scenario with ""${name}", client migré de la marque ..."`);
  const customer = this.customer(name);
  const [shown, api] = await Promise.all([(await this.currentSpace()).timelineEvents(), customer.api.events(500)]);
  const problems = timelineProblems(account.reference.events, shown, api);
  if (problems.length > 0) {
    throw new ProductAssertionError(`[migrated customer] the customer space of ${aboutAccount(this, account, customer.offer)} does not show the timeline they had before the migration: ${problems.join('; ')}`);
  }
});

// Steps about the migration day's data: V9 backed up, migrated to V10, certified, rolled back; each delegates to the data certifier.

import { AssertionError } from 'node:assert';
import { Given, Then, When } from '@cucumber/cucumber';
import type { CameraModel, Offer, WhiteLabel } from '../catalog/index.ts';
import { expectCertified, expectComplete, referenceEntities, expectLeftovers, expectLocated, expectNothingLost, expectUnchanged, expectWithinWindow, MigrationRehearsal } from '../drivers/certifier/index.ts';
import { ConfigurationError } from '../lib/errors.ts';
import { migration, rehearsal, rehearsals, rollback } from './support/rehearsals.ts';
import type { HarnessWorld } from './support/world.ts';

const slow = { timeout: 10 * 60_000 };

Given('la base V9 sauvegardée', slow, async function (this: HarnessWorld) {
  const tool = this.environment.opsTool;
  if (!tool) throw new ConfigurationError(`the ${this.environment.name} environment gives the harness no ops tool (its ops team runs it): the migration rehearsal runs where the harness starts the platform`);
  const platform = await MigrationRehearsal.prepare(this.environment.databaseServer, { scale: process.env['KW_MIGRATION_SCALE'] ?? 'small', tool });
  rehearsals.set(this, { platform });
  await platform.backUp();
});

When('la migration V10 est jouée', slow, async function (this: HarnessWorld) {
  await rehearsal(this).platform.migrate();
});
Given('la migration V10 jouée', slow, async function (this: HarnessWorld) {
  await rehearsal(this).platform.migrate();
});

When('la migration V10 est jouée en perdant les évènements des clients de l\'offre {offre}', slow, async function (this: HarnessWorld, offer: Offer) {
  await rehearsal(this).platform.migrate([`drop-events-of-offer:${offer.id}`]);
});
When('la migration V10 est jouée en lisant l\'heure répétée d\'octobre comme l\'heure d\'hiver', slow, async function (this: HarnessWorld) {
  await rehearsal(this).platform.migrate(['shift-dst-hour']);
});
When('la migration V10 est jouée en tronquant à la minute les enregistrements des caméras {modèle}', slow, async function (this: HarnessWorld, model: CameraModel) {
  await rehearsal(this).platform.migrate([`truncate-durations-of-model:${model.id}`]);
});
When('la migration V10 est jouée en donnant aux clients de l\'offre {offre} l\'offre suivante du catalogue', slow, async function (this: HarnessWorld, offer: Offer) {
  await rehearsal(this).platform.migrate([`wrong-offer-mapping:${offer.id}`]);
});
When('la migration V10 est jouée en divisant par deux la durée de conservation de l\'offre {offre}', slow, async function (this: HarnessWorld, offer: Offer) {
  await rehearsal(this).platform.migrate([`offer-retention-halved:${offer.id}`]);
});
When('la migration V10 est jouée en donnant à la marque {marque} l\'expéditeur SMS et le téléphone de la marque directe', slow, async function (this: HarnessWorld, brand: WhiteLabel) {
  await rehearsal(this).platform.migrate([`white-label-contact-reverts:${brand.id}`]);
});
When('la migration V10 est jouée en laissant le quota d\'e-mails des offres à sa valeur par défaut', slow, async function (this: HarnessWorld) {
  await rehearsal(this).platform.migrate(['column-not-carried:offers.email_quota']);
});

When('le retour arrière est joué', slow, async function (this: HarnessWorld) {
  await rehearsal(this).platform.rollback();
});
When('le retour arrière est joué en oubliant les tables propres à la V10', slow, async function (this: HarnessWorld) {
  await rehearsal(this).platform.rollback(['rollback-leaves-v10-rows']);
});

Then('aucun évènement n\'est perdu pour aucun partenaire', slow, async function (this: HarnessWorld) {
  expectNothingLost(await migration(this), 'events', 'partner');
});
Then('aucun évènement n\'est perdu pour aucune offre', slow, async function (this: HarnessWorld) {
  expectNothingLost(await migration(this), 'events', 'offer');
});
Then('aucun enregistrement n\'est perdu pour aucun type d\'appareil', slow, async function (this: HarnessWorld) {
  expectNothingLost(await migration(this), 'recordings', 'device kind');
});
Then('aucun appareil n\'est perdu pour aucun partenaire', slow, async function (this: HarnessWorld) {
  expectNothingLost(await migration(this), 'devices', 'partner');
});
Then('chaque abonnement garde son offre et ses modules', slow, async function (this: HarnessWorld) {
  expectUnchanged(await migration(this), 'subscriptions');
});
Then('la certification des données ne relève aucun écart', slow, async function (this: HarnessWorld) {
  expectCertified(await migration(this));
});
Then('chaque table et chaque colonne de la V9 et de la V10 est certifiée ou écartée avec sa raison', slow, async function (this: HarnessWorld) {
  expectComplete(await migration(this), []);
});
Then('les partenaires, marques, offres, modules et modèles de caméra sont repris à l\'identique', slow, async function (this: HarnessWorld) {
  expectComplete(await migration(this), referenceEntities.map((e) => e.name));
});
Then('la migration et sa certification tiennent dans la fenêtre de 45 minutes', slow, async function (this: HarnessWorld) {
  await migration(this);
  expectWithinWindow(rehearsal(this).platform.timeline());
});

Then('la certification relève chaque évènement perdu des clients de l\'offre {offre}, avec sa clé V9', slow, async function (this: HarnessWorld, offer: Offer) {
  expectLocated(await migration(this), { entity: 'events', kind: 'missing' });
  expectLocated(await migration(this), { entity: 'events', kind: 'count', field: 'offer' }, (f) => (f.v9Key?.offer === offer.id && f.actual === '0' ? undefined : 'only this offer loses all its events'));
});
Then('la certification relève les évènements décalés d\'une heure, avec l\'heure attendue et l\'heure obtenue', slow, async function (this: HarnessWorld) {
  expectLocated(await migration(this), { entity: 'events', kind: 'field', field: 'occurred' }, (f) => (Date.parse(`${f.actual}Z`) - Date.parse(`${f.expected}Z`) === 3_600_000 ? undefined : 'not one hour late'));
});
Then('la certification relève les enregistrements à la durée tronquée, avec la durée attendue et la durée obtenue', slow, async function (this: HarnessWorld) {
  expectLocated(await migration(this), { entity: 'recordings', kind: 'field', field: 'duration' }, (f) => (Number(f.actual) < Number(f.expected) && Number(f.actual) % 60_000 === 0 ? undefined : 'not truncated to the minute'));
});
Then('la certification relève chaque abonnement de l\'offre {offre} passé à une autre offre', slow, async function (this: HarnessWorld, offer: Offer) {
  expectLocated(await migration(this), { entity: 'subscriptions', kind: 'field', field: 'offer' }, (f) => (f.expected === offer.id && f.actual !== offer.id ? undefined : `not a subscription of ${offer.id}`));
});
Then('la certification relève la durée de conservation de l\'offre {offre}, avec la valeur V9 et la valeur V10', slow, async function (this: HarnessWorld, offer: Offer) {
  expectLocated(await migration(this), { entity: 'offers', kind: 'field', field: 'retention days' },
    (f) => (f.v9Key?.code === offer.id && f.expected === String(offer.retentionDays) && f.actual !== f.expected ? undefined : `not the retention of ${offer.id}`));
});
Then('la certification relève l\'expéditeur SMS et le téléphone de support de la marque {marque}, avec la valeur V9 et la valeur V10', slow, async function (this: HarnessWorld, brand: WhiteLabel) {
  const mine = (f: { v9Key: Record<string, unknown> | null }): string | undefined => (f.v9Key?.code === brand.id ? undefined : `not brand ${brand.id}`);
  expectLocated(await migration(this), { entity: 'white labels', kind: 'field', field: 'SMS sender' }, (f) => mine(f) ?? (f.expected === brand.smsSender ? undefined : 'not its V9 sender'));
  expectLocated(await migration(this), { entity: 'white labels', kind: 'field', field: 'support phone' }, (f) => mine(f) ?? (f.expected === brand.supportPhone ? undefined : 'not its V9 phone'));
});
Then('la certification relève le quota d\'e-mails de chaque offre qui en avait un', slow, async function (this: HarnessWorld) {
  const found = expectLocated(await migration(this), { entity: 'offers', kind: 'field', field: 'e-mail quota' }, (f) => (f.actual === '0' && f.expected !== '0' ? undefined : 'not a quota lost'));
  const expected = this.catalog.offers.filter((o) => o.since === 'v9' && o.monthlyQuotas.email > 0).map((o) => o.id).sort();
  const located = found.map((f) => String(f.v9Key?.code)).sort();
  if (located.join() !== expected.join()) throw new AssertionError({ message: `the certification must locate the e-mail quota of ${expected.join(', ')}; it located ${located.join(', ')}` });
});

Then('la base V9 est restituée à l\'identique de l\'avant-migration', slow, async function (this: HarnessWorld) {
  expectCertified(await rollback(this));
});
Then('la certification du retour arrière relève les tables V10 restantes, avec leurs lignes', slow, async function (this: HarnessWorld) {
  expectLeftovers(await rollback(this));
});
Then('la sauvegarde, la migration, le retour arrière et sa certification tiennent dans la fenêtre de 45 minutes', slow, async function (this: HarnessWorld) {
  await rollback(this);
  expectWithinWindow(rehearsal(this).platform.timeline());
});

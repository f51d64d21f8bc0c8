// Steps about the service modules: recordings and retention, AI classes, alerts by SMS and e-mail within quotas, home care.

import { Given, Then, When } from '@cucumber/cucumber';
import { randomInt } from 'node:crypto';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { healthCounters, parisOnDay, parisShown, waitForHealthCounters, type AiLabel, type CounterSection, type RecordingView, type ThirdParty } from '../drivers/index.ts';
import { alertTextProblems, classificationOf, homeCareSet, classLabels, correlation, expectAcknowledgedAlarm, expectEscalated, movementSeen, useUpQuota } from './support/modules.ts';
import type { Channel, Fault } from './support/words.ts';
import { expectCameraRecordings } from './support/lists.ts';
import type { HarnessWorld } from './support/world.ts';

const hours = (n: number): number => n * 60;
const days = (n: number): number => n * 24 * 60;

// Time passes for the customer's modules (renewal, retention, home care), never for the other scenarios' customers.
When('{int} jours moins une heure s\'écoulent pour {string}', async function (this: HarnessWorld, n: number, name: string) {
  await this.modules(name).advanceClock(days(n) - 60);
});
When('deux heures de plus s\'écoulent pour {string}', async function (this: HarnessWorld, name: string) {
  await this.modules(name).advanceClock(hours(2));
});
When('{int} jour(s) s\'écoule(nt) pour {string}', async function (this: HarnessWorld, n: number, name: string) {
  await this.modules(name).advanceClock(days(n));
});
When('{int} heure(s) s\'écoule(nt) pour {string}', async function (this: HarnessWorld, n: number, name: string) {
  await this.modules(name).advanceClock(hours(n));
});

// Exactly one recording of the one detection, on the first page, then its kind and retention by value.
Then('un clip de la détection est enregistré pour {string}, conservé {int} jours', async function (this: HarnessWorld, name: string, n: number) {
  await expectCameraRecordings(this, name, 'clip', 1);
  await expectRecording(this, name, await this.modules(name).waitForRecording(this.camera(name).serial), 'clip', n);
});
Then('une photo de la détection est enregistrée pour {string}, conservée {int} jours', async function (this: HarnessWorld, name: string, n: number) {
  await expectCameraRecordings(this, name, 'snapshot', 1);
  await expectRecording(this, name, await this.modules(name).waitForRecording(this.camera(name).serial), 'snapshot', n);
});
Then('l\'enregistrement de {string} est toujours disponible', async function (this: HarnessWorld, name: string) {
  await this.modules(name).expectRecordingKept(this.camera(name).serial);
});
Then('l\'enregistrement de {string} a été supprimé', async function (this: HarnessWorld, name: string) {
  await this.modules(name).expectRecordingDeleted(this.camera(name).serial);
});
Then('aucun enregistrement n\'est conservé pour {string}', async function (this: HarnessWorld, name: string) {
  await this.modules(name).expectNoRecording(this.camera(name).serial);
});

/** What the platform documents of a recording: a 15 s clip, or a snapshot (0 ms), of the detection, at its time, under its key. */
const recordingShape: Record<string, { durationMs: number; folder: string; extension: string }> = {
  clip: { durationMs: 15_000, folder: 'clips', extension: 'mp4' },
  snapshot: { durationMs: 0, folder: 'snapshots', extension: 'jpg' },
};

async function expectRecording(world: HarnessWorld, name: string, r: RecordingView, kind: string, retentionDays: number): Promise<void> {
  const about = world.about(name);
  const kept = (Date.parse(r.expiresAt) - Date.parse(r.startedAt)) / 86_400_000;
  if (r.kind !== kind || kept !== retentionDays) throw new ProductAssertionError(`the recording of ${r.serial} of ${about} should be a ${kind} kept ${retentionDays} days; it is a ${r.kind} kept ${kept} days`);
  const shape = recordingShape[kind]!;
  // V9's API names no device event id and dates events to the second: there, the detection is the camera's event of that second.
  const second = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
  const event = (await world.customer(name).api.events(200)).find((e) => e.serial === r.serial &&
    (e.eventId === undefined ? second(e.occurredAt) === second(r.startedAt) : e.eventId === r.eventId));
  const wrong: string[] = [];
  if (r.durationMs !== shape.durationMs) wrong.push(`it lasts ${r.durationMs} ms instead of ${shape.durationMs}`);
  const key = `${shape.folder}/${r.serial}/${encodeURIComponent(r.eventId)}.${shape.extension}`;
  if (r.storageKey !== key) wrong.push(`it is stored as ${r.storageKey} instead of ${key}`);
  if (!event) wrong.push(`it names event ${r.eventId}, which the camera's history does not hold`);
  else if (event.eventId === undefined ? second(r.startedAt) !== second(event.occurredAt) : Date.parse(r.startedAt) !== Date.parse(event.occurredAt)) wrong.push(`it starts ${r.startedAt}, while the detection happened at ${event.occurredAt}`);
  if (wrong.length > 0) throw new ProductAssertionError(`[recordings] the ${kind} of the detection of ${r.serial} of ${about}: ${wrong.join('; ')}`);
}

Given('{string} ne veut être alerté que pour les {classe}', async function (this: HarnessWorld, name: string, label: AiLabel) {
  await this.modules(name).setAiClasses([label]);
});
When('la caméra de {string} filme {scène}', async function (this: HarnessWorld, name: string, label: AiLabel) {
  await this.thirdParties.showToCamera(this.camera(name).serial, label);
  await this.camera(name).detectMotion();
});
Then('la détection de {string} est classée « {word} » par l\'IA', async function (this: HarnessWorld, name: string, label: string) {
  const found = await classificationOf(this, name);
  const shown = 'label' in found ? classLabels[found.label as AiLabel] : 'indisponible';
  if (shown !== label) throw new ProductAssertionError(`the AI should have labelled the detection of ${name}'s camera "${label}"; the event says ${JSON.stringify(found)}`);
});
Then('la détection de {string} est marquée non classée, l\'IA étant indisponible', async function (this: HarnessWorld, name: string) {
  const found = await this.modules(name).waitForClassification(this.camera(name).serial);
  if (!('status' in found)) throw new ProductAssertionError(`with the AI service failing, the detection should be marked unclassified; it is labelled ${JSON.stringify(found)}`);
});
Then('la détection de {string} n\'est pas classée', async function (this: HarnessWorld, name: string) {
  await this.modules(name).expectUnlabelled(this.camera(name).serial);
});
Then('la plateforme n\'a rien demandé au service de classification pour {string}', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectNoClassification(this.camera(name).serial, this.journalMark);
});
Then('{string} ne peut pas choisir de classes d\'alerte', async function (this: HarnessWorld, name: string) {
  await expectRefused(this, name, 'ai');
});

Then('{string} reçoit une alerte « {word} {word} » envoyée au nom de {string}', async function (this: HarnessWorld, name: string, what: string, done: string, sender: string) {
  const sms = await this.stubs.waitForSms({ to: this.customer(name).phone, from: sender, contains: `: ${what} ${done} par votre caméra ${this.camera(name).serial}`, since: this.journalMark, about: this.about(name) });
  const problems = await alertTextProblems(this, name, sms.body.text);
  if (problems.length > 0) throw new ProductAssertionError(`the alert « ${what} ${done} » to ${this.about(name)} from ${sender}: ${problems.join('; ')}`);
});
Then('{string} reçoit une alerte « Mouvement détecté » envoyée au nom de {string}, signalant l\'analyse IA indisponible', async function (this: HarnessWorld, name: string, sender: string) {
  const sms = await this.stubs.waitForSms({ to: this.customer(name).phone, from: sender, contains: `: Mouvement détecté par votre caméra ${this.camera(name).serial}`, since: this.journalMark, about: this.about(name) });
  if (!sms.body.text.endsWith('(analyse IA indisponible).')) throw new ProductAssertionError(`the alert to ${this.about(name)} should say the AI analysis was unavailable; it says "${sms.body.text}"`);
});
Then('{string} ne reçoit aucune alerte', async function (this: HarnessWorld, name: string) {
  await Promise.all([this.stubs.expectNoSms({ to: this.customer(name).phone, since: this.journalMark }), this.thirdParties.expectNoMail(this.customer(name).email, this.journalMark)]);
});

Then('{string} reçoit un e-mail d\'alerte envoyé au nom de {string}, depuis {string}', async function (this: HarnessWorld, name: string, brand: string, address: string) {
  const mail = await this.thirdParties.waitForMail(this.customer(name).email, this.journalMark);
  if (mail.body.from.name !== brand || mail.body.from.address !== address) throw new ProductAssertionError(`${name}'s alert e-mail should come from "${brand}" <${address}>; it comes from ${JSON.stringify(mail.body.from)}`);
  const problems = await alertTextProblems(this, name, mail.body.text, mail.body.subject);
  if (problems.length > 0) throw new ProductAssertionError(`the alert e-mail to ${this.about(name)} from "${brand}" <${address}>: ${problems.join('; ')}`);
});
Then('{string} ne reçoit aucun e-mail', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectNoMail(this.customer(name).email, this.journalMark);
});

When('{string} a reçu les {int} SMS d\'alerte de son mois', async function (this: HarnessWorld, name: string, quota: number) {
  await useUpQuota(this, name, 'sms', quota);
});
When('{string} a reçu les {int} e-mails d\'alerte de son mois', async function (this: HarnessWorld, name: string, quota: number) {
  await useUpQuota(this, name, 'email', quota);
});
Then('{string} ne reçoit plus de SMS d\'alerte ce mois-ci', async function (this: HarnessWorld, name: string) {
  await this.stubs.expectNoSms({ to: this.customer(name).phone, since: this.thirdParties.since(`${name}:sms`, this.journalMark) });
});
Then('{string} ne reçoit plus d\'e-mail d\'alerte ce mois-ci', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectNoMail(this.customer(name).email, this.thirdParties.since(`${name}:email`, this.journalMark));
});
Then('{string} reçoit de nouveau {canal} le mois suivant', async function (this: HarnessWorld, name: string, channel: Channel) {
  await this.modules(name).advanceClock(days(31));
  await this.camera(name).detectMotion();
  const since = this.thirdParties.since(`${name}:${channel}`, this.journalMark);
  await this.thirdParties.waitForCount(channel === 'sms' ? 'sms' : 'mail', correlation(this, channel === 'sms' ? 'sms' : 'mail', name), since, 1, 10_000);
});

// The account's clock to a Paris wall time around the turn of its month (quotas count per calendar month in Paris).
const parisYearMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });
async function clockToParis(world: HarnessWorld, name: string, target: (year: number, month: number) => Date): Promise<void> {
  const now = Date.parse((await world.modules(name).billing()).now);
  const [year = 0, month = 1] = parisYearMonth.format(now).split('-').map(Number);
  let at = target(year, month);
  if (at.getTime() <= now) at = target(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1);
  await world.modules(name).advanceClock(Math.max(1, Math.ceil((at.getTime() - now) / 60_000)));
}
When('l\'horloge de {string} arrive au dernier jour de son mois, à {word} heure de Paris', async function (this: HarnessWorld, name: string, time: string) {
  await clockToParis(this, name, (y, m) => parisOnDay(y, m + 1, 0, time));
});
When('l\'horloge de {string} arrive au premier du mois suivant, à {word} heure de Paris', async function (this: HarnessWorld, name: string, time: string) {
  await clockToParis(this, name, (y, m) => parisOnDay(y, m + 1, 1, time));
});
Then('{string} reçoit de nouveau {canal} dès ce premier du mois', async function (this: HarnessWorld, name: string, channel: Channel) {
  const since = this.thirdParties.since(`${name}:${channel}`, this.journalMark);
  await this.thirdParties.waitForCount(channel === 'sms' ? 'sms' : 'mail', correlation(this, channel === 'sms' ? 'sms' : 'mail', name), since, 1, 10_000);
});

Given('la famille de {string} veille sur elle, alertée après {int} heures sans mouvement', async function (this: HarnessWorld, name: string, n: number) {
  const settings = { windowMinutes: hours(n), familyPhone: `+337${String(randomInt(10_000_000, 99_999_999))}`, familyEmail: null };
  await this.modules(name).setHomeCare(settings);
  homeCareSet(this).set(name, settings);
});
When('{string} passe devant sa caméra', async function (this: HarnessWorld, name: string) {
  await movementSeen(this, name);
});
Then('la famille de {string} reçoit une alerte d\'inactivité envoyée au nom de {string}', async function (this: HarnessWorld, name: string, sender: string) {
  const family = await familyPhone(this, name);
  // A migrated customer is named as their account was in V9; a customer the scenario made, by its Gherkin name.
  const named = this.migrated.has(name) ? (await this.customer(name).api.account()).name : name;
  await this.stubs.waitForSms({ to: family, from: sender, contains: `aucun mouvement détecté chez ${named}`, since: this.journalMark, about: `the family of ${this.about(name)}` });
});
// The whole text, by value: the brand's name (not its SMS sender), the person, the window as the family chose it, and
// when the platform last saw them move (Paris time); then no other SMS to the family.
Then('la famille de {string} reçoit une seule alerte d\'inactivité au nom de {string}, qui dit au nom de sa marque que personne n\'a bougé chez elle depuis {int} heures, depuis son dernier mouvement', async function (this: HarnessWorld, name: string, sender: string, n: number) {
  const watch = await this.modules(name).homeCare();
  if (watch === null) throw new Error(`${name} has no family watching; add the step "la famille de "${name}" veille sur elle, ..." first`);
  if (watch.watchingSince === null) throw new ProductAssertionError(`the platform no longer says since when it watches over ${this.about(name)}; it alerted the family of an inactivity since when?`);
  const named = this.migrated.has(name) ? (await this.customer(name).api.account()).name : name;
  const { brand } = this.customer(name).whiteLabel;
  const lastSeen = parisShown(watch.watchingSince).replace(' ', ' à ');
  const expected = `${brand} : aucun mouvement détecté chez ${named} depuis ${n} h (dernier signe le ${lastSeen}).`;
  const sms = await this.stubs.waitForSms({ to: watch.familyPhone, from: sender, since: this.journalMark, about: `the family of ${this.about(name)}` });
  if (sms.body.text !== expected) throw new ProductAssertionError(`the inactivity alert to the family of ${this.about(name)} should read "${expected}"; it reads "${sms.body.text}"`);
});
// Time goes on without a movement: the same inactivity is not told again (each run of the account's jobs would resend it).
Then('la famille de {string} n\'a reçu en tout qu\'une seule alerte d\'inactivité', async function (this: HarnessWorld, name: string) {
  const watch = await this.modules(name).homeCare();
  if (watch === null) throw new Error(`${name} has no family watching; add the step "la famille de "${name}" veille sur elle, ..." first`);
  await this.thirdParties.expectExactly('sms', watch.familyPhone, this.journalMark, 1, { what: `inactivity alert to the family of ${this.about(name)}` });
});
Then('la famille de {string} ne reçoit aucune alerte d\'inactivité', async function (this: HarnessWorld, name: string) {
  await this.stubs.expectNoSms({ to: await familyPhone(this, name), since: this.journalMark });
});
Then('{string} ne peut pas confier sa veille à sa famille', async function (this: HarnessWorld, name: string) {
  await expectRefused(this, name, 'home-care');
});

async function familyPhone(world: HarnessWorld, name: string): Promise<string> {
  const settings = await world.modules(name).homeCare();
  if (settings === null) throw new Error(`${name} has no family watching; add the step "la famille de "${name}" veille sur elle, ..." first`);
  return settings.familyPhone;
}

async function expectRefused(world: HarnessWorld, name: string, module: 'ai' | 'home-care'): Promise<void> {
  const status = await world.modules(name).settingsStatus(module);
  if (status !== 403) throw new ProductAssertionError(`${name}'s offer (${world.customer(name).offer.name}) has no ${module} module, so its settings must be refused (403); the platform answered ${status}`);
}

// Faults touch only the scenario's own correlation (phone, e-mail, serial), so scenarios in parallel stay independent.
Given('{prestataire} {panne} pour {string}', async function (this: HarnessWorld, service: ThirdParty, fault: Fault, name: string) {
  await this.thirdParties.fault(service, correlation(this, service, name), fault);
});
Given('{prestataire} {panne} pour les {int} prochaines demandes de {string}', async function (this: HarnessWorld, service: ThirdParty, fault: Fault, times: number, name: string) {
  await this.thirdParties.fault(service, correlation(this, service, name), fault, { times });
});
Given('{prestataire} {panne} pour la prochaine demande de {string}', async function (this: HarnessWorld, service: ThirdParty, fault: Fault, name: string) {
  await this.thirdParties.fault(service, correlation(this, service, name), fault, { times: 1 });
});
Given('{prestataire} met {int} seconde(s) à répondre pour {string}', async function (this: HarnessWorld, service: ThirdParty, seconds: number, name: string) {
  await this.thirdParties.fault(service, correlation(this, service, name), 'slow', { delayMs: seconds * 1000 });
});
When('{prestataire} revient pour {string}', async function (this: HarnessWorld, service: ThirdParty, name: string) {
  await this.thirdParties.lift(service, correlation(this, service, name));
});
Then('{string} reçoit quand même {canal}, à la {int}e tentative de la plateforme', async function (this: HarnessWorld, name: string, channel: Channel, attempts: number) {
  const service = channel === 'sms' ? 'sms' : 'mail';
  await this.thirdParties.expectDeliveredAfter(service, correlation(this, service, name), this.journalMark, attempts);
});
Then('{string} reçoit {canal} une seule fois', async function (this: HarnessWorld, name: string, channel: Channel) {
  const service = channel === 'sms' ? 'sms' : 'mail';
  await this.thirdParties.expectExactlyOnce(service, correlation(this, service, name), this.journalMark);
});
Then('la plateforme a interrogé le service de classification {int} fois pour {string}', async function (this: HarnessWorld, attempts: number, name: string) {
  await this.thirdParties.expectDeliveredAfter('ai', this.camera(name).serial, this.journalMark, attempts);
});
Then('l\'e-mail d\'alerte de {string} attend dans la file de la plateforme', async function (this: HarnessWorld, name: string) {
  await this.modules(name).waitForQueuedMail();
  await this.thirdParties.expectFaultApplied('mail', this.customer(name).email, this.journalMark);
});

When('la caméra de {string} signale une tentative de sabotage', async function (this: HarnessWorld, name: string) {
  await this.camera(name).detect('tamper');
});
Then('le centre de télésurveillance prend en charge l\'alarme de la caméra de {string}', async function (this: HarnessWorld, name: string) {
  await expectAcknowledgedAlarm(this, name);
});
Then('la plateforme a transmis l\'alarme {int} fois au centre de télésurveillance pour {string}', async function (this: HarnessWorld, attempts: number, name: string) {
  await this.thirdParties.expectDeliveredAfter('monitoring', this.camera(name).serial, this.journalMark, attempts);
});
Then('la plateforme n\'a rien transmis au centre de télésurveillance pour {string}', async function (this: HarnessWorld, name: string) {
  await this.thirdParties.expectNoAlarm(this.camera(name).serial, this.journalMark);
});
Then('{string} est prévenu directement, une seule fois et au nom de {string}, que le centre de télésurveillance n\'a pas pris en charge l\'alarme', async function (this: HarnessWorld, name: string, sender: string) {
  await expectEscalated(this, name, sender);
});

// The operators' view of the SMS alerts: each instance's /health counts them; summed over the instances, exactly what was sent.
const smsCounters: CounterSection = { section: 'sms', keys: ['queued', 'sent', 'failed'] };

Given('les compteurs SMS de la plateforme sont relevés', async function (this: HarnessWorld) {
  this.countersBefore.set('sms', await healthCounters(this.apiOfEachInstance(), smsCounters));
});

Then('la plateforme compte exactement {int} SMS envoyé(s) depuis le relevé, et {int} échec(s)', async function (this: HarnessWorld, sent: number, failed: number) {
  const before = this.countersBefore.get('sms');
  if (!before) throw new ConfigurationError('add the step "les compteurs SMS de la plateforme sont relevés" before the alert (scenario must be @exclusif: other scenarios send SMS too)');
  await waitForHealthCounters(this.apiOfEachInstance(), smsCounters, before, { queued: sent + failed, sent, failed }, 'SMS alerts');
});


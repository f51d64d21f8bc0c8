// Steps of the post-migration smoke pass: the back office, a device of each generation, an alarm to the monitoring centre, the test accounts' data. Safe on production.

import { Given, Then, When } from '@cucumber/cucumber';
import type { Offer, WhiteLabel } from '../catalog/index.ts';
import { databaseProblems, expiredRecordings, instanceHealthProblems, ModulesApi, readAccountFromDatabases, readAccountThroughApi, referenceProblems, type BackOffice, type PlatformEvent } from '../drivers/index.ts';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';
import { generationTraits } from '../simulators/index.ts';
import {
  connectCamera, designatedCameraOfBrand, designatedCameraOfGeneration, designatedCustomer, usesDesignatedAccounts, labelCustomer, localTestCamera, seenOnlineSince,
  testAccountName, testAccountsFileVariable, type TestCamera,
} from './support/designated.ts';
import { cameraOfGeneration } from './support/devices.ts';
import { aboutAccount, referenceAccount, type ReferenceAccount } from './support/reference-data.ts';
import { supportAgent } from './support/space.ts';
import { describeCustomer } from './support/who.ts';
import type { HarnessWorld } from './support/world.ts';

/** Each scenario's test camera, and its test account with reference data, between its steps. */
const testCameras = new WeakMap<HarnessWorld, TestCamera>();
const referenceAccounts = new WeakMap<HarnessWorld, ReferenceAccount & { offer: Offer }>();

function testCamera(world: HarnessWorld): TestCamera {
  const camera = testCameras.get(world);
  if (!camera) throw new Error('the scenario has no test camera yet; add a step "une caméra de la génération ... d\'un compte de test" first');
  return camera;
}

// The back office: locally, a support agent made through the ops endpoint; elsewhere, the one the test accounts file designates.
// The check reads the instance the agent logged in on: instances of a remote platform may be different hosts, which share no cookie.
const backOffices = new WeakMap<HarnessWorld, BackOffice>();

Given('le support connecté au back-office avec son compte désigné pour les contrôles', async function (this: HarnessWorld) {
  if (!usesDesignatedAccounts(this)) {
    backOffices.set(this, await supportAgent(this));
    return;
  }
  const agent = this.environment.supportAgent;
  if (!agent) {
    throw new ConfigurationError(`the ${this.environment.name} environment designates no back-office account for the smoke pass: write ${testAccountsFileVariable(this)} as ` +
      '{"accounts": [...the test accounts...], "supportAgent": {"email": "...", "password": "..."}} (README, "Environments")');
  }
  const backOffice = await this.backOffice();
  await backOffice.login(agent.email, agent.password);
  backOffices.set(this, backOffice);
});

Then('il y voit chaque instance de la plateforme en service sur la version attendue', async function (this: HarnessWorld) {
  const backOffice = backOffices.get(this);
  if (!backOffice) throw new Error('the scenario has not logged in to the back office yet; add the step "le support connecté au back-office avec son compte désigné pour les contrôles" first');
  const { instances, expectedVersion } = this.environment.platform;
  const problems = instanceHealthProblems(await backOffice.instances(), instances.map((i) => i.id), expectedVersion);
  if (problems.length > 0) throw new ProductAssertionError(`[back-office] every instance must show in service on ${expectedVersion}: ${problems.join('; ')}. Did each instance restart on the new version?`);
});

// A device of each generation. Locally, a Veilis customer on Essentiel 2019 (sold since V9) with the generation's first catalog model.
Given('une caméra de la génération {string} d\'un compte de test', async function (this: HarnessWorld, generation: string) {
  if (usesDesignatedAccounts(this)) {
    testCameras.set(this, await designatedCameraOfGeneration(this, generation));
    return;
  }
  const whiteLabel = catalogEntry(this.catalog.whiteLabels, 'veilis', 'white-labels.yaml');
  const offer = catalogEntry(this.catalog.offers, 'essentiel-2019', 'offers.yaml');
  testCameras.set(this, await localTestCamera(this, whiteLabel, offer, cameraOfGeneration(this.catalog, generation)));
});

When('la caméra du compte de test se connecte à la plateforme', async function (this: HarnessWorld) {
  await connectCamera(this, testCamera(this));
});

Then('la plateforme voit la caméra du compte de test en ligne', async function (this: HarnessWorld) {
  const camera = testCamera(this);
  const api = this.customer(camera.owner).api;
  await retryUntil(() => api.devices(), (devices) => seenOnlineSince(devices, camera), {
    timeoutMs: 10_000, intervalMs: 100,
    message: (last) => {
      const device = Array.isArray(last) ? (last as { serial: string }[]).find((d) => d.serial === camera.serial) : undefined;
      return `[camera:${camera.model.name}] the platform should show the test camera ${camera.serial} (${camera.model.id}, generation ${camera.model.generation}) online, ` +
        `with a contact newer than ${camera.lastSeenBefore ?? 'none'}, within 10 s of its connection; it shows ${device ? JSON.stringify(device) : last instanceof Error ? last.message : 'no such device'}. ` +
        `Does the platform take the hello of ${camera.model.generation} cameras?`;
    },
  });
});

// One alarm to the monitoring centre. Locally, a customer of the brand on its first offer with remote monitoring that V9 sold too.
Given('une caméra télésurveillée d\'un compte de test de la marque {marque}', async function (this: HarnessWorld, whiteLabel: WhiteLabel) {
  if (usesDesignatedAccounts(this)) {
    const camera = await designatedCameraOfBrand(this, whiteLabel, 'tamper', 'monitoring');
    testCameras.set(this, camera);
    await connectCamera(this, camera);
    return;
  }
  const partner = this.catalog.partners.find((p) => p.id === whiteLabel.partner);
  const offer = this.catalog.offers.find((o) => o.since === 'v9' && o.modules.includes('monitoring') && partner?.offers.includes(o.id));
  if (!offer) throw new ConfigurationError(`${whiteLabel.brand} sells no V9 offer with remote monitoring (catalog/data/partners.yaml, offers.yaml): name another brand in the scenario`);
  const model = this.catalog.cameraModels.find((m) => generationTraits[m.generation].eventTypes.includes('tamper'));
  if (!model) throw new ConfigurationError('catalog/data/camera-models.yaml has no camera whose generation reports a tamper attempt');
  const camera = await localTestCamera(this, whiteLabel, offer, model);
  testCameras.set(this, camera);
  await connectCamera(this, camera);
});

When('la caméra télésurveillée signale une tentative de sabotage', async function (this: HarnessWorld) {
  const camera = testCamera(this);
  const api = this.customer(camera.owner).api;
  // The alarm is the next tamper event of this camera: the ones already there (earlier passes) do not count.
  const before = new Set((await api.events(200)).filter((e) => e.serial === camera.serial).map((e) => String(e.id)));
  seenBefore.set(this, before);
  await this.camera(camera.owner).detect('tamper');
});

const seenBefore = new WeakMap<HarnessWorld, Set<string>>();

Then('la plateforme indique que le centre de télésurveillance a pris en charge l\'alarme', async function (this: HarnessWorld) {
  const camera = testCamera(this);
  const customer = this.customer(camera.owner);
  const who = describeCustomer(this.catalog, customer);
  const before = seenBefore.get(this) ?? new Set<string>();
  const alarm = (events: PlatformEvent[]) => events.find((e) => e.serial === camera.serial && e.type === 'tamper' && !before.has(String(e.id)));
  const handled = (events: PlatformEvent[]) => (alarm(events)?.payload as { monitoring?: unknown } | null)?.monitoring !== undefined;
  const events = await retryUntil(() => customer.api.events(200), handled, {
    timeoutMs: 10_000, intervalMs: 200,
    message: (last) => {
      const seen = Array.isArray(last) ? alarm(last as PlatformEvent[]) : undefined;
      return `[monitoring] the tamper alarm of the test camera ${camera.serial} of ${who} ${seen ? 'was stored, but' : 'was not even stored, and'} within 10 s the platform recorded neither ` +
        'the monitoring centre\'s acknowledgement nor an escalation to the customer: the alarm never reached the monitoring centre. Does the platform forward the alarms of this partner\'s customers?';
    },
  });
  const record = (alarm(events)?.payload as { monitoring: { status: string; reference?: string } }).monitoring;
  if (record.status !== 'acknowledged' || !record.reference) {
    throw new ProductAssertionError(`[monitoring] the monitoring centre should have acknowledged the tamper alarm of the test camera ${camera.serial} of ${who}; the platform recorded ${JSON.stringify(record)}`);
  }
  // Locally the harness also sees the centre's side: the stub must have received this camera's alarm.
  if (!usesDesignatedAccounts(this)) {
    await this.stubs.waitForRequest({ service: 'monitoring', method: 'POST', contains: camera.serial, since: this.journalMark }, 5000, () => true,
      `The platform says the monitoring centre acknowledged the alarm of ${camera.serial} (reference ${record.reference}), yet the centre's stub received nothing for it.`);
  }
});

// Data spot checks on the designated test accounts: read-only (locally, the account is made once per run first).
Given('le compte de test de la marque {marque} avec ses données de référence de l\'offre {offre}', async function (this: HarnessWorld, whiteLabel: WhiteLabel, offer: Offer) {
  const found = await referenceAccount(this, whiteLabel, offer);
  referenceAccounts.set(this, { ...found, offer });
  await labelCustomer(whiteLabel, offer);
  this.attach(`${aboutAccount(this, found.account, offer)}: reference recorded on ${found.recordedOn}${found.madeNow ? ' (made by this scenario)' : ''}; ` +
    `${found.account.reference.events.length} event(s), ${found.account.reference.recordings.length} recording(s)`, 'text/plain');
});

Then('la plateforme montre l\'offre, les évènements et les enregistrements de référence du compte de test, aux heures de Paris relevées', async function (this: HarnessWorld) {
  const { account, offer } = referenceOf(this);
  const customer = await designatedCustomer(this, account, { label: false });
  // Retention runs by the account's clock: a reference recording older than the offer keeps it may rightly be gone.
  const accountNow = Date.parse((await new ModulesApi(customer.api, aboutAccount(this, account, offer)).state()).now);
  const keptSince = accountNow - offer.retentionDays * 86_400_000;
  const expired = expiredRecordings(account.reference, keptSince);
  if (expired.length > 0) this.attach(`Not required, past the ${offer.retentionDays}-day retention of ${offer.name} by the account's clock (${new Date(accountNow).toISOString()}): ${expired.map((r) => `${r.serial} ${r.startedAt}`).join(', ')}`, 'text/plain');
  const problems = referenceProblems(account.reference, await readAccountThroughApi(customer.api), this.environment.platform.expectedVersion, { keptSince });
  if (problems.length > 0) {
    throw new ProductAssertionError(`[data] ${aboutAccount(this, account, offer)} does not show the data recorded before: ${problems.join('; ')}. ` +
      'Did the migration lose or change this offer\'s data?');
  }
});

Then('ce que la plateforme montre du compte de test est ce que contiennent ses bases de données', async function (this: HarnessWorld) {
  const { account, offer } = referenceOf(this);
  const customer = this.customers.get(testAccountName) ?? await designatedCustomer(this, account, { label: false });
  const api = await readAccountThroughApi(customer.api);
  const stored = await readAccountFromDatabases(this.environment.databases, api.customerId);
  const version = this.environment.platform.expectedVersion;
  if (stored.version !== version) throw new ProductAssertionError(`[data] the databases hold the ${stored.version} schema, but the platform is expected on ${version}`);
  const problems = databaseProblems(api, stored, version);
  if (problems.length > 0) throw new ProductAssertionError(`[data] the platform's API and its databases disagree about ${aboutAccount(this, account, offer)}: ${problems.join('; ')}`);
});

function referenceOf(world: HarnessWorld): ReferenceAccount & { offer: Offer } {
  const found = referenceAccounts.get(world);
  if (!found) throw new Error('the scenario has no test account with reference data yet; add a step "le compte de test de la marque ... avec ses données de référence de l\'offre ..." first');
  return found;
}

function catalogEntry<T extends { id: string }>(entries: T[], id: string, file: string): T {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new ConfigurationError(`the smoke pass's local test account needs "${id}" in catalog/data/${file}`);
  return found;
}

// The smoke pass's checks, safe on production: the back office, a test camera of each generation, an alarm to the
// monitoring centre, the test accounts' data. Each scenario's test camera, back office and reference account are kept
// here between its steps; the polling and parsing are the drivers'.

import type { Offer, WhiteLabel } from '../../catalog/index.ts';
import {
  databaseProblems, eventIdsOf, expiredRecordings, instanceHealthProblems, ModulesApi, readAccountFromDatabases, readAccountThroughApi, referenceProblems,
  waitForDeviceSeenSince, waitForMonitoringOutcome, type BackOffice,
} from '../../drivers/index.ts';
import { ConfigurationError, ProductAssertionError } from '../../lib/errors.ts';
import { generationTraits } from '../../simulators/index.ts';
import {
  connectCamera, designatedCameraOfBrand, designatedCameraOfGeneration, designatedCustomer, labelCustomer, localTestCamera, testAccountName,
  testAccountsFileVariable, usesDesignatedAccounts, type TestCamera,
} from './designated.ts';
import { cameraOfGeneration } from './devices.ts';
import { aboutAccount, referenceAccount, type ReferenceAccount } from './reference-data.ts';
import { supportAgent } from './space.ts';
import { describeCustomer } from './who.ts';
import type { HarnessWorld } from './world.ts';

interface SmokeState {
  backOffice?: BackOffice;
  camera?: TestCamera;
  /** The ids of the test camera's events before its alarm: the alarm is the next one. */
  eventsBefore?: Set<string>;
  reference?: ReferenceAccount & { offer: Offer };
}

const states = new WeakMap<HarnessWorld, SmokeState>();

function state(world: HarnessWorld): SmokeState {
  let found = states.get(world);
  if (!found) states.set(world, (found = {}));
  return found;
}

function need<T>(value: T | undefined, step: string): T {
  if (value === undefined) throw new Error(`the scenario has not run the step "${step}" yet; add it first`);
  return value;
}

// The back office: locally, a support agent made through the ops endpoint; elsewhere, the one the test accounts file designates.
// The check reads the instance the agent logged in on: instances of a remote platform may be different hosts, which share no cookie.
export async function logInBackOffice(world: HarnessWorld): Promise<void> {
  if (!usesDesignatedAccounts(world)) {
    state(world).backOffice = await supportAgent(world);
    return;
  }
  const agent = world.environment.supportAgent;
  if (!agent) {
    throw new ConfigurationError(`the ${world.environment.name} environment designates no back-office account for the smoke pass: write ${testAccountsFileVariable(world)} as ` +
      '{"accounts": [...the test accounts...], "supportAgent": {"email": "...", "password": "..."}} (README, "Environments")');
  }
  const backOffice = await world.backOffice();
  await backOffice.login(agent.email, agent.password);
  state(world).backOffice = backOffice;
}

export async function expectInstancesInService(world: HarnessWorld): Promise<void> {
  const backOffice = need(state(world).backOffice, 'le support connecté au back-office avec son compte désigné pour les contrôles');
  const { instances, expectedVersion } = world.environment.platform;
  const problems = instanceHealthProblems(await backOffice.instances(), instances.map((i) => i.id), expectedVersion);
  if (problems.length > 0) throw new ProductAssertionError(`[back-office] every instance must show in service on ${expectedVersion}: ${problems.join('; ')}. Did each instance restart on the new version?`);
}

// A device of each generation. Locally, a Veilis customer on Essentiel 2019 (sold since V9) with the generation's first catalog model.
export async function takeTestCameraOfGeneration(world: HarnessWorld, generation: string): Promise<void> {
  if (usesDesignatedAccounts(world)) {
    state(world).camera = await designatedCameraOfGeneration(world, generation);
    return;
  }
  const whiteLabel = catalogEntry(world.catalog.whiteLabels, 'veilis', 'white-labels.yaml');
  const offer = catalogEntry(world.catalog.offers, 'essentiel-2019', 'offers.yaml');
  state(world).camera = await localTestCamera(world, whiteLabel, offer, cameraOfGeneration(world.catalog, generation));
}

// One alarm to the monitoring centre. Locally, a customer of the brand on its first offer with remote monitoring that V9 sold too.
export async function takeMonitoredTestCamera(world: HarnessWorld, whiteLabel: WhiteLabel): Promise<void> {
  const camera = usesDesignatedAccounts(world) ? await designatedCameraOfBrand(world, whiteLabel, 'tamper', 'monitoring') : await localMonitoredCamera(world, whiteLabel);
  state(world).camera = camera;
  await connectCamera(world, camera);
}

async function localMonitoredCamera(world: HarnessWorld, whiteLabel: WhiteLabel): Promise<TestCamera> {
  const partner = world.catalog.partners.find((p) => p.id === whiteLabel.partner);
  const offer = world.catalog.offers.find((o) => o.since === 'v9' && o.modules.includes('monitoring') && partner?.offers.includes(o.id));
  if (!offer) throw new ConfigurationError(`${whiteLabel.brand} sells no V9 offer with remote monitoring (catalog/data/partners.yaml, offers.yaml): name another brand in the scenario`);
  const model = world.catalog.cameraModels.find((m) => generationTraits[m.generation].eventTypes.includes('tamper'));
  if (!model) throw new ConfigurationError('catalog/data/camera-models.yaml has no camera whose generation reports a tamper attempt');
  return localTestCamera(world, whiteLabel, offer, model);
}

export function testCamera(world: HarnessWorld): TestCamera {
  return need(state(world).camera, 'une caméra de la génération ... d\'un compte de test');
}

export async function expectTestCameraOnline(world: HarnessWorld): Promise<void> {
  const camera = testCamera(world);
  await waitForDeviceSeenSince(world.customer(camera.owner).api, camera.serial, camera.lastSeenBefore, `camera:${camera.model.name} (${camera.model.id}, generation ${camera.model.generation})`);
}

// The alarm is the next tamper event of this camera: the ones already there (earlier passes) do not count.
export async function raiseTamperAlarm(world: HarnessWorld): Promise<void> {
  const camera = testCamera(world);
  state(world).eventsBefore = await eventIdsOf(world.customer(camera.owner).api, camera.serial);
  await world.camera(camera.owner).detect('tamper');
}

export async function expectAlarmAcknowledged(world: HarnessWorld): Promise<void> {
  const camera = testCamera(world);
  const customer = world.customer(camera.owner);
  const who = describeCustomer(world.catalog, customer);
  const record = await waitForMonitoringOutcome(customer.api, camera.serial, 'tamper', state(world).eventsBefore ?? new Set(), `the test camera's owner, ${who}`);
  if (record.status !== 'acknowledged' || !record.reference) {
    throw new ProductAssertionError(`[monitoring] the monitoring centre should have acknowledged the tamper alarm of the test camera ${camera.serial} of ${who}; the platform recorded ${JSON.stringify(record)}`);
  }
  // Locally the harness also sees the centre's side: the stub must have received this camera's alarm.
  if (!usesDesignatedAccounts(world)) {
    await world.stubs.waitForRequest({ service: 'monitoring', method: 'POST', contains: camera.serial, since: world.journalMark }, 5000, () => true,
      `The platform says the monitoring centre acknowledged the alarm of ${camera.serial} (reference ${record.reference}), yet the centre's stub received nothing for it.`);
  }
}

// Data spot checks on the designated test accounts: read-only (locally, the account is made once per run first).
export async function takeReferenceAccount(world: HarnessWorld, whiteLabel: WhiteLabel, offer: Offer): Promise<void> {
  const found = await referenceAccount(world, whiteLabel, offer);
  state(world).reference = { ...found, offer };
  await labelCustomer(whiteLabel, offer);
  world.attach(`${aboutAccount(world, found.account, offer)}: reference recorded on ${found.recordedOn}${found.madeNow ? ' (made by this scenario)' : ''}; ` +
    `${found.account.reference.events.length} event(s), ${found.account.reference.recordings.length} recording(s)`, 'text/plain');
}

function referenceOf(world: HarnessWorld): ReferenceAccount & { offer: Offer } {
  return need(state(world).reference, 'le compte de test de la marque ... avec ses données de référence de l\'offre ...');
}

export async function expectReferenceDataShown(world: HarnessWorld): Promise<void> {
  const { account, offer } = referenceOf(world);
  const customer = await designatedCustomer(world, account, { label: false });
  // Retention runs by the account's clock: a reference recording older than the offer keeps it may rightly be gone.
  const accountNow = Date.parse((await new ModulesApi(customer.api, aboutAccount(world, account, offer)).state()).now);
  const keptSince = accountNow - offer.retentionDays * 86_400_000;
  const expired = expiredRecordings(account.reference, keptSince);
  if (expired.length > 0) world.attach(`Not required, past the ${offer.retentionDays}-day retention of ${offer.name} by the account's clock (${new Date(accountNow).toISOString()}): ${expired.map((r) => `${r.serial} ${r.startedAt}`).join(', ')}`, 'text/plain');
  const problems = referenceProblems(account.reference, await readAccountThroughApi(customer.api), world.environment.platform.expectedVersion, { keptSince });
  if (problems.length > 0) {
    throw new ProductAssertionError(`[data] ${aboutAccount(world, account, offer)} does not show the data recorded before: ${problems.join('; ')}. ` +
      'Did the migration lose or change this offer\'s data?');
  }
}

export async function expectApiMatchesDatabases(world: HarnessWorld): Promise<void> {
  const { account, offer } = referenceOf(world);
  const customer = world.customers.get(testAccountName) ?? await designatedCustomer(world, account, { label: false });
  const api = await readAccountThroughApi(customer.api);
  const stored = await readAccountFromDatabases(world.environment.databases, api.customerId);
  const version = world.environment.platform.expectedVersion;
  if (stored.version !== version) throw new ProductAssertionError(`[data] the databases hold the ${stored.version} schema, but the platform is expected on ${version}`);
  const problems = databaseProblems(api, stored, version);
  if (problems.length > 0) throw new ProductAssertionError(`[data] the platform's API and its databases disagree about ${aboutAccount(world, account, offer)}: ${problems.join('; ')}`);
}

function catalogEntry<T extends { id: string }>(entries: T[], id: string, file: string): T {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new ConfigurationError(`the smoke pass's local test account needs "${id}" in catalog/data/${file}`);
  return found;
}

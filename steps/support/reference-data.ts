// The data spot checks' designated test accounts: from the test accounts file on a remote environment; locally, made once per run (on V9 before the migration) and recorded in the run's private folder.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as allure from 'allure-js-commons';
import { connectAsync } from 'mqtt';
import type { CameraModel, Offer, WhiteLabel } from '../../catalog/index.ts';
import { readAccountThroughApi, referenceProblems, withParisOffset, type ReferenceExpectation } from '../../drivers/index.ts';
import type { TestAccount } from '../../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../../lib/errors.ts';
import { redactUrl } from '../../lib/url.ts';
import { retryUntil } from '../../lib/wait.ts';
import { newCustomer } from './customers.ts';
import { newDeviceSerial } from './devices.ts';
import { usesDesignatedAccounts, testAccountName, testAccountsFileVariable } from './designated.ts';
import type { HarnessWorld } from './world.ts';

/** A designated test account with its reference data, and whether the scenario made it just now (local only). */
export interface ReferenceAccount {
  account: TestAccount & { reference: ReferenceExpectation };
  /** The platform version the reference was recorded on. */
  recordedOn: string;
  madeNow: boolean;
}

/**
 * The history the local test accounts are given: one event in the first 02:30 of the night Paris clocks go back (the
 * hour V9's wall clock cannot tell apart), one in the first hour of summer time, one on a summer evening, and one now
 * (whose recording is within every offer's retention). Instants with their Paris offset.
 */
export const designedHistory: { type: 'motion' | 'sound'; at: string }[] = [
  { type: 'motion', at: '2019-10-27T02:30:00+02:00' },
  { type: 'sound', at: '2016-03-27T03:30:00+02:00' },
  { type: 'motion', at: '2014-07-14T22:15:00+02:00' },
];

/** What the platform records of a detection of an MQTT camera: a 15-second clip starting with it (docs/platform-interface.md, "Service modules"). */
const clipMs = 15_000;

/** The test account of `whiteLabel` with reference data of `offer`: the file's on a remote environment, else the one this run made (or makes now). */
export async function referenceAccount(world: HarnessWorld, whiteLabel: WhiteLabel, offer: Offer): Promise<ReferenceAccount> {
  if (usesDesignatedAccounts(world)) {
    const account = world.environment.testAccounts.find((a) => a.whiteLabel === whiteLabel.id && a.reference?.offer === offer.id);
    if (!account?.reference) {
      throw new ConfigurationError(`${testAccountsFileVariable(world)} has no test account of ${whiteLabel.brand} with reference data of the offer ${offer.name}: add to a test account with ` +
        `"whiteLabel": "${whiteLabel.id}" a "reference": {"offer": "${offer.id}", "events": [{"serial", "type", "at"}], "recordings": [{"serial", "startedAt", "durationMs"}]} ` +
        'recorded before the migration (README, "Environments")');
    }
    return { account: { ...account, reference: account.reference }, recordedOn: 'the test accounts file', madeNow: false };
  }
  const file = recordFile(whiteLabel, offer);
  const version = world.environment.platform.expectedVersion;
  if (existsSync(file)) {
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as ReferenceAccount;
    // What V10 wrote is not carried back by a rollback (the rollback gives V9 back as it was): made again on this V9.
    if (!(recorded.recordedOn === 'v10' && version === 'v9')) return { ...recorded, madeNow: false };
    world.attach(`The test account of ${whiteLabel.brand} (${offer.name}) was made on V10; the rollback to V9 does not carry V10's writes back, so it is made again on V9.`, 'text/plain');
  }
  const made = await makeReferenceAccount(world, whiteLabel, offer);
  const record: ReferenceAccount = { account: made, recordedOn: version, madeNow: true };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.tmp`, JSON.stringify(record), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return record;
}

/** Where this run keeps the local test account of a brand and offer: beside the environment file, in the run's private folder (it holds a password). */
function recordFile(whiteLabel: WhiteLabel, offer: Offer): string {
  const environmentFile = process.env['HARNESS_ENV_FILE'];
  if (!environmentFile) throw new EnvironmentError('HARNESS_ENV_FILE is not set: run the scenarios through the harness');
  return join(dirname(environmentFile), 'test-accounts', `${whiteLabel.id}--${offer.id}.json`);
}

/**
 * Makes a test account of the brand and offer with an MQTT 3.1.1 camera whose designed history is sent as the
 * camera's buffered events, without a device clock so the platform keeps their times as sent; then checks the
 * platform shows that history (else the product lost fresh data: a failure, not a reference).
 */
async function makeReferenceAccount(world: HarnessWorld, whiteLabel: WhiteLabel, offer: Offer): Promise<TestAccount & { reference: ReferenceExpectation }> {
  const customer = await newCustomer(world, testAccountName, whiteLabel, offer);
  const model = mqttCameraModel(world);
  const serial = newDeviceSerial(model.id);
  await customer.api.claimDevice({ serial, model: model.id });
  const now = Math.floor(Date.now() / 1000) * 1000;
  const history = [...designedHistory, { type: 'motion' as const, at: withParisOffset(now) }];
  await publishPastEvents(world.environment.mqttUrl, serial, history.map((e, i) => ({ eventId: `REF-${i + 1}`, type: e.type, at: e.at })));
  const reference: ReferenceExpectation = {
    offer: offer.id,
    events: history.map((e) => ({ serial, type: e.type, at: e.at })),
    recordings: offer.modules.includes('recordings') ? [{ serial, startedAt: withParisOffset(now), durationMs: clipMs }] : [],
  };
  const version = world.environment.platform.expectedVersion;
  await retryUntil(() => readAccountThroughApi(customer.api), (view) => referenceProblems(reference, view, version).length === 0, {
    timeoutMs: 10_000,
    intervalMs: 200,
    message: (last) => `[data] the platform did not keep the history just given to the new test account of ${whiteLabel.brand} (${offer.name}): ` +
      `${last instanceof Error ? last.message : referenceProblems(reference, last as Awaited<ReturnType<typeof readAccountThroughApi>>, version).join('; ')}`,
  });
  await allure.label('deviceModel', model.id);
  return { email: customer.email, password: customer.password, whiteLabel: whiteLabel.id, devices: [{ serial, model: model.id }], reference };
}

function mqttCameraModel(world: HarnessWorld): CameraModel {
  const model = world.catalog.cameraModels.find((m) => m.generation === 'mqtt3');
  if (!model) throw new ConfigurationError('catalog/data/camera-models.yaml has no camera of generation mqtt3, which the local test accounts use');
  return model;
}

/**
 * Sends events as an MQTT 3.1.1 camera delivers buffered ones (docs/platform-interface.md, "MQTT 3.1.1 cameras"):
 * QoS 1 on `kw/cameras/<serial>/events`, client id = serial, no `clock`, so the platform keeps `at` as sent.
 */
async function publishPastEvents(brokerUrl: string, serial: string, events: { eventId: string; type: string; at: string }[]): Promise<void> {
  const client = await connectAsync(brokerUrl, { clientId: serial, protocolVersion: 4, clean: true, reconnectPeriod: 0, connectTimeout: 5000 }).catch((error: unknown) => {
    throw new EnvironmentError(`the test camera ${serial} could not connect to the MQTT broker at ${redactUrl(brokerUrl)}: ${(error as Error).message}. Is the broker running (MQTT_URL)?`, { cause: error });
  });
  try {
    for (const event of events) {
      await client.publishAsync(`kw/cameras/${serial}/events`, JSON.stringify(event), { qos: 1 }).catch((error: unknown) => {
        throw new EnvironmentError(`the broker at ${redactUrl(brokerUrl)} did not acknowledge event ${event.eventId} of the test camera ${serial}: ${(error as Error).message}`, { cause: error });
      });
    }
  } finally {
    await client.endAsync().catch(() => undefined);
  }
}

/** A check's failure names the account, its brand, partner and offer (catalog name and id), then each problem. */
export function aboutAccount(world: HarnessWorld, account: TestAccount, offer: Offer): string {
  const whiteLabel = world.catalog.whiteLabels.find((w) => w.id === account.whiteLabel);
  const partner = world.catalog.partners.find((p) => p.id === whiteLabel?.partner);
  return `the test account ${account.email} (${whiteLabel?.brand ?? account.whiteLabel}, partner ${partner?.name ?? whiteLabel?.partner ?? '?'}, offer ${offer.name} (${offer.id}))`;
}

// The smoke pass's test accounts and devices: the designated ones of a remote environment (test accounts file), or made by the scenario locally.

import * as allure from 'allure-js-commons';
import type { CameraModel, Offer, WhiteLabel } from '../../catalog/index.ts';
import { HttpAssertionError } from '../../drivers/index.ts';
import { assertWritable, type TestAccount, type TestDevice } from '../../environments/index.ts';
import { ConfigurationError, ProductAssertionError } from '../../lib/errors.ts';
import { createCamera, generationTraits, type CameraEventType, type StartedCamera } from '../../simulators/index.ts';
import { newCustomer } from './customers.ts';
import { endpointsOf, newDeviceSerial } from './devices.ts';
import type { Customer, HarnessWorld } from './world.ts';

/** The name the smoke scenarios give their test account in the World (customers, cameras). */
export const testAccountName = 'compte de test';

/** Where the environment designates its test accounts (pre-production, production): only those accounts and their devices are used. */
export function usesDesignatedAccounts(world: HarnessWorld): boolean {
  return world.environment.capabilities.accounts === 'designated';
}

/** Where a remote environment's designated accounts come from, for messages that say what to add. */
export function testAccountsFileVariable(world: HarnessWorld): string {
  return `${world.environment.name.toUpperCase()}_TEST_ACCOUNTS_FILE`;
}

/** A catalog entry by id, or a ConfigurationError naming the test accounts file that names it. */
function byId<T extends { id: string }>(world: HarnessWorld, entries: T[], id: string, what: string, where: string): T {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new ConfigurationError(`${testAccountsFileVariable(world)}: ${where} names ${what} "${id}", which the catalog does not list`);
  return found;
}

/** Logs a designated test account in (a login is its own session, which production allows) and makes it the scenario's customer. */
export async function designatedCustomer(world: HarnessWorld, account: TestAccount, options: { label: boolean } = { label: true }): Promise<Customer> {
  const name = testAccountName;
  const whiteLabel = byId(world, world.catalog.whiteLabels, account.whiteLabel, 'the white label', `the test account ${account.email}`);
  const api = world.api();
  await api.login(account.email, account.password).catch((error: unknown) => {
    throw new ProductAssertionError(`[test account] the designated test account ${account.email} (${whiteLabel.brand}) cannot log in on ${api.baseUrl}: ${(error as Error).message}. ` +
      `Is it still there, with the password ${testAccountsFileVariable(world)} gives?`, { cause: error });
  });
  const details = await api.account();
  const offer = byId(world, world.catalog.offers, details.offer, 'the offer', `the platform's answer for ${account.email}`);
  const customer: Customer = { name, email: account.email, password: account.password, phone: details.phone, whiteLabel, offer, api };
  world.customers.set(name, customer);
  if (options.label) await labelCustomer(whiteLabel, offer);
  return customer;
}

export async function labelCustomer(whiteLabel: WhiteLabel, offer: Offer): Promise<void> {
  await allure.label('partner', whiteLabel.partner);
  await allure.label('whiteLabel', whiteLabel.id);
  await allure.label('offer', offer.id);
  await allure.label('parentSuite', whiteLabel.partner);
}

/** A device of the scenario's test account, and what the platform said of it before the scenario connected it. */
export interface TestCamera {
  owner: string;
  serial: string;
  model: CameraModel;
  /** The device's last contact before the scenario, as the platform recorded it: "online now" must be newer. */
  lastSeenBefore: string | null;
}

/** The designated test camera of a generation: the first one the test accounts file lists, with its account logged in. */
export async function designatedCameraOfGeneration(world: HarnessWorld, generationName: string): Promise<TestCamera> {
  const generation = world.catalog.generations.find((g) => g.name === generationName || g.id === generationName);
  if (!generation) throw new ConfigurationError(`the scenario names camera generation "${generationName}", which catalog/data/generations.yaml does not list (known: ${world.catalog.generations.map((g) => g.name).join(', ')})`);
  const models = world.catalog.cameraModels.filter((m) => m.generation === generation.id);
  const found = findDesignated(world, (_, device) => models.some((m) => m.id === device.model));
  if (!found) {
    throw new ConfigurationError(`${testAccountsFileVariable(world)} designates no test camera of generation "${generation.name}": add to a test account ` +
      `"devices": [{"serial": "<its serial>", "model": "<one of ${models.map((m) => m.id).join(', ')}>"}] (README, "Environments")`);
  }
  return claimDesignated(world, found.account, found.device);
}

/** The designated test camera of a test account of `whiteLabel` whose generation can report `type`, its offer including `module`. */
export async function designatedCameraOfBrand(world: HarnessWorld, whiteLabel: WhiteLabel, type: CameraEventType, module: string): Promise<TestCamera> {
  const capable = (device: TestDevice): boolean => {
    const model = world.catalog.cameraModels.find((m) => m.id === device.model);
    return model !== undefined && generationTraits[model.generation].eventTypes.includes(type);
  };
  const found = findDesignated(world, (account, device) => account.whiteLabel === whiteLabel.id && capable(device));
  if (!found) {
    throw new ConfigurationError(`${testAccountsFileVariable(world)} designates no test camera of a ${whiteLabel.brand} test account that can report "${type}": add to a test account ` +
      `with "whiteLabel": "${whiteLabel.id}" "devices": [{"serial": "<its serial>", "model": "<a camera model of generation https-json, mqtt3 or mqtt5>"}] (README, "Environments")`);
  }
  const camera = await claimDesignated(world, found.account, found.device);
  const customer = world.customer(camera.owner);
  if (!customer.offer.modules.includes(module)) {
    throw new ConfigurationError(`the ${whiteLabel.brand} test account ${customer.email} of ${testAccountsFileVariable(world)} subscribes to ${customer.offer.name}, which has no "${module}" module: ` +
      `designate the camera of a test account whose offer includes it`);
  }
  return camera;
}

function findDesignated(world: HarnessWorld, accept: (account: TestAccount, device: TestDevice) => boolean): { account: TestAccount; device: TestDevice } | undefined {
  for (const account of world.environment.testAccounts) {
    const device = (account.devices ?? []).find((d) => accept(account, d));
    if (device) return { account, device };
  }
  return undefined;
}

/** Logs the test account in and makes sure it holds the device: claims it once when it does not (a write, allowed on a designated account only). */
async function claimDesignated(world: HarnessWorld, account: TestAccount, device: TestDevice): Promise<TestCamera> {
  const customer = await designatedCustomer(world, account);
  const model = byId(world, world.catalog.cameraModels, device.model, 'the camera model', `device ${device.serial}`);
  let known = (await customer.api.devices()).find((d) => d.serial === device.serial);
  if (!known) {
    assertWritable(world.environment, `claim the designated test camera ${device.serial}`, account.email);
    await customer.api.claimDevice({ serial: device.serial, model: model.id }).catch((error: unknown) => {
      if (!(error instanceof HttpAssertionError) || error.status !== 409) throw error;
      throw new ConfigurationError(`${testAccountsFileVariable(world)} designates the camera ${device.serial} for the test account ${account.email}, but another account holds it: designate a device of this account`, { cause: error });
    });
    known = { serial: device.serial, model: model.id, kind: 'camera', online: false, lastSeenAt: null };
  }
  return { owner: customer.name, serial: device.serial, model, lastSeenBefore: known.lastSeenAt };
}

/** Locally: a test account of the brand and offer made for the scenario, holding a new camera of `model` (claimed, not connected yet). */
export async function localTestCamera(world: HarnessWorld, whiteLabel: WhiteLabel, offer: Offer, model: CameraModel): Promise<TestCamera> {
  const customer = await newCustomer(world, testAccountName, whiteLabel, offer);
  world.customers.set(customer.name, customer);
  const serial = newDeviceSerial(model.id);
  await customer.api.claimDevice({ serial, model: model.id });
  return { owner: customer.name, serial, model, lastSeenBefore: null };
}

/** Connects the camera to the platform as its generation does (on the endpoints the instance advertises); the World stops it after the scenario. */
export async function connectCamera(world: HarnessWorld, camera: TestCamera): Promise<StartedCamera> {
  assertWritable(world.environment, `connect the test camera ${camera.serial}`, world.customer(camera.owner).email);
  const endpoints = await endpointsOf(world.customer(camera.owner).api);
  const started = await createCamera(camera.model, {
    serial: camera.serial,
    endpoints: { httpUrl: endpoints.httpUrl, mqtt5Url: endpoints.mqtt5Url, brokerUrl: world.environment.mqttUrl },
  }).start().catch((error: unknown) => {
    if (!(error instanceof ProductAssertionError)) throw error;
    throw new ProductAssertionError(`[camera:${camera.model.name}] the platform refused the test camera ${camera.serial} (${camera.model.id}, generation ${camera.model.generation}) as it connected: ${error.message}`, { cause: error });
  });
  world.cameras.set(camera.owner, started);
  await allure.label('deviceModel', camera.model.id);
  await allure.label('generation', camera.model.generation);
  return started;
}


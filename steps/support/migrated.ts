// Migrated customers: the designated accounts the migration carries over (pre-production's test accounts file, or this run's generated V9 customers), their devices and what they saw before.

import * as allure from 'allure-js-commons';
import type { Offer, WhiteLabel } from '../../catalog/index.ts';
import { migratedViewProblems, ModulesApi, readCustomerView } from '../../drivers/index.ts';
import type { TestAccount } from '../../environments/index.ts';
import { ConfigurationError, ProductAssertionError } from '../../lib/errors.ts';
import type { StartedCamera } from '../../simulators/index.ts';
import { connectCamera, isRemote, labelCustomer, testAccountsFileVariable } from './designated.ts';
import { aboutAccount } from './reference-data.ts';
import type { Customer, HarnessWorld } from './world.ts';

/** The designated account of the brand whose offer before the migration was `offer`, with what it saw then. */
function migratedAccountOf(world: HarnessWorld, whiteLabel: WhiteLabel, offer: Offer): TestAccount {
  const found = world.environment.testAccounts.find((a) => a.whiteLabel === whiteLabel.id && a.reference?.offer === offer.id);
  if (found) return found;
  throw new ConfigurationError(isRemote(world)
    ? `${testAccountsFileVariable(world)} has no test account of ${whiteLabel.brand} recorded with the offer ${offer.name}: add one with "whiteLabel": "${whiteLabel.id}" and its "reference" recorded before the migration (npm run record-reference)`
    : `this run designated no migrated customer of ${whiteLabel.brand} with the offer ${offer.name}: scenarios on migrated customers run in a certification plan whose V9 data was generated (npm start), after its "generate-data" step`);
}

/** Logs the migrated customer in and makes them the scenario's customer `name`, labelled as migrated. */
export async function playMigratedCustomer(world: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer): Promise<Customer> {
  const account = migratedAccountOf(world, whiteLabel, offer);
  const api = world.api();
  await api.login(account.email, account.password).catch((error: unknown) => {
    throw new ProductAssertionError(`[migrated customer] ${aboutAccount(world, account, offer)} could not log in after the migration with the password they had: ${(error as Error).message}`, { cause: error });
  });
  const details = await api.account();
  const customer: Customer = { name, email: account.email, password: account.password, phone: details.phone, whiteLabel, offer, api };
  world.customers.set(name, customer);
  world.migrated.set(name, account);
  await labelCustomer(whiteLabel, offer);
  await allure.label('accountType', details.accountType);
  await allure.label('paymentMethod', details.paymentMethod);
  await allure.label('migrated', 'true');
  return customer;
}

/** The customer finds their settings, devices, history and recordings as they were before, exactly (recordings past the offer's retention may be gone). */
export async function expectAsBeforeMigration(world: HarnessWorld, name: string): Promise<void> {
  const account = world.migrated.get(name);
  const customer = world.customer(name);
  if (!account?.reference) throw new ConfigurationError(`"${name}" is not a migrated customer with a recorded history; start the scenario with ""${name}", client migré de la marque ..."`);
  const accountNow = Date.parse((await new ModulesApi(customer.api, world.about(name)).state()).now);
  const keptSince = accountNow - customer.offer.retentionDays * 86_400_000;
  const before = { ...account.reference, ...(account.devices ? { devices: account.devices } : {}) };
  const problems = migratedViewProblems(before, await readCustomerView(customer.api), world.environment.platform.expectedVersion, { keptSince });
  if (problems.length > 0) {
    throw new ProductAssertionError(`[migrated customer] ${aboutAccount(world, account, customer.offer)} does not find what they had before the migration: ${problems.join('; ')}. ` +
      'Did the migration lose or change this customer\'s data?');
  }
}

/** The migrated customer's camera (the first their account held before the migration) comes back online as its generation does. */
export async function reconnectMigratedCamera(world: HarnessWorld, name: string): Promise<StartedCamera> {
  const account = world.migrated.get(name);
  const device = (account?.devices ?? []).map((d) => ({ device: d, model: world.catalog.cameraModels.find((m) => m.id === d.model) })).find((d) => d.model !== undefined);
  if (!account || !device?.model) throw new ConfigurationError(`the migrated customer "${name}" has no camera among their devices: designate an account that holds one`);
  const lastSeenBefore = (await world.customer(name).api.devices()).find((d) => d.serial === device.device.serial)?.lastSeenAt ?? null;
  return connectCamera(world, { owner: name, serial: device.device.serial, model: device.model, lastSeenBefore });
}

// Every hook of the steps, in one place. Scenario life cycle: a journal mark before; after: evidence on failure
// (screenshot, console, what the third parties received, trace), devices stopped, third-party faults lifted, ops undone,
// then the checks every scenario owes (test traffic marked as such, no third-party call no stub knows); a migration
// rehearsal leaves its certificate section and drops its databases.

import { After, AfterAll, Before, BeforeAll, Status } from '@cucumber/cucumber';
// Registers the Allure runtime in each worker, so steps can label results (partner, brand, offer, model).
import 'allure-cucumberjs';
import { AssertionError } from 'node:assert';
import { browserSession } from './browser.ts';
import { journalExcerpt } from './journal-excerpt.ts';
import { releaseLease } from './leases.ts';
import { closeRehearsal } from './rehearsals.ts';
import type { HarnessWorld } from './world.ts';

/** Attempts per scenario in this worker: a trace is kept on every retry, so a pass on retry still has its evidence. */
const attempts = new Map<string, number>();

Before(async function (this: HarnessWorld, { pickle }) {
  attempts.set(pickle.id, (attempts.get(pickle.id) ?? 0) + 1);
  this.pickleName = pickle.name;
  this.pickleTags = pickle.tags.map((t) => t.name);
  this.journalMark = await this.stubs.lastId();
});

// Defined first, so it runs last (Cucumber runs After hooks in reverse), even when the checks below fail: the scenario's designated accounts go back.
After(function (this: HarnessWorld) {
  for (const email of this.leases.splice(0)) releaseLease(email);
});

After(async function (this: HarnessWorld, { result, pickle, willBeRetried }) {
  const failed = result?.status === Status.FAILED;
  const evidence = await browserSession.closeScenario(this, failed || willBeRetried || (attempts.get(pickle.id) ?? 1) > 1);
  if (evidence.screenshot) this.attach(evidence.screenshot, { mediaType: 'image/png', fileName: 'screenshot.png' });
  if (failed) this.attach(evidence.consoleErrors.join('\n') || 'no console error, no uncaught exception', { mediaType: 'text/plain', fileName: 'console-errors.txt' });
  if (failed) this.attach(await journalExcerpt(this), { mediaType: 'text/plain', fileName: 'third-parties.txt' });
  if (evidence.trace) this.attach(evidence.trace, { mediaType: 'application/zip', fileName: 'playwright-trace.zip' });
  // Everything is put back even when a check below fails.
  await Promise.all([...this.cameras.values(), ...this.panels.values(), ...this.objects.values()].map((device) => device.stop()));
  for (const raw of this.rawCameras.values()) for (const connection of raw.connections) connection.drop();
  await this.thirdParties.liftAll();
  await this.ops.restore();
  // Accounts the scenario made are synthetic: their traffic must say so. A migrated customer's account is a real one, designated for tests.
  const made = [...this.customers.keys()].filter((name) => !this.migrated.has(name));
  await this.thirdParties.expectMarkedTraffic(made.map((name) => ({ name, keys: keysOf(this, name) })), this.journalMark, this.environment.runId);
  const unexpected = await this.stubs.unhandled(this.journalMark);
  if (unexpected.length > 0) {
    throw new AssertionError({ message: `the platform called third parties in a way no stub knows: ${unexpected.map((e) => `${e.method} ${e.path}`).join(', ')}. Either the platform misbehaves, or simulators/stubs lacks a handler for a real API call.` });
  }
});

After({ tags: '@migration or @rollback' }, async function (this: HarnessWorld) {
  await closeRehearsal(this);
});

// The smoke pass opens pages in every worker and is timed to its verdict: the browser starts while the first
// scenarios, which need none, run (harness/cucumber.ts asks for it).
BeforeAll(function () {
  if (process.env['HARNESS_WARM_BROWSER'] === '1') browserSession.warm();
});

AfterAll(async function () {
  await browserSession.shutdown();
});

function keysOf(world: HarnessWorld, name: string): string[] {
  const customer = world.customer(name);
  const camera = world.cameras.get(name);
  return [customer.phone, customer.email, ...(camera ? [camera.serial] : [])];
}

// Scenario life cycle: a journal mark before, and after: screenshot on failure, devices stopped, no unexpected third-party call.

import { After, AfterAll, Before, Status } from '@cucumber/cucumber';
// Registers the Allure runtime in each worker, so steps can label results (partner, brand, offer, model).
import 'allure-cucumberjs';
import { AssertionError } from 'node:assert';
import { browserSession } from './browser.ts';
import type { HarnessWorld } from './world.ts';

Before(async function (this: HarnessWorld) {
  this.journalMark = await this.stubs.lastId();
});

After(async function (this: HarnessWorld, { result }) {
  const failed = result?.status === Status.FAILED;
  const screenshot = await browserSession.closeScenario(this, failed);
  if (screenshot) this.attach(screenshot, 'image/png');
  await Promise.all([...this.cameras.values()].map((camera) => camera.stop()));
  const unexpected = await this.stubs.unhandled(this.journalMark);
  if (unexpected.length > 0) {
    throw new AssertionError({ message: `the platform called third parties in a way no stub knows: ${unexpected.map((e) => `${e.method} ${e.path}`).join(', ')}. Either the platform misbehaves, or simulators/stubs lacks a handler for a real API call.` });
  }
});

AfterAll(async function () {
  await browserSession.shutdown();
});

// Steps about the cut-over (features/migration/bascule.feature): what the cohort's devices did during the maintenance
// window, as the plan's cutover steps recorded it, checked on V10 once the window is over.

import { Given, Then } from '@cucumber/cucumber';
import * as allure from 'allure-js-commons';
import { PlatformApi, type PlatformEvent } from '../drivers/index.ts';
import type { CutoverCustomer, CutoverRecord } from '../environments/index.ts';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';
import type { HarnessWorld } from './support/world.ts';

const deliveryTimeoutMs = 20_000;
// A check that starts after that deadline still reads a few times.
const lastReadsMs = 1000;

function cohort(world: HarnessWorld): CutoverRecord {
  const record = world.environment.cutover;
  if (!record) {
    throw new ConfigurationError('this run has no cut-over cohort: the scenario runs in a certification plan whose migration phase has "cutover-start" before ' +
      'maintenance-on and "cutover-window" inside the window (harness/plans/local.yaml)');
  }
  return record;
}

/** The cohort's customer the scenario follows (set by the Given step). */
function customerOf(world: HarnessWorld): CutoverCustomer {
  const customer = (world as HarnessWorld & { cutoverCustomer?: CutoverCustomer }).cutoverCustomer;
  if (!customer) throw new ConfigurationError('no customer of the cut-over cohort chosen: start the scenario with "le client de la marque ... de la cohorte de bascule"');
  return customer;
}

/**
 * How long a check may still wait for what the window kept: every check of the cohort counts the same deadline from the
 * moment the maintenance was lifted, so a loss costs one deadline, not one per customer (from the check itself in a
 * plan that never lifted it after the window).
 */
function deliveryLeftMs(world: HarnessWorld): number {
  const reopenedAt = cohort(world).reopenedAt;
  return reopenedAt ? Math.max(Date.parse(reopenedAt) + deliveryTimeoutMs - Date.now(), lastReadsMs) : deliveryTimeoutMs;
}

/** The deadline in the words of a failure. */
function deliveryDeadline(world: HarnessWorld): string {
  const reopenedAt = cohort(world).reopenedAt;
  return reopenedAt ? `within ${deliveryTimeoutMs / 1000} s of the maintenance being lifted at ${reopenedAt}` : `within ${deliveryTimeoutMs / 1000} s`;
}

async function customerApi(world: HarnessWorld, customer: CutoverCustomer): Promise<PlatformApi> {
  const api = world.api();
  await api.login(customer.account.email, customer.account.password);
  return api;
}

Given('le client de la marque {string} de la cohorte de bascule, installé sur la V9 avant la maintenance', async function (this: HarnessWorld, brand: string) {
  const record = cohort(this);
  const customer = record.customers.find((c) => c.brand === brand);
  if (!customer) throw new ConfigurationError(`the cut-over cohort has no customer of the brand "${brand}" (it has ${record.customers.map((c) => c.brand).join(', ')}): fix the Examples table`);
  if (customer.events.length === 0) throw new ConfigurationError(`the cut-over cohort's customer of ${brand} sent nothing during the window: the plan lacks its "cutover-window" step between maintenance-on and the redeploy`);
  (this as HarnessWorld & { cutoverCustomer?: CutoverCustomer }).cutoverCustomer = customer;
  await allure.label('partner', customer.partner);
  await allure.label('whiteLabel', customer.whiteLabel);
  await allure.label('offer', customer.offer);
  await allure.label('parentSuite', customer.partner);
  const serials = new Set(customer.devices.map((d) => d.serial));
  this.attach(`${customer.brand}, ${customer.offerName}\n${customer.devices.map((d) => `${d.serial} (${d.model}, ${d.generation}): ${d.role}`).join('\n')}\n\n` +
    record.actions.filter((a) => serials.has(a.serial)).map((a) => `${a.at} ${a.serial} ${a.what}`).join('\n'), 'text/plain');
});

Then('chacune de ses caméras apparaît dans son état réel, connectée ou déconnectée', async function (this: HarnessWorld) {
  const customer = customerOf(this);
  const api = await customerApi(this, customer);
  const wanted = new Map(customer.devices.map((d) => [d.serial, d.online]));
  const describe = (devices: { serial: string; online: boolean }[]) => customer.devices.map((d) => {
    const seen = devices.find((x) => x.serial === d.serial);
    return `${d.serial} (${d.model}, ${d.role}) shows ${seen ? (seen.online ? 'connected' : 'disconnected') : 'nowhere'}, it is ${d.online ? 'connected' : 'disconnected'}`;
  }).join('; ');
  await retryUntil(() => api.devices(), (devices) => devices.length === wanted.size && devices.every((d) => wanted.get(d.serial) === d.online), {
    timeoutMs: deliveryLeftMs(this),
    intervalMs: 200,
    message: (last) => `[${customer.brand}] after the cut-over, the cameras do not show their true state ${deliveryDeadline(this)}: ${Array.isArray(last) ? describe(last) : String(last)}`,
  });
});

Then('chaque événement envoyé pendant la fenêtre apparaît une seule fois, dans l\'ordre, à son heure d\'origine', async function (this: HarnessWorld) {
  const customer = customerOf(this);
  const api = await customerApi(this, customer);
  const sent = customer.events;
  const ids = new Set(sent.map((e) => e.eventId));
  const who = `[${customer.brand}]`;
  // Waits for the last one sent, then reads once more: the broker delivers in order, so the others are in by then.
  const last = sent.at(-1)!;
  await retryUntil(() => api.events(200), (events) => events.some((e) => e.eventId === last.eventId), {
    timeoutMs: deliveryLeftMs(this),
    intervalMs: 200,
    message: (seen) => `${who} after the cut-over, the platform never showed event ${last.eventId} (${last.type}) that ${last.serial} sent during the window at ${last.at} ` +
      `(${deliveryDeadline(this)}); ` +
      `it shows ${describeEvents(seen)}. Were the events the broker kept for the instances lost?`,
  });
  const events = (await api.events(200)).sort((x, y) => Date.parse(x.occurredAt) - Date.parse(y.occurredAt));
  const problems: string[] = [];
  for (const event of sent) {
    const found = events.filter((e) => e.eventId === event.eventId);
    if (found.length !== 1) {
      problems.push(`event ${event.eventId} (${event.type}) of ${event.serial}, sent at ${event.at}, appears ${found.length} times`);
      continue;
    }
    const shown = found[0]!;
    if (Date.parse(shown.occurredAt) !== Date.parse(event.at)) problems.push(`event ${event.eventId} (${event.type}) of ${event.serial} happened at ${event.at}, the platform dates it ${shown.occurredAt}`);
    if (shown.type !== event.type) problems.push(`event ${event.eventId} of ${event.serial} is a ${event.type}, the platform shows a ${shown.type}`);
  }
  const strangers = events.filter((e) => e.eventId === undefined || !ids.has(e.eventId));
  if (strangers.length > 0) problems.push(`events no camera sent: ${describeEvents(strangers)}`);
  const order = events.filter((e) => e.eventId !== undefined && ids.has(e.eventId)).map((e) => e.eventId);
  const expectedOrder = sent.map((e) => e.eventId);
  if (problems.length === 0 && order.join(',') !== expectedOrder.join(',')) problems.push(`the events are shown in the order ${order.join(', ')}, they were sent in the order ${expectedOrder.join(', ')}`);
  if (problems.length > 0) throw new ProductAssertionError(`${who} after the cut-over, the events sent during the maintenance window are not shown exactly once, in order, at their time: ${problems.join('; ')}`);
});

Then('le centre de télésurveillance reçoit exactement {int} fois l\'alarme de la fenêtre', async function (this: HarnessWorld, times: number) {
  const customer = customerOf(this);
  const alarms = customer.events.filter((e) => e.alarm);
  if (alarms.length !== 1) throw new ConfigurationError(`the cut-over cohort's customer of ${customer.brand} raised ${alarms.length} alarms during the window, the scenario expects one`);
  if ((times === 1) !== customer.monitoring || times > 1) {
    throw new ConfigurationError(`the offer ${customer.offerName} of the cohort's ${customer.brand} customer ${customer.monitoring ? 'includes' : 'lacks'} remote monitoring (catalog/data/offers.yaml): ` +
      `the monitoring centre receives the alarm ${customer.monitoring ? 1 : 0} time(s), not ${times}; fix the Examples table`);
  }
  const alarm = alarms[0]!;
  const what = `[${customer.brand}] the ${alarm.type} alarm ${alarm.eventId} that ${alarm.serial} raised during the maintenance window`;
  const query = { service: 'monitoring', method: 'POST', contains: alarm.eventId };
  if (times === 1) {
    await this.stubs.waitForRequest(query, deliveryLeftMs(this), () => true, `${what} never reached the monitoring centre after the cut-over (${deliveryDeadline(this)}).`);
    await this.stubs.expectOnlyOne(query, () => true, what);
  }
  const serials = customer.devices.map((d) => d.serial);
  const all = (await this.stubs.entries({ service: 'monitoring', method: 'POST' })).filter((e) => serials.some((s) => e.rawBody.includes(s)));
  if (all.length !== times) {
    throw new ProductAssertionError(`[${customer.brand}] the monitoring centre received ${all.length} alarm(s) from the customer's cameras, expected ${times} (${what}): ` +
      (all.map((e) => e.rawBody.slice(0, 160)).join(' | ') || 'none'));
  }
});

function describeEvents(events: unknown): string {
  if (!Array.isArray(events)) return String(events);
  return events.length === 0 ? 'none' : (events as PlatformEvent[]).map((e) => `${e.serial} ${e.eventId ?? `(no device id: platform event ${e.id})`} ${e.type} at ${e.occurredAt}`).join(', ');
}

// Steps about the cut-over (features/migration/bascule.feature): what the cohort's devices did during the maintenance
// window, as the plan's cutover steps recorded it, checked on V10 once the window is over.

import { Given, Then } from '@cucumber/cucumber';
import { PlatformApi, type PlatformEvent } from '../drivers/index.ts';
import type { CutoverRecord } from '../environments/index.ts';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';
import type { HarnessWorld } from './support/world.ts';

const deliveryTimeoutMs = 20_000;

function cohort(world: HarnessWorld): CutoverRecord {
  const record = world.environment.cutover;
  if (!record) {
    throw new ConfigurationError('this run has no cut-over cohort: the scenario runs in a certification plan whose migration phase has "cutover-start" before ' +
      'maintenance-on and "cutover-window" inside the window (harness/plans/local.yaml)');
  }
  if (record.events.length === 0) throw new ConfigurationError('the cut-over cohort sent nothing during the window: the plan lacks its "cutover-window" step between maintenance-on and the redeploy');
  return record;
}

async function cohortApi(world: HarnessWorld, record: CutoverRecord): Promise<PlatformApi> {
  const api = world.api();
  await api.login(record.account.email, record.account.password);
  return api;
}

Given('les appareils de la cohorte de bascule, installés sur la V9 avant la maintenance', function (this: HarnessWorld) {
  const record = cohort(this);
  this.attach(`${record.devices.map((d) => `${d.serial} (${d.model}, ${d.generation}): ${d.role}`).join('\n')}\n\n${record.actions.map((a) => `${a.at} ${a.serial} ${a.what}`).join('\n')}`, 'text/plain');
});

Then('chaque appareil de la cohorte apparaît dans son état réel, connecté ou déconnecté', async function (this: HarnessWorld) {
  const record = cohort(this);
  const api = await cohortApi(this, record);
  const wanted = new Map(record.devices.map((d) => [d.serial, d.online]));
  const describe = (devices: { serial: string; online: boolean }[]) => record.devices.map((d) => {
    const seen = devices.find((x) => x.serial === d.serial);
    return `${d.serial} (${d.model}, ${d.role}): ${seen ? (seen.online ? 'connected' : 'disconnected') : 'missing'}, really ${d.online ? 'connected' : 'disconnected'}`;
  }).join('; ');
  await retryUntil(() => api.devices(), (devices) => devices.length === wanted.size && devices.every((d) => wanted.get(d.serial) === d.online), {
    timeoutMs: deliveryTimeoutMs,
    intervalMs: 200,
    message: (last) => `after the cut-over, the devices do not show their true state: ${Array.isArray(last) ? describe(last) : String(last)}`,
  });
});

Then('chaque événement envoyé pendant la fenêtre apparaît une seule fois, dans l\'ordre, à son heure d\'origine', async function (this: HarnessWorld) {
  const record = cohort(this);
  const api = await cohortApi(this, record);
  const sent = record.events;
  const ids = new Set(sent.map((e) => e.eventId));
  // Waits for the last one sent, then reads once more: what the broker delivers is in order, so all are in by then.
  const last = sent.at(-1)!;
  const mine = async (): Promise<PlatformEvent[]> => (await api.events(200)).filter((e) => record.devices.some((d) => d.serial === e.serial));
  await retryUntil(mine, (events) => events.some((e) => eventIdOf(e) === last.eventId), {
    timeoutMs: deliveryTimeoutMs,
    intervalMs: 200,
    message: (seen) => `after the cut-over, the platform never showed event ${last.eventId} (${last.type}) that ${last.serial} sent during the window at ${last.at}; ` +
      `it shows ${describeEvents(seen)}. Were the events the broker kept for the instances lost?`,
  });
  const events = (await mine()).sort((x, y) => Date.parse(x.occurredAt) - Date.parse(y.occurredAt));
  const problems: string[] = [];
  for (const event of sent) {
    const found = events.filter((e) => eventIdOf(e) === event.eventId);
    if (found.length !== 1) {
      problems.push(`event ${event.eventId} (${event.type}) of ${event.serial}, sent at ${event.at}, appears ${found.length} times`);
      continue;
    }
    const shown = found[0]!;
    if (Date.parse(shown.occurredAt) !== Date.parse(event.at)) problems.push(`event ${event.eventId} (${event.type}) of ${event.serial} happened at ${event.at}, the platform dates it ${shown.occurredAt}`);
    if (shown.type !== event.type) problems.push(`event ${event.eventId} of ${event.serial} is a ${event.type}, the platform shows a ${shown.type}`);
  }
  const strangers = events.filter((e) => !ids.has(eventIdOf(e)));
  if (strangers.length > 0) problems.push(`events no cohort device sent: ${describeEvents(strangers)}`);
  const order = events.filter((e) => ids.has(eventIdOf(e))).map(eventIdOf);
  const expectedOrder = sent.map((e) => e.eventId);
  if (problems.length === 0 && order.join(',') !== expectedOrder.join(',')) problems.push(`the events are shown in the order ${order.join(', ')}, they were sent in the order ${expectedOrder.join(', ')}`);
  if (problems.length > 0) throw new ProductAssertionError(`after the cut-over, the events sent during the maintenance window are not delivered exactly once, in order, at their time: ${problems.join('; ')}`);
});

Then('le centre de télésurveillance reçoit chaque alarme de la fenêtre une seule fois', async function (this: HarnessWorld) {
  const record = cohort(this);
  const alarms = record.events.filter((e) => e.alarm);
  if (alarms.length === 0) throw new ConfigurationError('the cut-over cohort raised no alarm during the window: nothing to check at the monitoring centre');
  for (const alarm of alarms) {
    await this.stubs.waitForRequest({ service: 'monitoring', method: 'POST', contains: alarm.eventId }, deliveryTimeoutMs, () => true,
      `the ${alarm.type} alarm ${alarm.eventId} that ${alarm.serial} raised during the maintenance window never reached the monitoring centre after the cut-over.`);
    await this.stubs.expectOnlyOne({ service: 'monitoring', method: 'POST', contains: alarm.eventId }, () => true, `the ${alarm.type} alarm ${alarm.eventId} that ${alarm.serial} raised during the maintenance window`);
  }
  const serials = record.devices.map((d) => d.serial);
  const all = (await this.stubs.entries({ service: 'monitoring', method: 'POST' })).filter((e) => serials.some((s) => e.rawBody.includes(s)));
  if (all.length !== alarms.length) {
    throw new ProductAssertionError(`the monitoring centre received ${all.length} alarm(s) of the cut-over cohort, the devices raised ${alarms.length} (${alarms.map((a) => `${a.serial} ${a.eventId}`).join(', ')}): ` +
      all.map((e) => e.rawBody.slice(0, 160)).join(' | '));
  }
});

/** The device's own id of an event, as V10 shows it. */
function eventIdOf(event: PlatformEvent): string {
  return event.eventId ?? `(no device id: platform event ${event.id})`;
}

function describeEvents(events: unknown): string {
  if (!Array.isArray(events)) return String(events);
  return events.length === 0 ? 'none' : (events as PlatformEvent[]).map((e) => `${e.serial} ${eventIdOf(e)} ${e.type} at ${e.occurredAt}`).join(', ');
}

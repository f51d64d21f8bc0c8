// Installing a scenario's devices on the platform (claim, then start the simulator on the endpoints the platform advertises) and checking what they show.

import { randomBytes } from 'node:crypto';
import * as allure from 'allure-js-commons';
import type { CameraModel, Catalog } from '../../catalog/index.ts';
import { discoverDeviceEndpoints, readLiveFrames, type DeviceEndpoints, type LiveFrame, type PlatformApi } from '../../drivers/index.ts';
import { ConfigurationError, ProductAssertionError } from '../../lib/errors.ts';
import {
  ConnectedObject, connectThenFallSilent, createCamera, parseFrameComment, sendEventsWithoutId, sendEventWithForgedToken, startPanel, uploadCutShort, uploadUnreadableTimes, withDeadline,
  type DetectedEvent, type RawMqtt5Camera, type Dc09Settings, type ObjectEvent, type PanelEventType, type StartedCamera, type StartedObject, type StartedPanel,
} from '../../simulators/index.ts';
import type { HarnessWorld } from './world.ts';

const endpointsByInstance = new Map<string, Promise<DeviceEndpoints>>();

/** The device endpoints of the instance this API client talks to (asked once per worker). */
export function endpointsOf(api: PlatformApi): Promise<DeviceEndpoints> {
  let found = endpointsByInstance.get(api.baseUrl);
  if (!found) {
    found = discoverDeviceEndpoints(api);
    found.catch(() => endpointsByInstance.delete(api.baseUrl));
    endpointsByInstance.set(api.baseUrl, found);
  }
  return found;
}

/** A serial unique to this run, readable in reports: the model's id, then random hex. */
export function newDeviceSerial(modelId: string): string {
  return `${modelId.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 20)}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** The customer claims a camera of `model`, which then connects as its generation does. */
export async function installCamera(world: HarnessWorld, owner: string, model: CameraModel): Promise<StartedCamera> {
  const { api } = world.customer(owner);
  const serial = newDeviceSerial(model.id);
  await api.claimDevice({ serial, model: model.id });
  const endpoints = await endpointsOf(api);
  const camera = await createCamera(model, {
    serial,
    endpoints: { httpUrl: endpoints.httpUrl, mqtt5Url: endpoints.mqtt5Url, brokerUrl: world.environment.mqttUrl },
  }).start().catch((error: unknown) => {
    // The platform refused the camera's hello (its keep-alive, token or connection): say which model it refuses.
    if (!(error instanceof ProductAssertionError)) throw error;
    throw new ProductAssertionError(`[camera:${model.name}] the platform refused camera ${serial} (${model.id}, ${model.generation}) as it came into service: ${error.message}`, { cause: error });
  });
  await allure.label('deviceModel', model.id);
  await allure.label('generation', model.generation);
  return camera;
}

/** `count` motions, one after the other. */
export async function detectMotions(camera: StartedCamera, count: number): Promise<DetectedEvent[]> {
  const events: DetectedEvent[] = [];
  for (let i = 0; i < count; i++) events.push(await camera.detectMotion());
  return events;
}

/** Reads `count` frames of the camera's live view through the platform, as the customer's player does. */
export function watchLive(world: HarnessWorld, owner: string, count: number): Promise<LiveFrame[]> {
  const { api } = world.customer(owner);
  const serial = world.camera(owner).serial;
  return readLiveFrames(`${api.baseUrl}/api/devices/${encodeURIComponent(serial)}/live?frames=${count}`, { token: api.token ?? '', frames: count });
}

/** Every frame is the camera's own picture, each one newer than the last and taken about now by the camera's clock. */
export function expectFramesOf(camera: StartedCamera, frames: LiveFrame[]): void {
  const who = `[camera:${camera.model.name} ${camera.serial}]`;
  const identities = frames.map((frame) => parseFrameComment(frame.comment ?? ''));
  identities.forEach((identity, index) => {
    if (identity?.serial !== camera.serial) {
      throw new ProductAssertionError(`${who} live view frame ${index + 1} is not this camera's picture: its comment says ${JSON.stringify(frames[index]?.comment ?? null)}. Does the platform relay another camera's stream?`);
    }
    if (Math.abs(Date.parse(identity.at) - Date.now()) > 60_000) {
      throw new ProductAssertionError(`${who} live view frame ${index + 1} was taken at ${identity.at}, not now: the platform relays a stale picture`);
    }
  });
  const indexes = identities.map((identity) => identity?.index ?? 0);
  if (indexes.some((value, i) => i > 0 && value <= (indexes[i - 1] ?? 0))) {
    throw new ProductAssertionError(`${who} live view frames do not move on (frame numbers ${indexes.join(', ')}): the picture is frozen`);
  }
}

/** A catalog entry by its name (or id), or a ConfigurationError naming the catalog file and the known names. */
export function catalogEntry<T extends { id: string; name: string }>(entries: T[], name: string, what: string, file: string): T {
  const found = entries.find((entry) => entry.name === name || entry.id === name);
  if (found) return found;
  throw new ConfigurationError(`the scenario names ${what} "${name}", which catalog/data/${file} does not list (known: ${entries.map((e) => e.name).join(', ')})`);
}

/** A DC-09 panel's serial is its account number: `digits` hex digits, 3 to 16 (SIA DC-09 5.5.1.6); 10 by default. */
export function newPanelSerial(digits = 10): string {
  return randomBytes(8).toString('hex').toUpperCase().slice(0, digits);
}

/** How a scenario sets a panel up beyond its model and link: DC-09 settings, the account's length, and whether a customer claims it. */
export interface PanelInstall extends Dc09Settings {
  accountDigits?: number;
  /** False: the panel transmits without any customer having claimed it. */
  claimed?: boolean;
}

export async function installPanel(world: HarnessWorld, owner: string, modelName: string, link: string, o: PanelInstall = {}): Promise<StartedPanel> {
  const model = catalogEntry(world.catalog.alarmPanels, modelName, 'the alarm panel', 'alarm-panels.yaml');
  const transport = link.toLowerCase();
  if (transport !== 'tcp' && transport !== 'udp' && transport !== 'mqtt') throw new ConfigurationError(`the scenario says the panel transmits over "${link}"; say TCP, UDP or MQTT`);
  const { api } = world.customer(owner);
  const serial = newPanelSerial(o.accountDigits);
  if (o.claimed !== false) await api.claimDevice({ serial, model: model.id });
  const endpoints = await endpointsOf(api);
  const { keyBits, receiverNumber, linePrefix } = o;
  const settings = { ...(keyBits ? { keyBits } : {}), ...(receiverNumber ? { receiverNumber } : {}), ...(linePrefix ? { linePrefix } : {}) };
  const panel = await startPanel(model, serial, { dc09: endpoints.dc09, brokerUrl: world.environment.mqttUrl }, transport === 'udp' ? 'udp' : 'tcp', settings);
  await allure.label('deviceModel', model.id);
  return panel;
}

/** What the French scenario says the panel signals, as the panel's event type. */
export const panelEventsInFrench: Record<string, PanelEventType> = {
  'une intrusion': 'intrusion', 'un incendie': 'fire', 'un sabotage': 'tamper', 'une batterie faible': 'low-battery',
  'une coupure secteur': 'mains-loss', 'sa mise en service': 'arm', 'sa mise à l\'arrêt': 'disarm',
  'son test périodique': 'periodic-test', 'la fin de l\'intrusion': 'intrusion-restore', 'la fin de l\'incendie': 'fire-restore',
  'la fin du sabotage': 'tamper-restore', 'le retour du secteur': 'mains-restore',
};

export function panelEvent(words: string): PanelEventType {
  const type = panelEventsInFrench[words];
  if (type === undefined) throw new ConfigurationError(`the scenario says the panel signals "${words}"; known: ${Object.keys(panelEventsInFrench).join(', ')}`);
  return type;
}

/** `count` reports of the same alarm, one after the other. */
export async function reportMany(panel: StartedPanel, type: PanelEventType, count: number): Promise<void> {
  await acknowledged(panel, async () => {
    for (let i = 0; i < count; i++) await panel.report(type, i + 1);
  });
}

/**
 * Runs the panel's exchange with the receiver. The panel sets its clock by every NAK (SIA DC-09 5.5.3.2), so a receiver
 * that NAKs it until the panel gives up refuses its timestamps whatever they say: the product's defect, not the environment's.
 */
export async function acknowledged<T>(panel: StartedPanel, exchange: () => Promise<T>): Promise<T> {
  const naksBefore = panel.counters.naks;
  try {
    return await exchange();
  } catch (error) {
    const naks = panel.counters.naks - naksBefore;
    if (naks === 0) throw error;
    throw new ProductAssertionError(`[panel:${panel.model.name} ${panel.serial}] the receiver answered NAK ${naks} time(s) and never ACK, although the panel ` +
      `set its clock by the receiver's time after each NAK (SIA DC-09 5.5.3.2): it refuses the timestamps of ${panel.model.name} (${panel.model.id}) panels. ${(error as Error).message}`, { cause: error });
  }
}

export async function installObject(world: HarnessWorld, owner: string, modelName: string): Promise<StartedObject> {
  const model = catalogEntry(world.catalog.objects, modelName, 'the connected object', 'objects.yaml');
  const { api } = world.customer(owner);
  const serial = newDeviceSerial(model.id);
  await api.claimDevice({ serial, model: model.id });
  const object = await new ConnectedObject({ serial, model, brokerUrl: world.environment.mqttUrl }).start();
  await allure.label('deviceModel', model.id);
  return object;
}

/** `count` triggers, one after the other. */
export async function triggerMany(object: StartedObject, count: number): Promise<ObjectEvent[]> {
  const events: ObjectEvent[] = [];
  for (let i = 0; i < count; i++) events.push(await object.trigger());
  return events;
}

/** The event type the object's trigger reports. */
export function triggerType(object: StartedObject): string {
  return objectTriggers[object.model.kind] ?? 'motion';
}

const objectTriggers: Record<string, string> = {
  'door-contact': 'door-open', 'motion-detector': 'motion', 'smoke-detector': 'smoke', 'temperature-sensor': 'temperature-alert', 'panic-button': 'panic', 'water-leak': 'water-leak',
};

/** The first catalog camera model of a generation, by the generation's name or id. */
export function cameraOfGeneration(catalog: Catalog, generation: string): CameraModel {
  const found = catalog.generations.find((g) => g.name === generation || g.id === generation);
  const model = found && catalog.cameraModels.find((m) => m.generation === found.id);
  if (!model) throw new ConfigurationError(`no camera model of generation "${generation}" in catalog/data/camera-models.yaml (generations: ${catalog.generations.map((g) => g.name).join(', ')})`);
  return model;
}

/** The customer claims an MQTT 5 camera of `model` that connects (will "offline", status "online" in the same write) then says nothing more. */
export async function plugSilentCamera(world: HarnessWorld, owner: string, model: CameraModel, keepAliveS: number): Promise<void> {
  if (model.generation !== 'mqtt5') throw new ConfigurationError(`a camera silent after its CONNECT is an MQTT 5 camera; "${model.name}" is ${model.generation}`);
  const { api } = world.customer(owner);
  const serial = newDeviceSerial(model.id);
  await api.claimDevice({ serial, model: model.id });
  const { mqtt5Url } = await endpointsOf(api);
  const connection = await connectThenFallSilent(mqtt5Url, serial, keepAliveS);
  world.rawCameras.set(owner, { serial, mqtt5Url, connections: [connection] });
  await expectAccepted(connection, serial);
}

/** The same camera opens a second connection (same client id) while the first is still open. */
export async function reconnectAlongside(world: HarnessWorld, owner: string, keepAliveS: number): Promise<void> {
  const raw = rawCamera(world, owner);
  const connection = await connectThenFallSilent(raw.mqtt5Url, raw.serial, keepAliveS);
  raw.connections.push(connection);
  await expectAccepted(connection, raw.serial);
}

export function rawCamera(world: HarnessWorld, owner: string): { serial: string; mqtt5Url: string; connections: RawMqtt5Camera[] } {
  const found = world.rawCameras.get(owner);
  if (!found) throw new ConfigurationError(`"${owner}" has no camera silent after its connection; add a step ""${owner}" branche une caméra ... qui se tait dès sa connexion" first`);
  return found;
}

async function expectAccepted(connection: RawMqtt5Camera, serial: string): Promise<void> {
  const refused = (why: string) => new ProductAssertionError(`[camera ${serial} (MQTT 5)] the platform should accept its CONNECT (CONNACK 0); it answered ${why}`);
  const code = await withDeadline(connection.connack, 5000, () => refused('no CONNACK within 5 s'));
  if (code !== 0) throw refused(`0x${code.toString(16)}`);
}

/**
 * The platform ends connection number `index` (1: the first) with a DISCONNECT of `reasonCode` within `waitMs` from now, and
 * (when given) between `openFromMs` and `openToMs` after that connection opened.
 */
export async function expectEndedBy(world: HarnessWorld, owner: string, index: number, reasonCode: number, why: string, o: { waitMs: number; openFromMs?: number; openToMs?: number }): Promise<void> {
  const raw = rawCamera(world, owner);
  const connection = raw.connections[index - 1];
  if (!connection) throw new ConfigurationError(`"${owner}"'s camera has ${raw.connections.length} connection(s), not ${index}`);
  const who = `[camera ${raw.serial} (MQTT 5), connection ${index}]`;
  const expected = `DISCONNECT 0x${reasonCode.toString(16)}`;
  const ending = await withDeadline(connection.ended, o.waitMs, () => new ProductAssertionError(`${who} the platform should close this connection ${why} (${expected}); it is still open ${o.waitMs} ms later`));
  const from = o.openFromMs ?? 0;
  const to = o.openToMs ?? Number.POSITIVE_INFINITY;
  if (ending.reasonCode !== reasonCode || ending.afterMs < from || ending.afterMs > to) {
    const said = ending.reasonCode === undefined ? 'without a DISCONNECT' : `with DISCONNECT 0x${ending.reasonCode.toString(16)}`;
    const when = o.openToMs === undefined ? '' : ` ${from} to ${to} ms after it opened`;
    throw new ProductAssertionError(`${who} the platform should close this connection ${why} (${expected})${when}; it closed it ${said} ${ending.afterMs} ms after it opened`);
  }
}

/** The HTTP-push camera uploads a snapshot cut short before its closing boundary: the platform must answer, with a 400. */
export async function expectCutShortUploadRefused(world: HarnessWorld, owner: string): Promise<void> {
  const camera = world.camera(owner);
  const { httpUrl } = await endpointsOf(world.customer(owner).api);
  const who = `[camera:${camera.model.name} ${camera.serial}]`;
  const answer = await uploadCutShort(httpUrl, camera.serial, 5000).catch((error: unknown) => {
    throw new ProductAssertionError(`${who} the platform did not answer a snapshot upload cut short before its closing boundary (${(error as Error).message}): does it loop on the body?`, { cause: error });
  });
  if (answer.status !== 400 || !answer.text.includes('closing boundary')) {
    throw new ProductAssertionError(`${who} an upload cut short before its closing boundary should be refused with a 400 naming the missing boundary; the platform answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  }
}

/** An HTTP-push camera's detections whose time, then clock, cannot be read: each refused with a 400 naming the field. */
export async function expectUnreadableTimesRefused(world: HarnessWorld, owner: string): Promise<void> {
  const camera = world.camera(owner);
  if (camera.model.generation !== 'http-push') throw new ConfigurationError(`the camera of "${owner}" is a ${camera.model.name} (${camera.model.generation}); this step needs an HTTP-push camera, e.g. "Orion HD"`);
  const { httpUrl } = await endpointsOf(world.customer(owner).api);
  const answers = await uploadUnreadableTimes(httpUrl, camera.serial, 5000);
  const wrong = answers.map((a, i) => ({ ...a, field: i === 0 ? 'time' : 'clock' })).filter((a) => a.status !== 400 || !a.text.includes(a.field));
  if (wrong.length > 0) {
    throw new ProductAssertionError(`[camera:${camera.model.name} ${camera.serial}] a detection whose time cannot be read should be refused with a 400 naming the field; ` +
      wrong.map((a) => `with an unreadable ${a.field} the platform answered ${a.status}: ${a.text.slice(0, 160)}`).join('; '));
  }
}

/** An HTTPS/JSON camera's detection without an event id, absent then empty: each refused with a 400 naming `eventId`. */
export async function expectEventsWithoutIdRefused(world: HarnessWorld, owner: string): Promise<void> {
  const camera = world.camera(owner);
  if (camera.model.generation !== 'https-json') throw new ConfigurationError(`the camera of "${owner}" is a ${camera.model.name} (${camera.model.generation}); this step needs an HTTPS/JSON camera, e.g. "Lynx"`);
  const { httpUrl } = await endpointsOf(world.customer(owner).api);
  const answers = await sendEventsWithoutId(httpUrl, camera.serial, { model: camera.model.id, firmware: camera.firmware }, 5000);
  const wrong = answers.map((a, i) => ({ ...a, sent: i === 0 ? 'no eventId' : 'eventId ""' })).filter((a) => a.status !== 400 || !a.text.includes('eventId'));
  if (wrong.length > 0) {
    throw new ProductAssertionError(`[camera:${camera.model.name} ${camera.serial}] a detection without an event id should be refused with a 400 naming eventId; ` +
      wrong.map((a) => `with ${a.sent} the platform answered ${a.status}: ${a.text.slice(0, 160)}`).join('; '));
  }
}

/** An HTTPS/JSON camera's detection under a forged token (right length, wrong signature): refused with a 401. */
export async function expectForgedTokenRefused(world: HarnessWorld, owner: string): Promise<void> {
  const camera = world.camera(owner);
  if (camera.model.generation !== 'https-json') throw new ConfigurationError(`the camera of "${owner}" is a ${camera.model.name} (${camera.model.generation}); this step needs an HTTPS/JSON camera, e.g. "Lynx"`);
  const { httpUrl } = await endpointsOf(world.customer(owner).api);
  const answer = await sendEventWithForgedToken(httpUrl, camera.serial, { model: camera.model.id, firmware: camera.firmware }, 5000);
  if (answer.status !== 401) {
    throw new ProductAssertionError(`[camera:${camera.model.name} ${camera.serial}] a detection under a forged device token (its signature changed, its length kept) should be refused with a 401; ` +
      `the platform answered ${answer.status}: ${answer.text.slice(0, 160)}. Does V10 check the tokens' signature?`);
  }
}

/** Nothing of the customer's camera in their history (the first page, the newest 200). */
export async function expectNoCameraEvents(world: HarnessWorld, owner: string): Promise<void> {
  const camera = world.camera(owner);
  const events = (await world.customer(owner).api.events(200)).filter((e) => e.serial === camera.serial);
  if (events.length > 0) {
    throw new ProductAssertionError(`[camera:${camera.model.name} ${camera.serial}] expected nothing from this camera in the history of ${world.about(owner)}; it holds ${events.length}: ${JSON.stringify(events).slice(0, 300)}`);
  }
}

// The cut-over cohort: a customer of each partner with cameras installed on V9 before the maintenance window, acting
// during it (connecting, dropping off, reporting events and an alarm), kept running through the migration and the
// redeploy. What each device did, and when, is recorded for the scenario that checks V10 after the window
// (features/migration/bascule.feature).

import { randomBytes } from 'node:crypto';
import { loadCatalog, type CameraModel, type Catalog, type Offer, type WhiteLabel } from '../../catalog/index.ts';
import { PlatformApi } from '../../drivers/index.ts';
import type { CutoverCustomer, CutoverEvent, CutoverRecord, EnvironmentDescriptor } from '../../environments/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { retryUntil } from '../../lib/wait.ts';
import { createCamera, type StartedCamera } from '../../simulators/index.ts';

/** What each camera of a cohort customer does during the window, in the order an offer's device limit keeps them. */
const roles = [
  { key: 'A', role: 'stays connected and reports a motion, a tampering alarm and a motion', onlineBefore: true, onlineAfter: true },
  { key: 'B', role: 'drops off the network during the window', onlineBefore: true, onlineAfter: false },
  { key: 'C', role: 'is switched on during the window', onlineBefore: false, onlineAfter: true },
] as const;

/** The partner's customer of the cohort: its first white label, on an offer sold on V9, with remote monitoring when it sells one. */
export function cohortCustomerOf(catalog: Catalog, partner: string): { whiteLabel: WhiteLabel; offer: Offer; paymentMethod: string; accountType: string } {
  const whiteLabel = catalog.whiteLabels.find((w) => w.partner === partner);
  if (!whiteLabel) throw new ConfigurationError(`catalog/data/white-labels.yaml has no white label of partner ${partner}`);
  const offers = (catalog.partners.find((p) => p.id === partner)?.offers ?? []).map((id) => catalog.offers.find((o) => o.id === id)).filter((o): o is Offer => o !== undefined && o.since === 'v9');
  const offer = offers.find((o) => o.modules.includes('monitoring') && o.maxDevices >= 3) ?? [...offers].sort((x, y) => y.maxDevices - x.maxDevices)[0];
  if (!offer || offer.maxDevices < 2) throw new ConfigurationError(`partner ${partner} sells no offer on V9 with room for two cameras (catalog/data/partners.yaml, offers.yaml): the cut-over cohort needs one`);
  const paymentMethod = whiteLabel.paymentMethods.find((p) => p !== 'free-trial') ?? whiteLabel.paymentMethods[0] ?? 'card';
  const fits = (type: string): boolean => (paymentMethod === 'partner-invoice' ? type === 'partner-managed' : type !== 'partner-managed');
  const accountType = whiteLabel.accountTypes.find(fits) ?? whiteLabel.accountTypes[0] ?? 'individual';
  return { whiteLabel, offer, paymentMethod, accountType };
}

/** The least time between two events of the cohort. */
const momentGapMs = 20;

export class CutoverCohort implements AsyncDisposable {
  readonly record: CutoverRecord;
  readonly #cameras = new Map<string, StartedCamera>();
  readonly #models = new Map<string, CameraModel>();
  readonly #brokerUrl: string;
  #lastEventMs = 0;

  private constructor(record: CutoverRecord, brokerUrl: string) {
    this.record = record;
    this.#brokerUrl = brokerUrl;
  }

  /** Signs a customer of each partner up on the running (V9) platform, claims their MQTT 3.1.1 cameras and connects those online before the window. */
  static async install(environment: EnvironmentDescriptor): Promise<CutoverCohort> {
    const instance = environment.platform.instances[0];
    if (!instance) throw new ConfigurationError('the cut-over cohort needs a platform instance to sign its customers up on');
    const catalog = loadCatalog(environment.catalogDir);
    const models = catalog.cameraModels.filter((m) => m.generation === 'mqtt3');
    if (models.length === 0) throw new ConfigurationError('catalog/data/camera-models.yaml has no MQTT 3.1.1 camera (generation mqtt3) for the cut-over cohort');
    const cohort = new CutoverCohort({ customers: [], actions: [] }, environment.mqttUrl);
    const run = randomBytes(3).toString('hex').toUpperCase();
    try {
      for (const [index, partner] of catalog.partners.entries()) {
        const choice = cohortCustomerOf(catalog, partner.id);
        const account = { name: `Client bascule ${choice.whiteLabel.brand}`, email: `bascule.${run.toLowerCase()}.${index + 1}@qa.example`, password: `Qa-${randomBytes(9).toString('base64url')}` };
        const api = new PlatformApi(instance.url, { syntheticTraffic: environment.runId });
        await api.signup({ ...account, phone: `+3361${String(Date.now() % 100_000).padStart(5, '0')}${String(index).padStart(2, '0')}`, whiteLabel: choice.whiteLabel.id, accountType: choice.accountType, paymentMethod: choice.paymentMethod, offer: choice.offer.id });
        await api.login(account.email, account.password);
        const customer: CutoverCustomer = {
          partner: partner.id, whiteLabel: choice.whiteLabel.id, brand: choice.whiteLabel.brand, offer: choice.offer.id, offerName: choice.offer.name,
          monitoring: choice.offer.modules.includes('monitoring'), account, devices: [], events: [],
        };
        for (const [r, role] of roles.slice(0, Math.min(roles.length, choice.offer.maxDevices)).entries()) {
          const model = models[(index + r) % models.length]!;
          const serial = `CUT${role.key}${index + 1}-${run}`;
          await api.claimDevice({ serial, model: model.id });
          cohort.#models.set(serial, model);
          customer.devices.push({ serial, model: model.name, generation: model.generation, role: role.role, onlineBefore: role.onlineBefore, online: role.onlineAfter });
          if (role.onlineBefore) await cohort.#start(serial);
        }
        cohort.record.customers.push(customer);
      }
    } catch (error) {
      await cohort[Symbol.asyncDispose]();
      throw error;
    }
    return cohort;
  }

  /**
   * The window's moments, in order, once every instance has stepped away from the broker; for each customer: A reports
   * a motion, B drops off without a word (its last will says offline), A reports a tampering (an alarm), C is switched
   * on, A reports a motion.
   */
  async actDuringWindow(environment: EnvironmentDescriptor): Promise<void> {
    await waitUntilAway(environment);
    for (const customer of this.record.customers) {
      const [a, b, c] = customer.devices.map((d) => d.serial);
      if (!a) throw new ConfigurationError(`the cut-over cohort's customer of ${customer.brand} has no camera`);
      await this.#event(customer, a, 'motion');
      if (b) {
        this.#note(b, 'drops off the network');
        await this.#camera(b).goOffline();
      }
      await this.#event(customer, a, 'tamper');
      if (c) {
        this.#note(c, 'is switched on');
        await this.#start(c);
      }
      await this.#event(customer, a, 'motion');
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await Promise.all([...this.#cameras.values()].map((camera) => camera.stop().catch(() => undefined)));
    this.#cameras.clear();
  }

  async #start(serial: string): Promise<void> {
    const model = this.#models.get(serial);
    if (!model) throw new ConfigurationError(`no camera ${serial} in the cut-over cohort`);
    this.#cameras.set(serial, await createCamera(model, { serial, brokerUrl: this.#brokerUrl, liveView: false, heartbeatEveryMs: 0 }).start());
  }

  #camera(serial: string): StartedCamera {
    const camera = this.#cameras.get(serial);
    if (!camera) throw new ConfigurationError(`the cut-over cohort's camera ${serial} is not running`);
    return camera;
  }

  async #event(customer: CutoverCustomer, serial: string, type: 'motion' | 'tamper'): Promise<void> {
    // Each event at a moment of its own: two in the same millisecond would have no order to check.
    const previous = this.#lastEventMs;
    await retryUntil(async () => Date.now(), (now) => now >= previous + momentGapMs, { timeoutMs: 1000, intervalMs: 5, message: () => 'the clock did not move' });
    this.#lastEventMs = Date.now();
    const sent = await this.#camera(serial).detect(type);
    const event: CutoverEvent = { serial, eventId: sent.eventId, type, at: sent.at, alarm: type === 'tamper' };
    customer.events.push(event);
    this.#note(serial, `reports ${type} ${sent.eventId}`);
  }

  #note(serial: string, what: string): void {
    this.record.actions.push({ at: new Date().toISOString(), serial, what });
  }
}

/** The window starts when no instance takes device messages any more: each says `mqtt: paused` in its /health. */
async function waitUntilAway(environment: EnvironmentDescriptor, timeoutMs = 15_000): Promise<void> {
  for (const instance of environment.platform.instances) {
    const api = new PlatformApi(instance.url);
    await retryUntil(async () => (await api.health()) as unknown as { mqtt?: unknown }, (health) => health.mqtt === 'paused', {
      timeoutMs,
      intervalMs: 100,
      message: (last) => `instance ${instance.id} still takes device messages ${timeoutMs / 1000} s after the maintenance was switched on (its /health says mqtt: ` +
        `${JSON.stringify((last as { mqtt?: unknown } | undefined)?.mqtt ?? last)}): what devices send during the window would be written behind the backup's back`,
    });
  }
}

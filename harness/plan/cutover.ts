// The cut-over cohort: devices installed on V9 before the maintenance window, acting during it (connecting, dropping
// off, reporting events and an alarm), kept running through the migration and the redeploy. What each device did, and
// when, is recorded for the scenario that checks V10 after the window (features/migration/bascule.feature).

import { randomBytes } from 'node:crypto';
import { loadCatalog, type CameraModel } from '../../catalog/index.ts';
import { PlatformApi } from '../../drivers/index.ts';
import type { CutoverDevice, CutoverEvent, CutoverRecord, EnvironmentDescriptor } from '../../environments/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import { retryUntil } from '../../lib/wait.ts';
import { createCamera, type StartedCamera } from '../../simulators/index.ts';

/** The customer the cohort belongs to: an offer sold since V9 that includes the monitoring centre. */
const customer = { whiteLabel: 'alpes-securite', accountType: 'professional', paymentMethod: 'sepa', offer: 'pro-2017' } as const;

/** Each device of the cohort: its catalog model and what it does during the window. */
const roles = [
  { key: 'A', model: 'vigie-2018', role: 'stays connected and reports a motion, a tampering alarm and a motion', onlineBefore: true, onlineAfter: true },
  { key: 'B', model: 'vigie-360-2019', role: 'drops off the network during the window', onlineBefore: true, onlineAfter: false },
  { key: 'C', model: 'sentinelle-3-2020', role: 'is switched on during the window', onlineBefore: false, onlineAfter: true },
] as const;

export class CutoverCohort implements AsyncDisposable {
  readonly record: CutoverRecord;
  readonly #cameras = new Map<string, StartedCamera>();
  readonly #models = new Map<string, CameraModel>();
  readonly #brokerUrl: string;

  private constructor(record: CutoverRecord, brokerUrl: string) {
    this.record = record;
    this.#brokerUrl = brokerUrl;
  }

  /** Signs the cohort's customer up on the running (V9) platform, claims its cameras and connects those online before the window. */
  static async install(environment: EnvironmentDescriptor): Promise<CutoverCohort> {
    const instance = environment.platform.instances[0];
    if (!instance) throw new ConfigurationError('the cut-over cohort needs a platform instance to sign its customer up on');
    const catalog = loadCatalog(environment.catalogDir);
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const account = { name: 'Client de la bascule', email: `bascule.${tag.toLowerCase()}@qa.example`, password: `Qa-${randomBytes(9).toString('base64url')}` };
    const api = new PlatformApi(instance.url, { syntheticTraffic: environment.runId });
    await api.signup({ ...account, phone: `+3361${String(Date.now() % 10_000_000).padStart(7, '0')}`, ...customer });
    await api.login(account.email, account.password);
    const devices: CutoverDevice[] = [];
    const cohort = new CutoverCohort({ account, devices, events: [], actions: [] }, environment.mqttUrl);
    for (const role of roles) {
      const model = catalog.cameraModels.find((m) => m.id === role.model);
      if (!model) throw new ConfigurationError(`the cut-over cohort's camera model ${role.model} is not in catalog/data/camera-models.yaml`);
      const serial = `CUT${role.key}-${tag}`;
      await api.claimDevice({ serial, model: model.id });
      cohort.#models.set(serial, model);
      devices.push({ serial, model: model.name, generation: model.generation, role: role.role, onlineBefore: role.onlineBefore, online: role.onlineAfter });
      if (role.onlineBefore) await cohort.#start(serial);
    }
    return cohort;
  }

  /**
   * The window's moments, in order, once every instance has stepped away from the broker: A reports a motion, B drops
   * off without a word (its last will says offline), A reports a tampering (an alarm), C is switched on, A reports a motion.
   */
  async actDuringWindow(environment: EnvironmentDescriptor): Promise<void> {
    await waitUntilAway(environment);
    const [a, b, c] = this.record.devices.map((d) => d.serial);
    if (!a || !b || !c) throw new ConfigurationError('the cut-over cohort was not installed (step cutover-start before maintenance-on)');
    await this.#event(a, 'motion');
    await this.#note(b, 'drops off the network');
    await this.#camera(b).goOffline();
    await this.#event(a, 'tamper');
    await this.#note(c, 'is switched on');
    await this.#start(c);
    await this.#event(a, 'motion');
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

  async #event(serial: string, type: 'motion' | 'tamper'): Promise<void> {
    const sent = await this.#camera(serial).detect(type);
    const event: CutoverEvent = { serial, eventId: sent.eventId, type, at: sent.at, alarm: type === 'tamper' };
    this.record.events.push(event);
    await this.#note(serial, `reports ${type} ${sent.eventId}`);
  }

  async #note(serial: string, what: string): Promise<void> {
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

// The World: one scenario's handles on the platform, its customers and their devices. Behaviour lives in drivers.

import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { Offer, WhiteLabel } from '../../catalog/index.ts';
import { BackOffice, CustomerSpace, ModulesApi, PlatformApi, PlatformOps, StubJournal, ThirdParties, type HealthCounters } from '../../drivers/index.ts';
import type { TestAccount } from '../../environments/index.ts';
import type { RawMqtt5Camera, StartedCamera, StartedObject, StartedPanel } from '../../simulators/index.ts';
import { browserSession } from './browser.ts';
import { environment } from './environment.ts';
import { catalog } from './parameters.ts';
import { describeCustomer } from './who.ts';

export interface Customer {
  name: string;
  email: string;
  password: string;
  phone: string;
  whiteLabel: WhiteLabel;
  offer: Offer;
  api: PlatformApi;
}

export class HarnessWorld extends World {
  readonly environment = environment;
  readonly catalog = catalog;
  readonly stubs = new StubJournal(environment.stubsUrl);
  /** The mail, payment and AI stubs as the modules' steps see them; faults it sets are lifted after the scenario. */
  readonly thirdParties = new ThirdParties(this.stubs);
  /** Customers of the scenario, by the first name the Gherkin gives them. */
  readonly customers = new Map<string, Customer>();
  /** Each customer's camera, by the customer's first name. */
  readonly cameras = new Map<string, StartedCamera>();
  /** Each customer's alarm panel and connected object (V10), by the customer's first name; stopped after the scenario. */
  readonly panels = new Map<string, StartedPanel>();
  readonly objects = new Map<string, StartedObject>();
  /** Each customer's camera driven below the simulator (raw MQTT 5 connections, oldest first), by first name; dropped after the scenario. */
  readonly rawCameras = new Map<string, { serial: string; mqtt5Url: string; connections: RawMqtt5Camera[] }>();
  /** When the scenario started (real time): what a migrated customer's devices did before is history, not this scenario's. */
  readonly startedAt = Date.now();
  /** The designated migrated accounts the scenario plays, by the name the Gherkin gives the customer. */
  readonly migrated = new Map<string, TestAccount>();
  /**
   * Since when (epoch ms) a migrated customer's items (events, recordings) are this scenario's: `clockToleranceMs`
   * before it took their account, which the scenario before it gave back at least `handoverGapMs` earlier
   * (steps/support/leases.ts). Not the scenario's start: a scenario may wait for the account while another plays it.
   */
  readonly migratedSince = new Map<string, number>();
  /** The designated accounts this scenario leased (steps/support/leases.ts), given back after it. */
  readonly leases: string[] = [];
  /** The scenario's name and tags, as the Before hook read them from its pickle. */
  pickleName: string | undefined;
  pickleTags: string[] = [];
  /**
   * An Examples table tagged @clients-migres: the scenario's customer ("un client ... de la marque ... avec l'offre ...")
   * is a designated migrated account of that brand and offer, not a customer made on V10 for the scenario.
   */
  get onMigratedAccounts(): boolean {
    return this.pickleTags.includes('@clients-migres');
  }
  /** Counters of /health as the scenario read them before what it counts, by what they count ("sms", "monitoring:Camille"). */
  readonly countersBefore = new Map<string, HealthCounters>();
  /** Journal position when the scenario started: only later requests concern it. */
  journalMark = 0;
  /** The platform's local ops (clock, migration date, maintenance); what the scenario changes is undone after it. */
  readonly ops = new PlatformOps(environment.platform.instances[0]?.url ?? '', { allowed: environment.capabilities.testClock });
  /** Brands whose customer space the scenario opened, the last one being the one on screen. */
  readonly openedSpaces: WhiteLabel[] = [];

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** One platform API client per instance (their /health counters are each instance's own). */
  apiOfEachInstance(): PlatformApi[] {
    return environment.platform.instances.map((instance) => new PlatformApi(instance.url, { syntheticTraffic: environment.runId }));
  }

  /** A platform API client on one of the instances, in turn, marked as synthetic traffic. */
  api(): PlatformApi {
    const { instances } = environment.platform;
    const instance = instances[Math.floor(Math.random() * instances.length)] ?? instances[0];
    if (instance === undefined) throw new Error('the environment lists no platform instance');
    return new PlatformApi(instance.url, { syntheticTraffic: environment.runId });
  }

  customer(name: string): Customer {
    const found = this.customers.get(name);
    if (!found) throw new Error(`the scenario has no customer "${name}" yet; known: ${[...this.customers.keys()].join(', ') || 'none'}. Add a step "un client "${name}" de la marque ..." first.`);
    return found;
  }

  /** Who a failure message is about: 'Camille (Maisonéo Cam, partner Maisonéo, offer Intelligence 2019)'. */
  about(name: string): string {
    const account = this.migrated.get(name);
    return `${describeCustomer(this.catalog, this.customer(name))}${account ? `, the migrated account ${account.email}` : ''}`;
  }

  /** The service modules' API of a customer of the scenario (settings, billing, recordings, the account's clock). */
  modules(name: string): ModulesApi {
    const customer = this.customer(name);
    const modules = new ModulesApi(customer.api, describeCustomer(this.catalog, customer), { syntheticTraffic: environment.runId });
    if (!this.migrated.has(name)) return modules;
    // A migrated account is a real one: the customer API moves the clock of synthetic accounts only, the local ops move any
    // account's (put back after the scenario); elsewhere the ops refuse, which the Examples' @local-only tag keeps out.
    const ops = this.ops;
    return Object.assign(modules, {
      async advanceClock(minutes: number): Promise<string> {
        const { now } = await modules.state();
        return ops.setAccountClock(customer.email, new Date(Date.parse(now) + minutes * 60_000));
      },
    });
  }

  camera(owner: string): StartedCamera {
    const found = this.cameras.get(owner);
    if (!found) throw new Error(`"${owner}" has no camera in this scenario; add a step "une caméra ... installée chez "${owner}"" first.`);
    return found;
  }

  panel(owner: string): StartedPanel {
    const found = this.panels.get(owner);
    if (!found) throw new Error(`"${owner}" has no alarm panel in this scenario; add a step ""${owner}" installe une centrale ..." first.`);
    return found;
  }

  object(owner: string): StartedObject {
    const found = this.objects.get(owner);
    if (!found) throw new Error(`"${owner}" has no connected object in this scenario; add a step ""${owner}" installe l'objet ..." first.`);
    return found;
  }

  /** The customer space of a brand, in this scenario's browser context, on an instance taken in turn. */
  async brandSpace(brand: WhiteLabel): Promise<CustomerSpace> {
    const page = await browserSession.page(this);
    return new CustomerSpace(page, this.api().baseUrl, brand.id);
  }

  /** The customer space the scenario opened last. */
  async currentSpace(): Promise<CustomerSpace> {
    const brand = this.openedSpaces.at(-1);
    if (!brand) throw new Error('the scenario has opened no customer space yet; add a step such as "un client de la marque "Veilis" connecté à son espace client" first');
    return this.brandSpace(brand);
  }

  /** The back office, in this scenario's browser context, on an instance taken in turn. */
  async backOffice(): Promise<BackOffice> {
    return new BackOffice(await browserSession.page(this), this.api().baseUrl);
  }

  /** The customer space of the customer's brand, in this scenario's browser context. */
  async customerSpace(customer: Customer): Promise<CustomerSpace> {
    const page = await browserSession.page(this);
    return new CustomerSpace(page, environment.platform.instances[0]?.url ?? '', customer.whiteLabel.id);
  }
}

setWorldConstructor(HarnessWorld);

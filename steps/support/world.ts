// The World: one scenario's handles on the platform, its customers and their devices. Behaviour lives in drivers.

import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { Offer, WhiteLabel } from '../../catalog/index.ts';
import { CustomerSpace, PlatformApi, StubJournal } from '../../drivers/index.ts';
import type { StartedCamera } from '../../simulators/index.ts';
import { browserSession } from './browser.ts';
import { environment } from './environment.ts';
import { catalog } from './parameters.ts';

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
  /** Customers of the scenario, by the first name the Gherkin gives them. */
  readonly customers = new Map<string, Customer>();
  /** Each customer's camera, by the customer's first name. */
  readonly cameras = new Map<string, StartedCamera>();
  /** Journal position when the scenario started: only later requests concern it. */
  journalMark = 0;

  constructor(options: IWorldOptions) {
    super(options);
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

  camera(owner: string): StartedCamera {
    const found = this.cameras.get(owner);
    if (!found) throw new Error(`"${owner}" has no camera in this scenario; add a step "une caméra ... installée chez "${owner}"" first.`);
    return found;
  }

  /** The customer space of a brand, in this scenario's browser context, on an instance taken in turn. */
  async brandSpace(brand: WhiteLabel): Promise<CustomerSpace> {
    const page = await browserSession.page(this);
    return new CustomerSpace(page, this.api().baseUrl, brand.id);
  }

  /** The customer space of the customer's brand, in this scenario's browser context. */
  async customerSpace(customer: Customer): Promise<CustomerSpace> {
    const page = await browserSession.page(this);
    return new CustomerSpace(page, environment.platform.instances[0]?.url ?? '', customer.whiteLabel.id);
  }
}

setWorldConstructor(HarnessWorld);

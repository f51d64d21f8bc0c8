// Steps about the back office, as support staff use it: instance health after the restart, a customer's contract and devices.

import { Given, Then, When } from '@cucumber/cucumber';
import type { Offer, WhiteLabel } from '../catalog/index.ts';
import { cardProblems, expectContract, expectDevice, instanceHealthProblems, resultText, searchByNameProblems, type CustomerCard, type CustomerResult, type ExpectedCard, type ExpectedResult } from '../drivers/index.ts';
import { ConfigurationError, ProductAssertionError } from '../lib/errors.ts';
import { newCustomer } from './support/customers.ts';
import { hasAccent, playFamilyMigratedCustomer } from './support/migrated.ts';
import { contractOf, expectBackOfficeOpenOnEachInstance, supportAgent } from './support/space.ts';
import type { HarnessWorld } from './support/world.ts';

/** The last search each scenario made in the back office: what it searched and the first page it listed. */
const searches = new WeakMap<HarnessWorld, { query: string; results: CustomerResult[] }>();
/** The card each scenario opened last. */
const cards = new WeakMap<HarnessWorld, CustomerCard>();

Given('un agent du support connecté au back-office', async function (this: HarnessWorld) {
  await supportAgent(this);
});

Then('le back-office montre chaque instance de la plateforme en service sur la version attendue', async function (this: HarnessWorld) {
  const { instances, expectedVersion } = this.environment.platform;
  const problems = instanceHealthProblems(await (await this.backOffice()).instances(), instances.map((i) => i.id), expectedVersion);
  if (problems.length > 0) throw new ProductAssertionError(`[back-office] every instance must show in service on ${expectedVersion}: ${problems.join('; ')}. Did each instance restart on the new version?`);
});

Then('la fiche du client {string} au back-office montre son partenaire, son offre et ses modules', async function (this: HarnessWorld, name: string) {
  const customer = this.customer(name);
  expectContract(await (await this.backOffice()).findCustomer(customer.email), contractOf(this, customer));
});

Then('la fiche du client {string} au back-office montre sa caméra en ligne, avec son dernier signe de vie et son firmware', async function (this: HarnessWorld, name: string) {
  const camera = this.camera(name);
  expectDevice(await (await this.backOffice()).findCustomer(this.customer(name).email), { serial: camera.serial, firmware: camera.firmware });
});

When('la caméra de {string} donne signe de vie', async function (this: HarnessWorld, name: string) {
  await this.camera(name).heartbeat();
});

Then('le back-office affiche la page de maintenance, à réessayer plus tard', async function (this: HarnessWorld) {
  await (await this.backOffice()).expectMaintenancePage();
});

Then('le back-office de chaque instance est de nouveau ouvert au support client', async function (this: HarnessWorld) {
  await expectBackOfficeOpenOnEachInstance(this);
});

Given('un client {string} de la marque {marque} avec l\'offre {offre}, dont le nom porte un accent', async function (this: HarnessWorld, name: string, whiteLabel: WhiteLabel, offer: Offer) {
  if (this.onMigratedAccounts) {
    await playFamilyMigratedCustomer(this, name, whiteLabel, offer, undefined, { accentedName: true });
    return;
  }
  if (!hasAccent(name)) throw new ConfigurationError(`the scenario's customer "${name}" must have a name with an accented letter (é, è, ï, ç...): rename them in the feature file`);
  this.customers.set(name, await newCustomer(this, name, whiteLabel, offer));
});

/** The customer as the back office must list them: a migrated customer by the values recorded before the migration. */
function expectedResult(world: HarnessWorld, name: string): ExpectedResult {
  const customer = world.customer(name);
  const before = world.migrated.get(name)?.reference?.account;
  if (world.migrated.has(name) && !before) throw new ConfigurationError(`the migrated customer "${name}" (${customer.email}) has no recorded settings (reference.account): record them before the migration (npm run record-reference)`);
  return { name: before?.name ?? customer.name, email: customer.email, phone: before?.phone ?? customer.phone, brand: customer.whiteLabel.brand };
}

/** The other designated migrated accounts whose recorded name contains the query: the page must list them too. */
function designatedNamed(world: HarnessWorld, query: string, except: string): ExpectedResult[] {
  const lower = query.toLocaleLowerCase('fr');
  return world.environment.testAccounts.flatMap((a) => {
    const account = a.reference?.account;
    const brand = world.catalog.whiteLabels.find((w) => w.id === a.whiteLabel)?.brand;
    if (!account || !brand || a.email === except || !account.name.toLocaleLowerCase('fr').includes(lower)) return [];
    return [{ name: account.name, email: a.email, phone: account.phone, brand }];
  });
}

When('le support cherche {string} par son nom au back-office', async function (this: HarnessWorld, name: string) {
  const query = expectedResult(this, name).name;
  searches.set(this, { query, results: await (await this.backOffice()).search(query) });
});

Then('la première page de la recherche montre {string} une seule fois, avec son nom, son e-mail, son téléphone et sa marque, parmi les seuls clients dont le nom contient le sien, par numéro de client croissant', async function (this: HarnessWorld, name: string) {
  const search = searches.get(this);
  if (!search) throw new Error(`the scenario searched nothing yet; add a step "le support cherche "${name}" par son nom au back-office" first`);
  const sought = expectedResult(this, name);
  const problems = searchByNameProblems(search.results, search.query, sought, designatedNamed(this, search.query, sought.email));
  if (problems.length > 0) {
    throw new ProductAssertionError(`[back-office] searching "${search.query}" must list ${this.about(name)} once, as "${resultText(sought)}", and only customers of that name, by customer number; ` +
      `${problems.join('; ')} (the page lists ${search.results.length}: ${search.results.map((r) => `${r.id} ${r.text}`).join('; ') || 'none'})`);
  }
});

Then('la recherche de l\'e-mail de {string} au back-office ne montre que ce client, avec son nom, son e-mail, son téléphone et sa marque', async function (this: HarnessWorld, name: string) {
  const sought = expectedResult(this, name);
  const results = await (await this.backOffice()).search(sought.email);
  if (results.length !== 1 || results[0]?.text !== resultText(sought)) {
    throw new ProductAssertionError(`[back-office] searching the e-mail ${sought.email} must list only ${this.about(name)}, as "${resultText(sought)}"; it lists ${results.length}: ${results.map((r) => r.text).join('; ') || 'none'}`);
  }
  searches.set(this, { query: sought.email, results });
});

When('le support ouvre la fiche de {string} depuis la recherche', async function (this: HarnessWorld, name: string) {
  const search = searches.get(this);
  const email = this.customer(name).email;
  const row = search?.results.find((r) => r.text.includes(` – ${email} – `));
  if (!row) throw new ProductAssertionError(`[back-office] the search "${search?.query ?? ''}" lists no row for ${this.about(name)}: the support cannot open their card`);
  cards.set(this, await (await this.backOffice()).openCustomer(row));
});

Then('la fiche de {string} montre son nom, son e-mail, son téléphone, sa marque, son partenaire, son offre, son type de compte, ses modules et exactement ses appareils', async function (this: HarnessWorld, name: string) {
  const card = cards.get(this);
  if (!card) throw new Error(`the scenario opened no card yet; add a step "le support ouvre la fiche de "${name}" depuis la recherche" first`);
  const customer = this.customer(name);
  const before = this.migrated.get(name);
  const accountTypeId = before?.reference?.account?.accountType ?? (await customer.api.account()).accountType;
  const modelName = (id: string): string | undefined => [...this.catalog.cameraModels, ...this.catalog.alarmPanels].find((m) => m.id === id)?.name;
  // The devices the customer sees in their own account now; a migrated customer's must include every one they had before, of the same model.
  const devices = (await customer.api.devices()).map((d) => ({ serial: d.serial, online: d.online, ...(modelName(d.model) ? { model: modelName(d.model) } : {}) }));
  const lost = (before?.devices ?? []).filter((d) => !devices.some((now) => now.serial === d.serial && now.model === modelName(d.model)));
  const contract = contractOf(this, customer);
  const expected: ExpectedCard = {
    ...expectedResult(this, name), partner: contract.partner, offer: contract.offer, modules: contract.modules, devices,
    accountType: this.catalog.accountTypes.find((a) => a.id === accountTypeId)?.name ?? accountTypeId,
  };
  const problems = [...cardProblems(card, expected), ...lost.map((d) => `the device ${d.serial} (${modelName(d.model) ?? d.model}) the customer had before the migration is not theirs any more`)];
  if (problems.length > 0) throw new ProductAssertionError(`[back-office] the card of ${this.about(name)} must show exactly that customer's values and devices; it shows ${problems.join('; ')}`);
});

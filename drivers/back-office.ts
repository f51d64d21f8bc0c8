// Page object of the back office for support staff: login, customer search, a customer's card, instance health.

import type { Locator, Page } from 'playwright-core';
import { EnvironmentError, ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';

export interface InstanceHealthRow { id: string; version: string; state: string; pid: string; text: string }
/** A row of the search's results: the customer's number, the name its link shows, and the row's whole text. */
export interface CustomerResult { id: string; name: string; text: string }
export interface SupportDeviceRow { serial: string; model: string; online: boolean; lastHeartbeat: string; firmware: string; text: string }
/** A customer's card: its title (the customer's name), every field by its label ("E-mail", "Téléphone", "Type de compte"...), the contract and the devices. */
export interface CustomerCard { name: string; fields: Record<string, string>; partner: string; brand: string; offer: string; modules: string[]; devices: SupportDeviceRow[] }

export class BackOffice {
  readonly #page: Page;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;

  constructor(page: Page, baseUrl: string, options: { timeoutMs?: number } = {}) {
    this.#page = page;
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  async #goto(path: string): Promise<number> {
    const url = `${this.#baseUrl}/backoffice/${path}`;
    const response = await this.#page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.#timeoutMs }).catch((error: unknown) => {
      throw new EnvironmentError(`[back-office] could not open ${url}: ${(error as Error).message.split('\n')[0]}. Is the platform instance running?`, { cause: error });
    });
    return response?.status() ?? 0;
  }

  // Logs in on the back office's own login page and waits for its home page.
  async login(email: string, password: string): Promise<void> {
    const status = await this.#goto('login');
    if (status === 503) throw new ProductAssertionError(`[back-office] the login page answered 503, expected 200: the back office is still in maintenance ("${await this.#maintenanceText()}"). Was the maintenance switched off, and does the back office read it afresh after the restart?`);
    if (status !== 200) throw new ProductAssertionError(`[back-office] the login page answered ${status}, expected 200`);
    await this.#page.getByLabel('Adresse e-mail').fill(email, { timeout: this.#timeoutMs });
    await this.#page.getByLabel('Mot de passe').fill(password, { timeout: this.#timeoutMs });
    await this.#page.getByRole('button', { name: 'Se connecter' }).click({ timeout: this.#timeoutMs });
    const home = this.#page.getByRole('search');
    const alert = this.#page.getByRole('alert');
    await home.or(alert).first().waitFor({ timeout: this.#timeoutMs });
    if (await alert.isVisible()) throw new ProductAssertionError(`[back-office] support agent ${email} could not log in: "${(await alert.innerText()).trim()}"`);
  }

  // The instance health table of the home page.
  async instances(): Promise<InstanceHealthRow[]> {
    const status = await this.#goto('');
    if (status !== 200) throw new ProductAssertionError(`[back-office] the home page answered ${status}, expected 200`);
    return this.#page.getByTestId('instance-health').getByTestId('instance').evaluateAll((rows) => rows.map((row) => {
      const data = (row as HTMLElement).dataset;
      return { id: data['instanceId'] ?? '', version: data['version'] ?? '', state: data['state'] ?? '', pid: data['pid'] ?? '', text: (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim() };
    }));
  }

  // Searches customers with the search form; returns the results listed.
  async search(query: string): Promise<CustomerResult[]> {
    if ((await this.#page.getByRole('search').count()) === 0) await this.#goto('');
    await this.#page.getByLabel('Rechercher un client').fill(query, { timeout: this.#timeoutMs });
    await this.#page.getByRole('button', { name: 'Rechercher' }).click({ timeout: this.#timeoutMs });
    await this.#page.getByTestId('customer-results').waitFor({ state: 'attached', timeout: this.#timeoutMs });
    return this.#page.getByTestId('customer-result').evaluateAll((items) =>
      items.map((item) => ({
        id: (item as HTMLElement).dataset['customerId'] ?? '',
        name: (item.querySelector('a')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        text: (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })));
  }

  // Opens a result's card by its link and reads partner, brand, offer, modules and devices.
  async openCustomer(result: CustomerResult): Promise<CustomerCard> {
    await this.#page.getByTestId('customer-result').filter({ hasText: result.text }).first().getByRole('link').click({ timeout: this.#timeoutMs });
    const card = this.#page.getByTestId('customer-card');
    await card.waitFor({ timeout: this.#timeoutMs });
    const text = (locator: Locator) => locator.innerText({ timeout: this.#timeoutMs }).then((t) => t.trim());
    const [name, fields, partner, brand, offer, modules, devices] = await Promise.all([
      text(this.#page.getByRole('heading', { level: 1 })),
      card.evaluate((list) => Object.fromEntries([...list.querySelectorAll(':scope > dt')].map((dt) =>
        [(dt.textContent ?? '').trim(), (dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim()]))),
      text(card.getByTestId('customer-partner')), text(card.getByTestId('customer-brand')), text(card.getByTestId('customer-offer')),
      card.getByTestId('customer-modules').getByRole('listitem').allInnerTexts(),
      this.#page.getByTestId('customer-devices').getByTestId('device-status').evaluateAll((rows) => rows.map((row) => ({
        serial: (row as HTMLElement).dataset['serial'] ?? '',
        model: (row.querySelector('td')?.textContent ?? '').trim(),
        online: (row as HTMLElement).dataset['online'] === 'true',
        lastHeartbeat: (row.querySelector('[data-testid="device-last-heartbeat"]')?.textContent ?? '').trim(),
        firmware: (row.querySelector('[data-testid="device-firmware"]')?.textContent ?? '').trim(),
        text: (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      }))),
    ]);
    return { name, fields, partner, brand, offer, modules: modules.map((m) => m.trim()), devices };
  }

  // Searches the customer by e-mail and opens the one card found; fails when the search does not find exactly one.
  async findCustomer(email: string): Promise<CustomerCard> {
    const results = await this.search(email);
    const first = results[0];
    if (results.length !== 1 || !first) throw new ProductAssertionError(`[back-office] searching "${email}" must find exactly that customer; it found ${results.length}: ${results.map((r) => r.text).join('; ') || 'none'}`);
    return this.openCustomer(first);
  }

  // Expects the maintenance page: 503, a Retry-After in seconds, the maintenance message.
  async expectMaintenancePage(): Promise<void> {
    const seen = await this.openDuringMaintenance();
    if (seen.status === 503 && /^[1-9]\d*$/.test(seen.retryAfter ?? '') && seen.text.includes('Maintenance en cours')) return;
    throw new ProductAssertionError(`[back-office] during maintenance the back office must answer its maintenance page (503, Retry-After); it answered ${seen.status}, Retry-After ${JSON.stringify(seen.retryAfter)}, "${seen.text.slice(0, 120)}". Is the maintenance mode on for the back office?`);
  }

  // Opens the login page expecting the maintenance page: status, Retry-After and text.
  async openDuringMaintenance(): Promise<{ status: number; retryAfter: string | null; text: string }> {
    const response = await this.#page.goto(`${this.#baseUrl}/backoffice/login`, { waitUntil: 'domcontentloaded', timeout: this.#timeoutMs });
    return { status: response?.status() ?? 0, retryAfter: (await response?.headerValue('retry-after')) ?? null, text: await this.#maintenanceText() };
  }

  // Once the maintenance is switched off, the login page comes back (200, no maintenance notice) within `timeoutMs`.
  async expectOpenAfterMaintenance(timeoutMs = 5000): Promise<void> {
    const open = (seen: { status: number; text: string }) => seen.status === 200 && seen.text === '';
    await retryUntil(() => this.openDuringMaintenance(), open, {
      timeoutMs, intervalMs: 250,
      message: (last) => {
        const seen = last as { status?: number; text?: string } | Error;
        const what = seen instanceof Error ? `an unreadable page (${seen.message.split('\n')[0]})` : `${seen.status}${seen.text ? ` with the maintenance page "${seen.text.slice(0, 120)}"` : ''}`;
        return `[back-office] once the maintenance is switched off, the back office at ${this.#baseUrl} must open its login page again (200) within ${timeoutMs} ms; it still answers ${what}: ` +
          'the back office stays in maintenance. Does it read the maintenance switch afresh, after a restart too?';
      },
    });
  }

  async #maintenanceText(): Promise<string> {
    const section = this.#page.getByTestId('maintenance');
    return (await section.count()) > 0 ? (await section.innerText()).replace(/\s+/g, ' ').trim() : '';
  }
}

// Every instance the environment lists shows in service on the expected version, and no other instance is left behind.
export function instanceHealthProblems(rows: readonly InstanceHealthRow[], expected: readonly string[], version: string): string[] {
  const problems: string[] = [];
  for (const id of expected) {
    const row = rows.find((r) => r.id === id);
    if (!row) problems.push(`instance ${id} is missing`);
    else if (row.version !== version || row.state !== 'up') problems.push(`instance ${id}: ${row.text}`);
  }
  for (const row of rows) if (!expected.includes(row.id) && row.state === 'up') problems.push(`an unexpected instance ${row.id} is in service: ${row.text}`);
  return problems;
}

export interface ExpectedContract { customer: string; partner: string; brand: string; offer: string; modules: string[] }

// The card shows the customer's partner, brand, offer and modules (names as the catalog gives them).
export function expectContract(card: CustomerCard, expected: ExpectedContract): void {
  const problems = [
    card.partner !== expected.partner && `partner "${card.partner}" instead of "${expected.partner}"`,
    card.brand !== expected.brand && `brand "${card.brand}" instead of "${expected.brand}"`,
    card.offer !== expected.offer && `offer "${card.offer}" instead of "${expected.offer}"`,
    [...card.modules].sort().join(', ') !== [...expected.modules].sort().join(', ') && `modules ${card.modules.join(', ') || 'none'} instead of ${expected.modules.join(', ') || 'none'}`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new ProductAssertionError(`[back-office] the card of ${expected.customer} must show the contract the customer signed; it shows ${problems.join('; ')}`);
}

// The card lists the device online, with a last heartbeat (Paris time) and the firmware it runs.
export function expectDevice(card: CustomerCard, expected: { serial: string; firmware: string }): void {
  const row = card.devices.find((d) => d.serial === expected.serial);
  const problems = !row ? [`no device ${expected.serial} (it lists ${card.devices.map((d) => d.serial).join(', ') || 'none'})`] : [
    !row.online && 'offline',
    !/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/.test(row.lastHeartbeat) && `last heartbeat "${row.lastHeartbeat}"`,
    row.firmware !== expected.firmware && `firmware "${row.firmware}" instead of ${expected.firmware}`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new ProductAssertionError(`[back-office] device ${expected.serial} must show online, with its last heartbeat and firmware ${expected.firmware}; it shows ${problems.join(', ')}. Did its heartbeat reach the platform?`);
}

/** How many customers the back office's search lists on its first page (V9's and V10's). */
export const searchFirstPageSize = 50;

/** A customer as a search result shows them: "name – e-mail – phone – brand". */
export interface ExpectedResult { name: string; email: string; phone: string; brand: string }

export const resultText = (r: ExpectedResult): string => `${r.name} – ${r.email} – ${r.phone} – ${r.brand}`;

/**
 * The first page of a search by name, checked row by row: the customer sought listed exactly once, as `resultText` says;
 * every other customer known to hold a name containing the query (`alsoNamed`: the designated accounts) listed exactly
 * once too, as long as the page is not full; only customers whose name contains the query; by ascending customer number.
 */
export function searchByNameProblems(results: readonly CustomerResult[], query: string, sought: ExpectedResult, alsoNamed: readonly ExpectedResult[] = []): string[] {
  const problems: string[] = [];
  const lower = (s: string): string => s.toLocaleLowerCase('fr');
  const listed = (r: ExpectedResult): CustomerResult[] => results.filter((row) => row.text.includes(` – ${r.email} – `));
  const full = results.length >= searchFirstPageSize;
  for (const [who, r] of [['the customer sought', sought] as const, ...alsoNamed.map((a) => ['the customer', a] as const)]) {
    const rows = listed(r);
    if (rows.length === 0 && (who === 'the customer sought' || !full)) problems.push(`${who} "${resultText(r)}" is not listed`);
    else if (rows.length > 1) problems.push(`${who} ${r.email} is listed ${rows.length} times`);
    else if (rows[0] && rows[0].text !== resultText(r)) problems.push(`${who} ${r.email} is listed as "${rows[0].text}" instead of "${resultText(r)}"`);
  }
  for (const row of results) if (!lower(row.name).includes(lower(query))) problems.push(`customer ${row.id} "${row.text}" is listed, whose name does not contain "${query}"`);
  const numbers = results.map((r) => Number(r.id));
  const unordered = numbers.findIndex((n, i) => i > 0 && !(n > (numbers[i - 1] ?? 0)));
  if (unordered > 0) problems.push(`the page is not by ascending customer number: ${numbers.join(', ')} (customer ${numbers[unordered]} after ${numbers[unordered - 1]})`);
  return problems;
}

/** What a customer's card must show, by value: the contract in the catalog's names, and exactly the devices the customer has. */
export interface ExpectedCard extends ExpectedResult {
  partner: string;
  offer: string;
  accountType: string;
  modules: string[];
  /** Every device of the customer (the model by its name, when the catalog names it), in any order. */
  devices: { serial: string; model?: string; online: boolean }[];
}

export function cardProblems(card: CustomerCard, expected: ExpectedCard): string[] {
  const field = (label: string, value: string, wanted: string): string | false => value !== wanted && `${label} "${value}" instead of "${wanted}"`;
  const problems = [
    field('name', card.name, expected.name),
    field('e-mail', card.fields['E-mail'] ?? '', expected.email),
    field('phone', card.fields['Téléphone'] ?? '', expected.phone),
    field('brand', card.brand, expected.brand),
    field('partner', card.partner, expected.partner),
    field('offer', card.offer, expected.offer),
    field('account type', card.fields['Type de compte'] ?? '', expected.accountType),
    field('modules', [...card.modules].sort().join(', '), [...expected.modules].sort().join(', ')),
  ].filter((p): p is string => typeof p === 'string');
  for (const device of expected.devices) {
    const rows = card.devices.filter((d) => d.serial === device.serial);
    const row = rows[0];
    if (!row) problems.push(`no device ${device.serial}`);
    else if (rows.length > 1) problems.push(`device ${device.serial} listed ${rows.length} times`);
    else {
      if (device.model !== undefined && row.model !== device.model) problems.push(`device ${device.serial}: model "${row.model}" instead of "${device.model}"`);
      if (row.online !== device.online) problems.push(`device ${device.serial}: ${row.online ? 'online' : 'offline'} instead of ${device.online ? 'online' : 'offline'}`);
    }
  }
  for (const row of card.devices) if (!expected.devices.some((d) => d.serial === row.serial)) problems.push(`a device ${row.serial} the customer does not have ("${row.text}")`);
  return problems;
}

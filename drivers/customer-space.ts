// Page object of one white label's customer space: login, brand, devices and the event timeline, by roles, labels and test ids.

import type { Locator, Page } from 'playwright-core';
import { EnvironmentError, ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';

export interface TimelineEvent { serial: string; type: string; text: string }
export interface DeviceRow { serial: string; text: string }
export type LoginOutcome = { loggedIn: true } | { loggedIn: false; alert: string };

interface TimelineView { url: string; events: TimelineEvent[] }

export class CustomerSpace {
  readonly #page: Page;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  #whiteLabel: string | undefined;

  constructor(page: Page, baseUrl: string, whiteLabelId?: string, options: { timeoutMs?: number } = {}) {
    this.#page = page;
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#whiteLabel = whiteLabelId;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  get #label(): string {
    return `[customer-space:${this.#whiteLabel ?? '?'}]`;
  }

  // Opens the brand's login page.
  async open(whiteLabelId: string | undefined = this.#whiteLabel): Promise<void> {
    if (whiteLabelId === undefined) throw new Error('CustomerSpace.open() needs a white label id, given here or to the constructor');
    this.#whiteLabel = whiteLabelId;
    const url = `${this.#baseUrl}/space/${encodeURIComponent(whiteLabelId)}/login`;
    const response = await this.#page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.#timeoutMs }).catch((error: unknown) => {
      throw new EnvironmentError(`${this.#label} could not open ${url}: ${(error as Error).message.split('\n')[0]}. Is the platform instance running?`, { cause: error });
    });
    const status = response?.status() ?? 0;
    if (status !== 200) {
      throw new ProductAssertionError(`${this.#label} the login page ${url} answered ${status}, expected 200. Does the platform know white label "${whiteLabelId}"?`);
    }
  }

  // Logs in and waits for the dashboard; throws with the page's alert when the login is refused.
  async login(email: string, password: string): Promise<void> {
    const outcome = await this.tryLogin(email, password);
    if (!outcome.loggedIn) {
      throw new ProductAssertionError(`${this.#label} expected ${email} to reach the dashboard; the login page said: "${outcome.alert}". Was the account created on this white label?`);
    }
  }

  async tryLogin(email: string, password: string): Promise<LoginOutcome> {
    const page = this.#page;
    await page.getByLabel('Adresse e-mail').fill(email, { timeout: this.#timeoutMs });
    await page.getByLabel('Mot de passe').fill(password, { timeout: this.#timeoutMs });
    await page.getByRole('button', { name: 'Se connecter' }).click({ timeout: this.#timeoutMs });
    const alert = page.getByRole('alert');
    const dashboard = page.getByTestId('timeline').or(page.getByTestId('device-list'));
    await dashboard.or(alert).first().waitFor({ state: 'visible', timeout: this.#timeoutMs }).catch((error: unknown) => {
      throw new ProductAssertionError(`${this.#label} after "Se connecter", expected the dashboard or an alert within ${this.#timeoutMs} ms; the page is ${page.url()}`, { cause: error });
    });
    if (await alert.isVisible()) return { loggedIn: false, alert: (await alert.first().innerText()).trim() };
    return { loggedIn: true };
  }

  brandName(): Promise<string> {
    return this.#text(this.#page.getByTestId('brand-name'));
  }

  supportPhone(): Promise<string> {
    return this.#text(this.#page.getByTestId('support-phone'));
  }

  devices(): Promise<DeviceRow[]> {
    return this.#page.getByTestId('device-list').getByTestId('device').evaluateAll((rows) =>
      rows.map((row) => ({ serial: (row as HTMLElement).dataset['serial'] ?? '', text: (row.textContent ?? '').trim().replace(/\s+/g, ' ') })));
  }

  // The events the timeline shows now, newest first as the page lists them.
  timelineEvents(): Promise<TimelineEvent[]> {
    return this.#page.getByTestId('timeline').getByTestId('timeline-event').evaluateAll((items) =>
      items.map((item) => {
        const { serial = '', eventType = '' } = (item as HTMLElement).dataset;
        return { serial, type: eventType, text: (item.textContent ?? '').trim().replace(/\s+/g, ' ') };
      }));
  }

  // Reloads the dashboard until the timeline shows the event, or fails after `timeoutMs` saying what it showed.
  async waitForTimelineEvent(expected: { serial: string; type: string }, timeoutMs = this.#timeoutMs): Promise<TimelineEvent> {
    const deadline = Date.now() + timeoutMs;
    const matches = (e: TimelineEvent): boolean => e.serial === expected.serial && e.type === expected.type;
    let first = true;
    const look = async (): Promise<TimelineView> => {
      if (!first) await this.#page.reload({ waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - Date.now()) });
      first = false;
      return { url: this.#page.url(), events: await this.timelineEvents() };
    };
    const view = await retryUntil(look, (v) => v.events.some(matches), {
      timeoutMs,
      intervalMs: 250,
      message: (last) => `${this.#label} expected a "${expected.type}" event of camera ${expected.serial} in the timeline within ${timeoutMs} ms; ` +
        `${describeView(last)}. Did the event reach the platform (is its ingest for this camera's generation running), and is the camera claimed by this customer?`,
    });
    return view.events.find(matches)!;
  }

  async #text(locator: Locator): Promise<string> {
    return (await locator.innerText({ timeout: this.#timeoutMs })).trim();
  }
}

function describeView(last: unknown): string {
  if (last instanceof Error) return `the page could not be read (${last.message.split('\n')[0]})`;
  const view = last as TimelineView | undefined;
  if (view === undefined) return 'the page was never read';
  const shown = view.events.slice(0, 5).map((e) => `${e.type} ${e.serial} "${e.text}"`).join('; ');
  return `the timeline at ${view.url} shows ${view.events.length} event(s)${shown ? `: ${shown}` : ''}`;
}

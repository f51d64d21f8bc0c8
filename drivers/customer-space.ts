// Page object of one white label's customer space: login, brand, notice, pages and maintenance, by roles, labels and test ids.

import type { Locator, Page } from 'playwright-core';
import { EnvironmentError, ProductAssertionError } from '../lib/errors.ts';
import { retryUntil } from '../lib/wait.ts';

export interface TimelineEvent { serial: string; type: string; text: string }
export interface DeviceRow { serial: string; text: string }
export type LoginOutcome = { loggedIn: true } | { loggedIn: false; alert: string };
export interface BrandView { name: string; phone: string; logoAlt: string; logoSvg: string; primaryColor: string; secondaryColor: string; title: string; text: string }
export interface NoticeView { stage: string; title: string; date: string; text: string }
export interface MaintenanceView { status: number; retryAfter: string | null; brand: string; text: string }
/** The settings page: the offer it names (the form's legend) and each module it lists, in its order, with its label and switch. */
export interface ModuleSettingsView { status: number; legend: string; modules: { id: string; name: string; checked: boolean }[] }
export interface PageVisit { path: string; status: number; heading: string; brand: string; consoleErrors: string[] }

/** The member pages a customer reaches from the navigation, with the heading each must show. */
export const memberPages = [
  { path: '', link: 'Tableau de bord', heading: /^Bonjour / },
  { path: 'live', link: 'Direct', heading: /^Direct$/ },
  { path: 'events', link: 'Événements', heading: /^Événements$/ },
  { path: 'recordings', link: 'Enregistrements', heading: /^Enregistrements$/ },
  { path: 'settings', link: 'Réglages', heading: /^Réglages$/ },
] as const;

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
    await dashboard.or(alert).first().waitFor({ state: 'attached', timeout: this.#timeoutMs }).catch((error: unknown) => {
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

  /** Opens the settings page and reads the offer it names and the modules it lists, as shown. */
  async moduleSettings(): Promise<ModuleSettingsView> {
    const status = await this.#goto('settings');
    const legend = (await this.#page.locator('form fieldset legend').first().innerText({ timeout: this.#timeoutMs })).trim().replace(/\s+/g, ' ');
    const modules = await this.#page.getByTestId('module-setting').evaluateAll((rows) => rows.map((row) => ({
      id: (row as HTMLElement).dataset['module'] ?? '',
      name: (row.querySelector('label')?.textContent ?? '').trim().replace(/\s+/g, ' '),
      checked: (row.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked ?? false,
    })));
    return { status, legend, modules };
  }

  get whiteLabel(): string | undefined {
    return this.#whiteLabel;
  }

  get page(): Page {
    return this.#page;
  }

  #url(path: string): string {
    if (this.#whiteLabel === undefined) throw new Error('CustomerSpace needs a white label id before it opens a page');
    return `${this.#baseUrl}/space/${encodeURIComponent(this.#whiteLabel)}/${path}`;
  }

  async #goto(path: string): Promise<number> {
    const url = this.#url(path);
    const response = await this.#page.goto(url, { waitUntil: 'load', timeout: this.#timeoutMs }).catch((error: unknown) => {
      throw new EnvironmentError(`${this.#label} could not open ${url}: ${(error as Error).message.split('\n')[0]}. Is the platform instance running?`, { cause: error });
    });
    return response?.status() ?? 0;
  }

  // Opens the dashboard; false when the platform sends the visitor to the login page (no valid session).
  async openDashboard(): Promise<boolean> {
    const status = await this.#goto('');
    if (status !== 200) throw new ProductAssertionError(`${this.#label} the dashboard answered ${status}, expected 200 (or the login page)`);
    return !new URL(this.#page.url()).pathname.endsWith('/login');
  }

  // What the page shows of a brand: name, support phone, logo (its alt text and the SVG the platform serves), colours.
  async brandView(): Promise<BrandView> {
    const logo = this.#page.getByTestId('brand-logo');
    const [name, phone, logoAlt, logoSrc, colors, title, text] = await Promise.all([
      this.brandName(), this.supportPhone(), logo.getAttribute('alt', { timeout: this.#timeoutMs }),
      logo.evaluate((img) => (img as HTMLImageElement).src, undefined, { timeout: this.#timeoutMs }),
      this.#page.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        return [style.getPropertyValue('--brand-primary').trim(), style.getPropertyValue('--brand-secondary').trim()];
      }),
      this.#page.title(), this.#page.locator('body').innerText({ timeout: this.#timeoutMs }),
    ]);
    const served = await this.#page.request.get(logoSrc, { timeout: this.#timeoutMs });
    if (served.status() !== 200) throw new ProductAssertionError(`${this.#label} the logo ${logoSrc} answered ${served.status()}, expected 200`);
    return { name, phone, logoAlt: logoAlt ?? '', logoSvg: await served.text(), primaryColor: colors[0] ?? '', secondaryColor: colors[1] ?? '', title, text };
  }

  // The migration notice shown now, if any.
  async migrationNotice(): Promise<NoticeView | undefined> {
    const dialog = this.#page.getByRole('dialog');
    if ((await dialog.count()) === 0) return undefined;
    const [stage, title, date, text] = await Promise.all([
      dialog.getAttribute('data-stage'), dialog.getByRole('heading').innerText(), dialog.getByTestId('migration-notice-date').innerText(), dialog.innerText(),
    ]);
    return { stage: stage ?? '', title: title.trim(), date: date.trim(), text: text.replace(/\s+/g, ' ').trim() };
  }

  // Comes back to the page (time has passed), closes the notice with its button ("J'ai compris") and waits for the page without it.
  async dismissNotice(): Promise<void> {
    await this.#page.reload({ waitUntil: 'load', timeout: this.#timeoutMs });
    if ((await this.migrationNotice()) === undefined) {
      throw new ProductAssertionError(`${this.#label} expected a migration notice to close at ${this.#page.url()}; the page shows none. Does the notice follow the platform's clock?`);
    }
    await this.#page.getByRole('dialog').getByRole('button', { name: "J'ai compris" }).click({ timeout: this.#timeoutMs });
    await this.#page.getByRole('dialog').waitFor({ state: 'detached', timeout: this.#timeoutMs }).catch((error: unknown) => {
      throw new ProductAssertionError(`${this.#label} after "J'ai compris", the migration notice was still shown at ${this.#page.url()}`, { cause: error });
    });
  }

  // Opens the login page expecting the maintenance page: its status, Retry-After, brand and text.
  async openDuringMaintenance(): Promise<MaintenanceView> {
    const url = this.#url('login');
    const response = await this.#page.goto(url, { waitUntil: 'load', timeout: this.#timeoutMs });
    const status = response?.status() ?? 0;
    const retryAfter = (await response?.headerValue('retry-after')) ?? null;
    const section = this.#page.getByTestId('maintenance');
    const text = (await section.count()) > 0 ? (await section.innerText()).replace(/\s+/g, ' ').trim() : '';
    return { status, retryAfter, brand: await this.brandName().catch(() => ''), text };
  }

  // Follows each link of the navigation; for each page: its status, heading, brand and console errors.
  async visitEachPage(): Promise<PageVisit[]> {
    const visits: PageVisit[] = [];
    for (const target of memberPages) {
      const errors: string[] = [];
      // The browser asks every site for /favicon.ico on its own; its 404 is no error of the page (and comes or not, by timing).
      const listen = (message: { type(): string; text(): string; location(): { url: string } }) => void (message.type() === 'error' && !/\/favicon\.ico(\?|$)/.test(message.location().url) && errors.push(message.text()));
      const failed = (error: Error) => void errors.push(error.message);
      this.#page.on('console', listen).on('pageerror', failed);
      try {
        const status = await this.#goto(target.path);
        const heading = (await this.#page.getByRole('heading', { level: 1 }).innerText({ timeout: this.#timeoutMs })).trim();
        visits.push({ path: target.path, status, heading, brand: await this.brandName(), consoleErrors: errors });
      } finally {
        this.#page.off('console', listen).off('pageerror', failed);
      }
    }
    return visits;
  }

  // Reloads the page until the notice is the one expected (none, or this stage and date), or fails saying what it showed.
  async expectNotice(expected: { stage: 'notice' | 'reminder'; date: string } | undefined, timeoutMs = 5000): Promise<void> {
    const matches = (seen: NoticeView | undefined) => expected === undefined ? seen === undefined : seen?.stage === expected.stage && seen.date === expected.date;
    const wanted = expected ? `the migration ${expected.stage === 'notice' ? 'notice (J-5)' : 'reminder (J-1)'} announcing "${expected.date}"` : 'no migration notice';
    await retryUntil(async () => {
      await this.#page.reload({ waitUntil: 'load', timeout: this.#timeoutMs });
      return this.migrationNotice();
    }, matches, {
      timeoutMs,
      intervalMs: 250,
      message: (last) => `${this.#label} expected ${wanted} (date and time in French, Paris time) at ${this.#page.url()}; it shows ${last instanceof Error ? `an unreadable page (${last.message.split('\n')[0]})` : last === undefined ? 'no notice' : `the ${(last as NoticeView).stage} "${(last as NoticeView).text}"`}. Is the migration date configured, and does the notice follow the platform's clock?`,
    });
  }

  // Expects the branded maintenance page: 503, a Retry-After in seconds, the brand's name.
  async expectMaintenancePage(brand: string): Promise<void> {
    const seen = await this.openDuringMaintenance();
    const problems = [
      seen.status !== 503 && `status ${seen.status} instead of 503`,
      !/^[1-9]\d*$/.test(seen.retryAfter ?? '') && `Retry-After ${JSON.stringify(seen.retryAfter)} instead of a number of seconds`,
      seen.brand !== brand && `the brand "${seen.brand}" instead of "${brand}"`,
      !seen.text.includes('Maintenance en cours') && 'no "Maintenance en cours" message',
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length > 0) throw new ProductAssertionError(`${this.#label} during maintenance the customer space must answer its branded maintenance page (503, Retry-After); it answered ${problems.join(', ')}. Is the maintenance mode on for the customer space?`);
  }

  // Visits each page of the navigation: each must answer 200 with its heading and the brand, without console errors.
  async expectEachPageShows(brand: string): Promise<void> {
    const visits = await this.visitEachPage();
    const problems = visits.flatMap((visit) => {
      const expected = memberPages.find((p) => p.path === visit.path);
      return [
        visit.status !== 200 && `/${visit.path} answered ${visit.status}`,
        expected && !expected.heading.test(visit.heading) && `/${visit.path} shows the heading "${visit.heading}"`,
        visit.brand !== brand && `/${visit.path} shows the brand "${visit.brand}"`,
        ...visit.consoleErrors.map((e) => `/${visit.path} logged ${e}`),
      ].filter((p): p is string => typeof p === 'string');
    });
    if (problems.length > 0) throw new ProductAssertionError(`${this.#label} every page of ${brand}'s customer space must display, with its brand and no error; ${problems.join('; ')}`);
  }

  // The dashboard as the customer sees it, once its images and fonts are in: the input of the visual comparison.
  async dashboardScreenshot(): Promise<Buffer> {
    await this.#page.getByTestId('brand-logo').evaluate((img) => (img as HTMLImageElement).decode(), undefined, { timeout: this.#timeoutMs });
    await this.#page.evaluate(() => document.fonts.ready.then(() => undefined));
    return this.#page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', timeout: this.#timeoutMs });
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

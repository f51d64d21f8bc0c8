// One browser per Cucumber worker, one tab per worker put back as new between scenarios (each scenario traced), and the
// evidence of a failure: screenshot, console, trace.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../drivers/index.ts';
import { EnvironmentError } from '../../lib/errors.ts';

interface WorkerPage {
  context: BrowserContext;
  page: Page;
  /** Talks to Chromium for what Playwright has no call for: emptying the HTTP cache and the sites' storage. */
  cdp: CDPSession;
  /** The origins the page went to since the last reset: their storage is emptied before the page serves again. */
  origins: Set<string>;
  /** Console errors and uncaught exceptions of the current scenario's page, in order. */
  consoleErrors: string[];
}

/** What a finished scenario leaves for the report. */
export interface ScenarioEvidence {
  screenshot: Buffer | undefined;
  consoleErrors: string[];
  /** The Playwright trace (open with `npx playwright show-trace trace.zip`), kept on failure and on retries. */
  trace: Buffer | undefined;
}

const viewport = { width: 1280, height: 800 };
/** Deadline of putting a page back as new; past it, the context is closed and the next scenario gets a new one. */
const resetMs = 5000;

/**
 * A new tab costs the browser more than the pages a scenario loads (measured: new context and tab 265 ms, the same two
 * loads on a kept tab 79 ms), so a worker keeps one context and tab and puts them back as new between scenarios:
 * about:blank, no cookie, no storage of any origin the tab went to, an empty HTTP cache. A scenario that failed, or a
 * reset that did not finish, gets a new context instead: the next scenario never starts from an uncertain state.
 */
class BrowserSession {
  private browser: Promise<Browser> | undefined;
  private readonly pages = new WeakMap<object, Promise<WorkerPage>>();
  /** The worker's context and tab, put back as new and waiting for the next scenario. */
  private idle: WorkerPage | undefined;

  /** The scenario's page, opening the worker's browser and the scenario's context on first use. */
  async page(scenario: object): Promise<Page> {
    return (await this.open(scenario)).page;
  }

  /** The scenario's browser context (its cookies are what a saved login restores). */
  async context(scenario: object): Promise<BrowserContext> {
    return (await this.open(scenario)).context;
  }

  private open(scenario: object): Promise<WorkerPage> {
    let open = this.pages.get(scenario);
    if (!open) {
      open = this.startScenario();
      this.pages.set(scenario, open);
    }
    return open;
  }

  private async startScenario(): Promise<WorkerPage> {
    const idle = this.idle;
    this.idle = undefined;
    if (idle) {
      idle.consoleErrors = [];
      // A kept tab whose browser went away since: a new context, as for a worker's first scenario.
      if (await idle.context.tracing.startChunk().then(() => true, () => false)) return idle;
      await idle.context.close().catch(() => undefined);
    }
    const open = await this.newWorkerPage();
    await open.context.tracing.startChunk();
    return open;
  }

  private async newWorkerPage(): Promise<WorkerPage> {
    let browser = await (this.browser ??= launchBrowser());
    // A browser that went away since the last scenario (its process ended, or was stopped from outside) is launched
    // again: nothing of this scenario ran on it.
    if (!browser.isConnected()) browser = await (this.browser = launchBrowser());
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport, deviceScaleFactor: 1 }).catch((error: Error) => {
      // Gone as the scenario opened its page: the environment's doing, not the product's.
      throw browser.isConnected() ? error : new EnvironmentError(`the worker's browser went away as the scenario opened its page (its process ended, or was stopped from outside): ${error.message.split('\n')[0]}`, { cause: error });
    });
    // DOM snapshots, not a screencast: the failure has its own screenshot, and the screencast costs CPU on every scenario.
    await context.tracing.start({ screenshots: false, snapshots: true });
    const page = await context.newPage();
    const open: WorkerPage = { context, page, cdp: await context.newCDPSession(page), origins: new Set(), consoleErrors: [] };
    page.on('console', (message) => void (message.type() === 'error' && open.consoleErrors.push(`console.error at ${page.url()}: ${message.text()}`)));
    page.on('pageerror', (error) => void open.consoleErrors.push(`uncaught ${error.name} at ${page.url()}: ${error.message}`));
    page.on('framenavigated', (frame) => {
      const origin = URL.parse(frame.url())?.origin;
      if (origin !== undefined && origin !== 'null') open.origins.add(origin);
    });
    return open;
  }

  /** Ends the scenario's use of the page; with `keep`, first takes a screenshot and keeps the trace. */
  async closeScenario(scenario: object, keep: boolean): Promise<ScenarioEvidence> {
    const open = await this.pages.get(scenario)?.catch(() => undefined);
    this.pages.delete(scenario);
    if (!open) return { screenshot: undefined, consoleErrors: [], trace: undefined };
    const screenshot = keep ? await open.page.screenshot({ fullPage: true, timeout: 5000 }).catch(() => undefined) : undefined;
    const trace = keep ? await this.saveTrace(open.context) : await open.context.tracing.stopChunk().then(() => undefined, () => undefined);
    const evidence = { screenshot, consoleErrors: open.consoleErrors, trace };
    if (!keep && (await withDeadline(this.reset(open), resetMs))) this.idle = open;
    else await open.context.close().catch(() => undefined);
    return evidence;
  }

  /** Puts the worker's tab back as new: true when every part of it was done. */
  private async reset(open: WorkerPage): Promise<boolean> {
    try {
      if (open.context.pages().length !== 1) return false; // a tab the scenario opened: start again from a new context
      await open.page.goto('about:blank');
      await open.context.clearCookies();
      for (const origin of open.origins) await open.cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
      open.origins.clear();
      await open.cdp.send('Network.clearBrowserCache');
      return true;
    } catch {
      return false;
    }
  }

  private async saveTrace(context: BrowserContext): Promise<Buffer | undefined> {
    const dir = mkdtempSync(join(tmpdir(), 'kw-trace-'));
    try {
      await context.tracing.stopChunk({ path: join(dir, 'trace.zip') });
      return readFileSync(join(dir, 'trace.zip'));
    } catch {
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * Starts the worker's browser now, without waiting for it: the first page then finds it launched. A launch that
   * fails is said by the first scenario that opens a page, as without this.
   */
  warm(): void {
    if (this.browser) return;
    this.browser = launchBrowser();
    this.browser.catch(() => undefined);
  }

  async shutdown(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.idle = undefined;
    // A browser that never started has nothing to close; its failure was the scenarios' to say.
    const started = await browser?.catch(() => undefined);
    await started?.close();
  }
}

/** The promise's outcome, or false when it has not settled within `ms`. */
async function withDeadline(promise: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export const browserSession = new BrowserSession();

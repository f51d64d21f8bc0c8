// One browser per Cucumber worker, a fresh context per scenario (traced), and the evidence of a failure: screenshot, console, trace.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../drivers/index.ts';

interface ScenarioPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions of the scenario's pages, in order. */
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

class BrowserSession {
  private browser: Promise<Browser> | undefined;
  private readonly pages = new WeakMap<object, Promise<ScenarioPage>>();

  /** The scenario's page, opening the worker's browser and the scenario's context on first use. */
  async page(scenario: object): Promise<Page> {
    return (await this.open(scenario)).page;
  }

  /** The scenario's browser context (its cookies are what a saved login restores). */
  async context(scenario: object): Promise<BrowserContext> {
    return (await this.open(scenario)).context;
  }

  private open(scenario: object): Promise<ScenarioPage> {
    let open = this.pages.get(scenario);
    if (!open) {
      open = this.newScenarioPage();
      this.pages.set(scenario, open);
    }
    return open;
  }

  private async newScenarioPage(): Promise<ScenarioPage> {
    this.browser ??= launchBrowser();
    const context = await (await this.browser).newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport, deviceScaleFactor: 1 });
    // DOM snapshots, not a screencast: the failure has its own screenshot, and the screencast costs CPU on every scenario.
    await context.tracing.start({ screenshots: false, snapshots: true });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(`console.error at ${page.url()}: ${message.text()}`)));
    page.on('pageerror', (error) => void consoleErrors.push(`uncaught ${error.name} at ${page.url()}: ${error.message}`));
    return { context, page, consoleErrors };
  }

  /** Closes the scenario's context; with `keep`, first takes a screenshot and keeps the trace. */
  async closeScenario(scenario: object, keep: boolean): Promise<ScenarioEvidence> {
    const open = await this.pages.get(scenario)?.catch(() => undefined);
    this.pages.delete(scenario);
    if (!open) return { screenshot: undefined, consoleErrors: [], trace: undefined };
    const screenshot = keep ? await open.page.screenshot({ fullPage: true, timeout: 5000 }).catch(() => undefined) : undefined;
    const trace = keep ? await this.saveTrace(open.context) : await open.context.tracing.stop().then(() => undefined, () => undefined);
    await open.context.close();
    return { screenshot, consoleErrors: open.consoleErrors, trace };
  }

  private async saveTrace(context: BrowserContext): Promise<Buffer | undefined> {
    const dir = mkdtempSync(join(tmpdir(), 'kw-trace-'));
    try {
      await context.tracing.stop({ path: join(dir, 'trace.zip') });
      return readFileSync(join(dir, 'trace.zip'));
    } catch {
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async shutdown(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser).close();
  }
}

export const browserSession = new BrowserSession();

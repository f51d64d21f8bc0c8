// One browser per Cucumber worker, a fresh context per scenario, a screenshot when a scenario fails.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../drivers/index.ts';

interface ScenarioPage {
  context: BrowserContext;
  page: Page;
}

class BrowserSession {
  private browser: Promise<Browser> | undefined;
  private readonly pages = new WeakMap<object, ScenarioPage>();

  /** The scenario's page, opening the worker's browser and the scenario's context on first use. */
  async page(scenario: object): Promise<Page> {
    const open = this.pages.get(scenario);
    if (open) return open.page;
    this.browser ??= launchBrowser();
    const context = await (await this.browser).newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    this.pages.set(scenario, { context, page });
    return page;
  }

  /** Closes the scenario's context; returns a screenshot first when asked and a page was open. */
  async closeScenario(scenario: object, screenshot: boolean): Promise<Buffer | undefined> {
    const open = this.pages.get(scenario);
    if (!open) return undefined;
    this.pages.delete(scenario);
    const image = screenshot ? await open.page.screenshot({ fullPage: true, timeout: 5000 }).catch(() => undefined) : undefined;
    await open.context.close();
    return image;
  }

  async shutdown(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser).close();
  }
}

export const browserSession = new BrowserSession();

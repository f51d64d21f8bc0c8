// Opens reports as a reader would, in Chromium from file:, and records every request that would leave the file (none is allowed).

import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../../../drivers/index.ts';

export interface OpenedReport {
  file: string;
  /** Every request made while the report loaded and its views were shown, but those for the file itself (file:) and inline data (data:, blob:). */
  requests: string[];
  /** Page errors: a report that breaks while loading proves nothing about its requests. */
  errors: string[];
}

/** An inline URL is the file's own content: nothing leaves the machine. */
const inline = (url: string): boolean => /^(file|data|blob|about):/.test(url);

/** The views of a single-file Allure report, each of which loads its own data. */
const allureViews = ['', '#categories', '#suites', '#graph', '#timeline', '#behaviors', '#packages'];

/**
 * Opens each file (an Allure report's views in turn), recording requests; a request to the network is aborted after being
 * recorded, so the check itself calls no one. `screenshot`: where to save a picture of each file's first view.
 */
export async function openReports(files: string[], options: { screenshot?: (file: string) => string | undefined } = {}): Promise<OpenedReport[]> {
  const browser = await launchBrowser();
  try {
    const opened: OpenedReport[] = [];
    for (const file of files) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      context.on('request', (request) => {
        if (!inline(request.url())) requests.push(request.url());
      });
      await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      const url = pathToFileURL(file).href;
      const allure = file.endsWith('index.html');
      for (const view of allure ? allureViews : ['']) {
        await page.goto(`${url}${view}`, { waitUntil: 'load', timeout: 30_000 });
        // The report builds its views after load, from data embedded in the file: wait until it shows them, then until nothing is asked.
        if (allure) await page.waitForFunction(() => !document.querySelector('.spinner, .loader'), undefined, { timeout: 15_000 }).catch(() => errors.push(`${view || 'overview'}: still loading after 15 s`));
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
        const shot = view === '' ? options.screenshot?.(file) : undefined;
        if (shot) await page.screenshot({ path: shot, fullPage: false });
      }
      opened.push({ file, requests, errors });
      await context.close();
    }
    return opened;
  } finally {
    await browser.close();
  }
}

// Finds a Chromium on this machine and launches it headless for the customer space and back office page objects.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { EnvironmentError } from '../lib/errors.ts';

// Loaded on first use, not on import: every Cucumber process imports the steps (the coordinator too, which never opens a
// browser), and playwright-core is the slowest module they reach (about 0.4 s of each process's start).
const require = createRequire(import.meta.url);
const chromium = (): typeof import('playwright-core').chromium => (require('playwright-core') as typeof import('playwright-core')).chromium;

const install = 'install one with: apt-get install -y chromium-headless-shell (or chromium), or set CHROMIUM_PATH';

/**
 * The features playwright-core (1.65) disables itself. Chromium keeps only the last `--disable-features` of its command
 * line, so ours must repeat them; test/drivers/browser.test.ts reads a launched browser's command line and fails when
 * playwright-core's list holds a feature this one does not.
 */
export const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay',
  'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch', 'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * RenderDocument makes Chromium build a new frame host for every page a tab loads; without it, a tab that goes from
 * page to page of the same site reuses its own. Measured (150 loads of a customer-space-like page, traced as in a
 * scenario): Chromium 265 -> 190 ms of CPU per load, its headless shell 164 -> 123 ms. What a page shows and does is
 * the same.
 */
const disabledFeatures = [...playwrightDisabledFeatures, 'RenderDocument'];

// Quiet and deterministic: no background traffic, updates or first-run UI during a certification run.
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  `--disable-features=${disabledFeatures.join(',')}`,
];

export interface LaunchOptions {
  executablePath?: string;
  // Deadline of the launch; 30 s by default.
  timeoutMs?: number;
}

/**
 * CHROMIUM_PATH, then playwright-core's own download, then the distribution's headless shell (Debian's
 * chromium-headless-shell: the same engine without the browser's interface, which playwright-core itself uses for
 * headless runs; measured 190 -> 123 ms of CPU per page load), then the distribution's Chromium.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['CHROMIUM_PATH'];
  if (explicit !== undefined && explicit !== '') {
    if (existsSync(explicit)) return explicit;
    throw new EnvironmentError(`no browser found: CHROMIUM_PATH is ${explicit}, which does not exist; fix or unset it, or ${install}`);
  }
  const candidates = [playwrightChromium(), '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p) => p !== undefined);
  const found = candidates.find((path) => existsSync(path));
  if (found !== undefined) return found;
  throw new EnvironmentError(`no browser found (looked at CHROMIUM_PATH, ${candidates.join(', ')}); ${install}`);
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? findChromium();
  const timeout = options.timeoutMs ?? 30_000;
  try {
    return await chromium().launch({ executablePath, headless: true, args: chromiumArgs, timeout });
  } catch (error) {
    throw new EnvironmentError(`the browser at ${executablePath} did not start within ${timeout} ms: ${(error as Error).message.split('\n')[0]}; ${install}`, { cause: error });
  }
}

function playwrightChromium(): string | undefined {
  try {
    return chromium().executablePath();
  } catch {
    return undefined; // playwright-core knows no browser build on this platform
  }
}

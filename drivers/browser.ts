// Finds a Chromium on this machine and launches it headless for the customer space and back office page objects.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { EnvironmentError } from '../lib/errors.ts';

// Loaded on first use, not on import: every Cucumber process imports the steps (the coordinator too, which never opens a
// browser), and playwright-core is the slowest module they reach (about 0.4 s of each process's start).
const require = createRequire(import.meta.url);
const chromium = (): typeof import('playwright-core').chromium => (require('playwright-core') as typeof import('playwright-core')).chromium;

const install = 'install one with: apt-get install -y chromium, or set CHROMIUM_PATH';

// Quiet and deterministic: no background traffic, updates or first-run UI during a certification run.
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface LaunchOptions {
  executablePath?: string;
  // Deadline of the launch; 30 s by default.
  timeoutMs?: number;
}

// CHROMIUM_PATH, then playwright-core's own download, then the distribution's Chromium.
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['CHROMIUM_PATH'];
  if (explicit !== undefined && explicit !== '') {
    if (existsSync(explicit)) return explicit;
    throw new EnvironmentError(`no browser found: CHROMIUM_PATH is ${explicit}, which does not exist; fix or unset it, or ${install}`);
  }
  const candidates = [playwrightChromium(), '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p) => p !== undefined);
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

// Finding a Chromium: CHROMIUM_PATH first, a clear and fast environment error when there is none.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { findChromium, launchBrowser } from '../../drivers/index.ts';
import { playwrightDisabledFeatures } from '../../drivers/browser.ts';
import { EnvironmentError } from '../../lib/errors.ts';

describe('finding a browser', () => {
  it('refuses at once, naming the variable and the install command, when CHROMIUM_PATH points to a missing file', () => {
    assert.throws(() => findChromium({ CHROMIUM_PATH: '/nowhere/chromium' }), (error: unknown) => {
      assert.ok(error instanceof EnvironmentError);
      assert.match(error.message, /no browser found: CHROMIUM_PATH is \/nowhere\/chromium, which does not exist.*apt-get install -y chromium/);
      return true;
    });
  });

  it('fails to launch within a fraction of a second when CHROMIUM_PATH points to a missing file', async (t) => {
    const saved = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = '/nowhere/chromium';
    t.after(() => {
      if (saved === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = saved;
    });
    const started = performance.now();
    await assert.rejects(launchBrowser(), EnvironmentError);
    assert.ok(performance.now() - started < 3000, 'a missing file fails at once, not after a launch timeout');
  });

  it('takes CHROMIUM_PATH when the file exists', () => {
    assert.equal(findChromium({ CHROMIUM_PATH: process.execPath }), process.execPath);
  });

  it('falls back to a Chromium installed on the machine', () => {
    const found = findChromium({});
    assert.ok(existsSync(found), `${found} should exist`);
  });

  it('keeps playwright-core\'s disabled features in the one --disable-features Chromium reads (the last), with RenderDocument', async () => {
    const browser = await launchBrowser();
    try {
      const line = childCommandLines(process.pid).find((args) => args.includes('--remote-debugging-pipe'));
      assert.ok(line, 'the launched browser is a child of this process');
      const lists = line.filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice('--disable-features='.length).split(','));
      const read = lists.at(-1) ?? [];
      const dropped = lists.slice(0, -1).flat().filter((feature) => !read.includes(feature));
      assert.deepEqual(dropped, [], `playwright-core disables these, and drivers/browser.ts's playwrightDisabledFeatures must repeat them (${playwrightDisabledFeatures.length} now)`);
      assert.ok(read.includes('RenderDocument'), read.join(','));
    } finally {
      await browser.close();
    }
  });
});

/** The arguments of each running child process of `parent`, from /proc. */
function childCommandLines(parent: number): string[][] {
  return readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parent) return [];
      return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')];
    } catch {
      return []; // gone meanwhile
    }
  });
}

// Finding a Chromium: CHROMIUM_PATH first, a clear and fast environment error when there is none.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { findChromium, launchBrowser } from '../../drivers/index.ts';
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
});

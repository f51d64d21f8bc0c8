// The worker's one browser tab, kept between scenarios: put back as new (nothing of a scenario seen by the next), and
// replaced by a new context after a failure, whose evidence (screenshot, trace, console) is kept.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { EnvironmentError } from '../../lib/errors.ts';
import { browserSession } from '../../steps/support/browser.ts';

/** A site that sets a cookie and local storage, serves a cacheable resource (counting its loads), and logs a console error. */
function site(): { server: Server; loads: () => number } {
  let loads = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site');
    if (url.pathname === '/cached.js') {
      loads += 1;
      response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(`window.loaded = ${loads};`);
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html' };
    if (url.pathname === '/write') headers['set-cookie'] = 'session=abc; Path=/';
    const script = url.pathname === '/write'
      ? "localStorage.setItem('kept', 'yes'); sessionStorage.setItem('tab', 'yes'); console.error('broken on purpose');"
      : '';
    response.writeHead(200, headers).end(`<html><head><script src="/cached.js"></script></head><body><p id="cookie"></p><script>${script}
      document.getElementById('cookie').textContent = JSON.stringify({ cookie: document.cookie, kept: localStorage.getItem('kept'), tab: sessionStorage.getItem('tab') });
    </script></body></html>`);
  });
  return { server, loads: () => loads };
}

describe('the browser tab a worker keeps between scenarios', () => {
  const { server, loads } = site();
  let origin = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await browserSession.shutdown();
    server.close();
  });

  it('is the same tab for the next scenario, with nothing left of the one before: page, cookies, storage, cache, console', async () => {
    const first = {};
    const page = await browserSession.page(first);
    await page.goto(`${origin}/write`);
    assert.deepEqual(JSON.parse(await page.locator('#cookie').innerText()), { cookie: 'session=abc', kept: 'yes', tab: 'yes' });
    assert.equal(loads(), 1);
    const evidence = await browserSession.closeScenario(first, false);
    assert.equal(evidence.trace, undefined, 'a passed scenario keeps no trace');
    assert.equal(evidence.screenshot, undefined);
    assert.match(evidence.consoleErrors.join('\n'), /broken on purpose/);

    const second = {};
    const again = await browserSession.page(second);
    assert.equal(again, page, 'the kept tab serves the next scenario');
    assert.equal(again.url(), 'about:blank');
    assert.deepEqual(await (await browserSession.context(second)).cookies(), []);
    await again.goto(`${origin}/read`);
    assert.deepEqual(JSON.parse(await again.locator('#cookie').innerText()), { cookie: '', kept: null, tab: null });
    assert.equal(loads(), 2, 'the cached resource is loaded again: the HTTP cache was emptied');
    const clean = await browserSession.closeScenario(second, false);
    assert.deepEqual(clean.consoleErrors, [], 'console errors are the scenario\'s own');
  });

  it('keeps a failed scenario\'s screenshot and trace, then gives the next scenario a new context', async () => {
    const failed = {};
    const page = await browserSession.page(failed);
    const context = await browserSession.context(failed);
    await page.goto(`${origin}/write`);
    const evidence = await browserSession.closeScenario(failed, true);
    assert.ok(evidence.screenshot && evidence.screenshot.subarray(1, 4).toString() === 'PNG', 'a PNG screenshot');
    assert.ok(evidence.trace && evidence.trace.subarray(0, 2).toString() === 'PK', 'a zipped trace');

    const next = {};
    const fresh = await browserSession.page(next);
    assert.notEqual(fresh, page);
    assert.notEqual(await browserSession.context(next), context);
    await fresh.goto(`${origin}/read`);
    assert.deepEqual(JSON.parse(await fresh.locator('#cookie').innerText()), { cookie: '', kept: null, tab: null });
    await browserSession.closeScenario(next, false);
  });

  it('launches the browser again for the next scenario when it went away between scenarios', async () => {
    const before = {};
    await (await browserSession.page(before)).goto(`${origin}/read`);
    const gone = (await browserSession.context(before)).browser()!;
    await browserSession.closeScenario(before, false);
    await gone.close(); // as when its process ends, or is stopped from outside
    assert.equal(gone.isConnected(), false);

    const next = {};
    const page = await browserSession.page(next);
    assert.notEqual((await browserSession.context(next)).browser(), gone, 'a new browser');
    await page.goto(`${origin}/read`);
    assert.deepEqual(JSON.parse(await page.locator('#cookie').innerText()), { cookie: '', kept: null, tab: null });
    await browserSession.closeScenario(next, false);
  });

  it('started early (warm), serves the first page; a browser that cannot start is said by the first page, and the worker still ends', async (t) => {
    await browserSession.shutdown();
    browserSession.warm();
    const scenario = {};
    const page = await browserSession.page(scenario);
    await page.goto(`${origin}/read`);
    await browserSession.closeScenario(scenario, false);
    await browserSession.shutdown();

    const saved = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = '/nowhere/chromium';
    t.after(() => {
      if (saved === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = saved;
    });
    browserSession.warm();
    await new Promise((resolve) => setTimeout(resolve, 50)); // an unhandled rejection would end the test process here
    await assert.rejects(browserSession.page({}), EnvironmentError);
    await browserSession.shutdown();
  });
});

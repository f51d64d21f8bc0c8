// The customer space's notice, maintenance page, recordings, settings and live-view place, on v10 and v9 instances.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newCustomer } from './support/api.ts';
import { createTestDatabases } from './support/databases.ts';
import type { TestDatabases } from './support/databases.ts';
import { initPlatform } from './support/processes.ts';
import type { Platform } from './support/processes.ts';
import { getPage, postLogin, testIds } from './support/space.ts';
import { ops, startPlatformWith } from './support/space-platform.ts';

const cut = '2026-12-01T09:30:00+01:00';
const veilis = { whiteLabel: 'veilis', offer: 'serenite-2011', accountType: 'individual', paymentMethod: 'card' };

async function loggedIn(url: string): Promise<{ id: number; cookie: string }> {
  const customer = await newCustomer(url, veilis);
  const login = await postLogin(url, 'veilis', customer.fields.email, customer.fields.password);
  assert.equal(login.status, 303);
  return { id: customer.id, cookie: login.cookie ?? '' };
}

async function postForm(url: string, path: string, cookie: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return fetch(`${url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual', signal: AbortSignal.timeout(5000) });
}

for (const version of ['v10', 'v9'] as const) {
  describe(`the ${version} customer space with a test clock and a scheduled migration`, () => {
    let dbs: TestDatabases;
    let platform: Platform;
    before(async () => {
      dbs = await createTestDatabases();
      await initPlatform(version, dbs.urls);
      platform = await startPlatformWith(version, `n-${version}`, dbs.urls, ['--test-clock', '--notice-at', cut]);
    });
    after(async () => {
      await platform?.stop();
      await dbs?.drop();
    });

    it('announces the cut from J-5, reminds on J-1, remembers a dismissal per stage and says nothing after the window', async () => {
      const { cookie } = await loggedIn(platform.url);
      const notice = async (at: string) => {
        assert.equal((await ops(platform.url, 'clock', { now: at })).status, 200);
        return testIds((await getPage(platform.url, '/space/veilis/', cookie)).html, 'migration-notice');
      };
      assert.deepEqual(await notice('2026-11-25T22:00:00+01:00'), [], 'J-6: nothing');
      const j5 = await notice('2026-11-26T10:00:00+01:00');
      assert.equal(j5[0]?.attrs['data-stage'], 'notice');
      assert.match(j5[0]?.text ?? '', /aura lieu le\s+mardi 1 décembre 2026 à 09:30 \(heure de Paris\)/);
      assert.match(j5[0]?.text ?? '', /environ 45 minutes/);
      const dismissed = await postForm(platform.url, '/space/veilis/notice/dismiss', cookie, { stage: 'notice', cut: '2026-12-01T08:30:00.000Z', back: '/space/veilis/events' });
      assert.equal(dismissed.status, 303);
      assert.equal(dismissed.headers.get('location'), '/space/veilis/events');
      assert.deepEqual(await notice('2026-11-27T10:00:00+01:00'), [], 'a dismissed notice stays dismissed');
      const j1 = await notice('2026-11-30T10:00:00+01:00');
      assert.equal(j1[0]?.attrs['data-stage'], 'reminder', 'the reminder shows even after the notice was dismissed');
      assert.deepEqual(await notice('2026-12-01T10:15:00+01:00'), [], 'after the window: nothing');
    });

    it('reports the schedule and the stage through the ops endpoint, and lets it be moved', async () => {
      await ops(platform.url, 'clock', { now: '2026-11-26T10:00:00+01:00' });
      const moved = await ops(platform.url, 'notice', { at: '2026-12-08T09:30:00+01:00' });
      assert.equal(moved.body['stage'], 'none');
      assert.equal(moved.body['noticeFrom'], '2026-12-02T23:00:00.000Z');
      assert.equal((await ops(platform.url, 'notice', { at: cut })).body['stage'], 'notice');
      assert.equal((await ops(platform.url, 'notice', { at: '2026-12-01T09:30:00' })).status, 400, 'a time without offset is refused');
    });

    it('serves a branded 503 page with Retry-After during maintenance, the logo still, and the back office only when it is in scope', async () => {
      await ops(platform.url, 'clock', { now: '2026-12-01T09:40:00+01:00' });
      assert.equal((await ops(platform.url, 'maintenance', { scope: 'space', active: true })).status, 200);
      const page = await getPage(platform.url, '/space/veilis/login');
      assert.equal(page.status, 503);
      assert.deepEqual(testIds(page.html, 'brand-name').map((e) => e.text), ['Veilis']);
      assert.equal(testIds(page.html, 'maintenance').length, 1);
      const res = await fetch(`${platform.url}/space/veilis/login`, { signal: AbortSignal.timeout(5000) });
      assert.equal(res.headers.get('retry-after'), String(35 * 60), 'the seconds left in the announced window');
      assert.equal((await getPage(platform.url, '/space/veilis/logo.svg')).status, 200);
      assert.equal((await getPage(platform.url, '/backoffice/login')).status, 200);
      await ops(platform.url, 'maintenance', { scope: 'all', active: true, message: 'Migration en cours.' });
      const backOffice = await getPage(platform.url, '/backoffice/login');
      assert.equal(backOffice.status, 503);
      assert.match(backOffice.html, /Migration en cours\./);
      await ops(platform.url, 'maintenance', { scope: 'all', active: false });
      await ops(platform.url, 'maintenance', { scope: 'space', active: false });
      assert.equal((await getPage(platform.url, '/space/veilis/login')).status, 200);
    });

    it('lists the customer’s recordings in Paris time, plays one back, and hides other customers’ recordings', async () => {
      const { id, cookie } = await loggedIn(platform.url);
      const serial = `REC-${version}-${id}`;
      const accounts = dbs.pool('accounts');
      const media = dbs.pool('media');
      if (version === 'v10') {
        await accounts.query("INSERT INTO devices (serial, customer_id, kind, model_id, claimed_at) VALUES ($1, $2, 'camera', 'vigie-360-2019', now())", [serial, id]);
        await media.query("INSERT INTO recordings (device_serial, started_at, duration_ms, size_bytes, storage_key) VALUES ($1, '2026-11-26T09:31:02Z', 125000, 1000, $2)", [serial, `k-${serial}`]);
      } else {
        await accounts.query("INSERT INTO cameras (serial, customer_id, model_code, claimed_local) VALUES ($1, $2, 'vigie-360-2019', now())", [serial, id]);
        await media.query("INSERT INTO recordings (camera_serial, start_local, duration_s, size_bytes, storage_key) VALUES ($1, '2026-11-26 10:31:02', 125, 1000, $2)", [serial, `k-${serial}`]);
      }
      const list = await getPage(platform.url, '/space/veilis/recordings', cookie);
      const rows = testIds(list.html, 'recording');
      assert.equal(rows.length, 1);
      assert.match(rows[0]?.text ?? '', /26\/11\/2026 10:31:02/);
      assert.match(rows[0]?.text ?? '', /2 min 05 s/);
      const recordingId = rows[0]?.attrs['data-recording-id'] ?? '';
      const player = await getPage(platform.url, `/space/veilis/recordings/${recordingId}`, cookie);
      assert.equal(player.status, 200);
      assert.equal(testIds(player.html, 'player').length, 1);
      const stranger = await loggedIn(platform.url);
      assert.equal((await getPage(platform.url, `/space/veilis/recordings/${recordingId}`, stranger.cookie)).status, 404);
    });

    it('lists the offer’s modules in the settings, saves a switch, and keeps a place for the live view', async () => {
      const { cookie } = await loggedIn(platform.url);
      const before = testIds((await getPage(platform.url, '/space/veilis/settings', cookie)).html, 'module-setting');
      assert.deepEqual(before.map((m) => m.attrs['data-module']), ['recordings', 'sms']);
      const saved = await postForm(platform.url, '/space/veilis/settings', cookie, { module: ['recordings', 'alarm-panels'] });
      assert.equal(saved.headers.get('location'), '/space/veilis/settings?saved=1');
      const page = await getPage(platform.url, '/space/veilis/settings?saved=1', cookie);
      assert.match(page.html, /role="status">Vos réglages sont enregistrés\./);
      assert.match(page.html, /id="module-recordings" name="module" value="recordings" checked>/);
      assert.match(page.html, /id="module-sms" name="module" value="sms">/);
      assert.equal(testIds((await getPage(platform.url, '/space/veilis/live', cookie)).html, 'live-view').length, 1);
    });
  });
}

describe('an instance without --test-clock, with a swapped-logo fault', () => {
  let dbs: TestDatabases;
  let platform: Platform;
  before(async () => {
    dbs = await createTestDatabases();
    await initPlatform('v10', dbs.urls);
    platform = await startPlatformWith('v10', 'plain', dbs.urls, ['--fault', 'swap-logo:veilis,assur-plus-protect']);
  });
  after(async () => {
    await platform?.stop();
    await dbs?.drop();
  });

  it('refuses to set the clock, saying where the test clock is allowed', async () => {
    const refused = await ops(platform.url, 'clock', { now: '2026-11-26T10:00:00+01:00' });
    assert.equal(refused.status, 403);
    assert.match(String(refused.body['error']), /the test clock is off on this instance: it is set only in the local environment, on instances started with --test-clock/);
    assert.equal((await ops(platform.url, 'clock')).body['testClock'], false);
  });

  it('serves each of the two brands the other one’s logo', async () => {
    const veilisLogo = (await getPage(platform.url, '/space/veilis/logo.svg')).html;
    const otherLogo = (await getPage(platform.url, '/space/assur-plus-protect/logo.svg')).html;
    assert.notEqual(veilisLogo, otherLogo);
    assert.doesNotMatch(veilisLogo, />Veilis</);
    assert.match(otherLogo, /Veilis/);
  });
});

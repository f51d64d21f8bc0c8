// Third-party stubs are data: a service added to the stub table is served by the stub server and its URL is handed
// to the platform by the environment, with no other file to touch.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { platformServerArgs } from '../../environments/local.ts';
import { defaultServices, startStubServer, type StubService } from '../../simulators/stubs/index.ts';

// A made-up fax gateway: POST <fax-url>/faxes -> 202 {id}.
const faxService: StubService = {
  name: 'fax',
  prefix: '/fax',
  platformFlag: '--fax-url',
  handlers(base) {
    let sent = 0;
    return [http.post(`${base}/faxes`, () => HttpResponse.json({ id: `fax-${++sent}` }, { status: 202 }))];
  },
};

/** The value that follows `flag` in `args`, and how many times the flag appears. */
function flagValue(args: readonly string[], flag: string): { value: string | undefined; count: number } {
  const at = args.flatMap((arg, i) => (arg === flag ? [i] : []));
  return { value: at.length === 1 ? args[at[0]! + 1] : undefined, count: at.length };
}

describe('the stub table', () => {
  it('serves a service added to a copy of the table and hands its URL to the platform, after the shipped ones', async () => {
    const table = [...defaultServices, faxService];
    await using stubs = await startStubServer({ services: table });
    const args = platformServerArgs({
      dbArgs: ['--accounts-url', 'postgres://db/accounts'], mqttUrl: 'mqtt://127.0.0.1:1883', mqttSession: 'kw-run-1', stubs,
      platformFaults: [], options: {},
    });
    const fax = flagValue(args, '--fax-url');
    assert.deepEqual(fax, { value: `${stubs.url}/fax`, count: 1 });
    // Every shipped service is still handed exactly once, each under its own prefix, in the table's order.
    const handed = table.map((service) => [service.platformFlag, flagValue(args, service.platformFlag)]);
    assert.deepEqual(handed, table.map((service) => [service.platformFlag, { value: `${stubs.url}${service.prefix}`, count: 1 }]));
    assert.deepEqual(table.map((s) => s.platformFlag), ['--sms-url', '--mail-url', '--payment-url', '--ai-url', '--monitoring-url', '--fax-url']);

    // What the platform would call at that URL is the new service's handler, journaled under its name.
    const response = await fetch(`${fax.value}/faxes`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(3000) });
    assert.equal(response.status, 202);
    assert.deepEqual(await response.json(), { id: 'fax-1' });
    assert.deepEqual(stubs.journal.entries().map((e) => [e.service, e.method, e.path, e.handled, e.status]), [['fax', 'POST', '/fax/faxes', true, 202]]);
  });

  it('hands nothing the table does not hold: the shipped table alone gives no fax URL', async () => {
    await using stubs = await startStubServer();
    const args = platformServerArgs({ dbArgs: [], mqttUrl: 'mqtt://x', mqttSession: 's', stubs, platformFaults: ['slow-db'], options: { noticeAt: '2026-01-01' } });
    assert.equal(flagValue(args, '--fax-url').count, 0);
    assert.deepEqual(args, [
      '--mqtt-url', 'mqtt://x', '--mqtt-session', 's', ...defaultServices.flatMap((s) => [s.platformFlag, `${stubs.url}${s.prefix}`]),
      '--fault', 'slow-db', '--test-clock', '--notice-at', '2026-01-01',
    ]);
  });
});

// The platform's contract (drivers/contract/openapi.ts): it documents every API route the stand-in serves, the stand-in answers as it says on V9 and V10, and the drivers refuse an answer that breaks it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { contractViolation, HttpAssertionError, ModulesApi, PlatformApi, platformContract } from '../../drivers/index.ts';
import { phone, startModulesPlatform, type ModulesPlatform } from '../sandbox/support/modules-platform.ts';
import { connectCamera, newSerial } from '../sandbox/support/camera.ts';

const root = join(import.meta.dirname, '..', '..');
/** Routes the stand-in serves that no client of the platform's customers calls, each with why it is not in the contract. */
const notInContract: Record<string, string> = {
  'POST /api/webhooks/payment': 'the payment provider calls it back (its stub, simulators/), never the harness',
};

function servedRoutes(): string[] {
  const sources = ['sandbox/http/api.ts', 'sandbox/http/api-modules.ts'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
  return [...sources.matchAll(/'(GET|POST|PUT|DELETE|PATCH) (\/api\/[^']*)'/g)].map((m) => `${m[1]} ${m[2]}`).sort();
}

function documentedRoutes(): string[] {
  return Object.entries(platformContract.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)).filter((r) => r.includes(' /api/')).sort();
}

describe('the platform contract', () => {
  it('documents every API route the stand-in serves, and nothing it does not serve', () => {
    const served = servedRoutes().filter((r) => !(r in notInContract));
    assert.ok(served.length >= 15, `expected the stand-in's route tables to be read; got ${served.join(', ')}`);
    assert.deepEqual(documentedRoutes(), served);
  });

  it('names what breaks it: a missing field, a wrong type, a value outside its list', () => {
    assert.equal(contractViolation('GET', '/api/devices', 200, [{ serial: 'CAM-1', model: 'vigie-360-2019', kind: 'camera', online: true, lastSeenAt: null }]), undefined);
    assert.match(contractViolation('GET', '/api/devices', 200, [{ serial: 'CAM-1', model: 'm', kind: 'camera', online: 'yes', lastSeenAt: null }]) ?? '', /\/0\/online must be boolean/);
    assert.match(contractViolation('GET', '/api/billing', 200, { paymentMethod: 'card', status: 'paid' }) ?? '', /must have required property 'paidUntil'.*|\/status must be equal to one of the allowed values/);
    assert.match(contractViolation('GET', '/api/account', 418, {}) ?? '', /no 418 answer for GET \/api\/account/);
    assert.throws(() => contractViolation('GET', '/api/nowhere', 200, {}), /GET \/api\/nowhere is not in the platform's contract/);
  });
});

describe('the drivers check every answer against the contract', () => {
  const base = 'http://renamed.test';
  const server = setupServer(
    http.post(`${base}/api/login`, () => HttpResponse.json({ token: 'tok' })),
    // A V10 that renamed one field of the account: every caller would break.
    http.get(`${base}/api/account`, () => HttpResponse.json({ id: 7, email: 'a@qa.example', name: 'A', phoneNumber: '+33600000000', whiteLabel: 'veilis', partner: 'veilis', offer: 'serenite-2011', modules: [], accountType: 'individual', paymentMethod: 'card' })),
    http.get(`${base}/api/billing`, () => HttpResponse.json({ paymentMethod: 'card', status: 'paid', now: '2026-11-26T08:00:00Z', paidUntil: '2026-12-26T08:00:00Z', graceEndsAt: null, instrument: null, payments: [], invoices: [] })),
  );
  before(() => server.listen({ onUnhandledFrame: 'error' }));
  after(() => server.close());

  it('refuses an answer with a renamed field or a status outside its list, as the product misbehaving', async () => {
    const api = new PlatformApi(base);
    await api.login('a@qa.example', 'secret-password');
    await assert.rejects(api.account(), (e: unknown) => e instanceof HttpAssertionError && /not as the platform's contract says .*must have required property 'phone'/.test(e.message));
    await assert.rejects(new ModulesApi(api, 'A').billing(), (e: unknown) => e instanceof HttpAssertionError && /\/status must be equal to one of the allowed values/.test(e.message));
  });
});

for (const version of ['v9', 'v10'] as const) {
  describe(`the ${version} stand-in answers as the contract says`, () => {
    let p: ModulesPlatform;
    before(async () => {
      p = await startModulesPlatform(version);
    });
    after(() => p?.close());

    it('for every operation the harness calls, through the drivers that check each answer', async () => {
      const api = new PlatformApi(p.url, { syntheticTraffic: 'run-contract' });
      assert.equal((await api.health()).version, version);
      const email = `contract-${version}-${Date.now()}@qa.example`;
      // Pro 2020 has AI and recordings; Senior Connect 2021 has home care (another brand's account).
      await api.signup({ email, password: 'secret-password', name: 'Élodie Contrat', phone: phone(), whiteLabel: 'veilis', accountType: 'individual', paymentMethod: 'card', offer: 'pro-2020' });
      await api.login(email, 'secret-password');
      assert.equal((await api.account()).offer, 'pro-2020');
      const camera = await connectCamera(newSerial('CTR'));
      try {
        assert.equal((await api.claimDevice({ serial: camera.serial, model: 'vigie-360-2019' })).kind, 'camera');
        assert.deepEqual((await api.devices()).map((d) => d.serial), [camera.serial]);
        await camera.event('motion', new Date().toISOString());
        const modules = new ModulesApi(api, `contract ${version}`, { syntheticTraffic: 'run-contract' });
        await modules.waitForRecording(camera.serial);
        assert.equal((await api.events(10)).filter((e) => e.serial === camera.serial).length, 1);
        assert.deepEqual((await modules.state()).modules, (await api.account()).modules);
        assert.deepEqual(await modules.setAiClasses(['person']), { classes: ['person'] });
        assert.equal((await modules.registerInstrument('4242424242424242')).paymentMethod, 'card');
        assert.equal((await modules.billing()).status, 'active');
        assert.match(await modules.advanceClock(60), /^\d{4}-\d{2}-\d{2}T/);
      } finally {
        await camera.close();
      }
      const senior = new PlatformApi(p.url, { syntheticTraffic: 'run-contract' });
      const seniorEmail = `contract-senior-${version}-${Date.now()}@qa.example`;
      await senior.signup({ email: seniorEmail, password: 'secret-password', name: 'René Contrat', phone: phone(), whiteLabel: 'veilleurs-presence', accountType: 'individual', paymentMethod: 'sepa', offer: 'senior-connect-2021' });
      await senior.login(seniorEmail, 'secret-password');
      const care = new ModulesApi(senior, `contract senior ${version}`);
      assert.equal(await care.homeCare(), null);
      await care.setHomeCare({ windowMinutes: 240, familyPhone: phone(), familyEmail: null });
      assert.equal((await care.homeCare())?.windowMinutes, 240);
    });
  });
}

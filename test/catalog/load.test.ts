// The shipped catalog loads and holds the product matrix the certification needs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog, v10LaunchYear } from '../../catalog/index.ts';
import type { GenerationId } from '../../catalog/index.ts';

const catalog = loadCatalog();
const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('the shipped catalog', () => {
  it('loads with the required number of entries in each file', () => {
    const counts = Object.fromEntries(Object.entries(catalog).map(([key, list]) => [key, list.length]));
    assert.deepEqual(counts, {
      partners: 6, whiteLabels: 10, accountTypes: 3, paymentMethods: 4, modules: 8,
      offers: 14, generations: 4, cameraModels: 16, alarmPanels: 4, objects: 3,
    });
  });

  it('keeps the ids other parts of the harness already use', () => {
    for (const id of ['veilis', 'assur-plus']) assert.ok(ids(catalog.partners).includes(id), id);
    for (const id of ['veilis', 'assur-plus-protect']) assert.ok(ids(catalog.whiteLabels).includes(id), id);
    for (const id of ['serenite-2011', 'essentiel-2019']) assert.ok(ids(catalog.offers).includes(id), id);
    assert.ok(ids(catalog.cameraModels).includes('vigie-360-2019'));
    assert.deepEqual(ids(catalog.accountTypes), ['individual', 'professional', 'partner-managed']);
    assert.deepEqual(ids(catalog.paymentMethods), ['card', 'sepa', 'partner-invoice', 'free-trial']);
  });

  it('has one partner of each kind, each with at least one white label', () => {
    assert.deepEqual(catalog.partners.map((p) => p.kind).sort(), ['direct', 'home-care', 'installer', 'insurer', 'retailer', 'telecom']);
    for (const partner of catalog.partners) assert.ok(catalog.whiteLabels.some((w) => w.partner === partner.id), partner.id);
  });

  it('gives every white label a distinct SMS sender, logo showing its brand and French support number', () => {
    const senders = catalog.whiteLabels.map((w) => w.smsSender);
    assert.equal(new Set(senders).size, senders.length);
    for (const label of catalog.whiteLabels) {
      assert.match(label.smsSender, /^[A-Za-z0-9]{3,11}$/);
      assert.match(label.logoSvg, /^<svg[\s\S]*<\/svg>$/);
      assert.ok(label.logoSvg.includes(label.brand), label.id);
      assert.match(label.supportPhone, /^\+33 [1-9]( \d\d){4}$/);
    }
    assert.equal(new Set(catalog.whiteLabels.map((w) => w.logoSvg)).size, catalog.whiteLabels.length);
  });

  it('lets some white label open every account type and take every payment method', () => {
    for (const type of ids(catalog.accountTypes)) assert.ok(catalog.whiteLabels.some((w) => w.accountTypes.includes(type)), type);
    for (const method of ids(catalog.paymentMethods)) assert.ok(catalog.whiteLabels.some((w) => w.paymentMethods.includes(method)), method);
  });

  it('dates offers from 2011 to 2022, several of them legacy', () => {
    const years = catalog.offers.map((o) => o.year);
    assert.equal(Math.min(...years), 2011);
    assert.equal(Math.max(...years), 2022);
    assert.ok(catalog.offers.filter((o) => o.legacy).length >= 3);
    assert.ok(catalog.offers.some((o) => !o.legacy));
  });

  it('puts every module in at least one offer and leaves it out of another', () => {
    for (const module of ids(catalog.modules)) {
      const holding = catalog.offers.filter((o) => o.modules.includes(module)).length;
      assert.ok(holding > 0 && holding < catalog.offers.length, `${module} is in ${holding} offers`);
    }
  });

  it('sells V10-only modules only in V10 offers from 2022 on', () => {
    const v10Modules = catalog.modules.filter((m) => m.since === 'v10').map((m) => m.id);
    assert.deepEqual(v10Modules, ['alarm-panels', 'connected-objects']);
    for (const offer of catalog.offers.filter((o) => o.modules.some((m) => v10Modules.includes(m)))) {
      assert.equal(offer.since, 'v10', offer.id);
      assert.ok(offer.year >= v10LaunchYear, offer.id);
    }
  });

  it('has sold every offer through some partner', () => {
    for (const offer of catalog.offers) assert.ok(catalog.partners.some((p) => p.offers.includes(offer.id)), offer.id);
  });

  it('has at least three camera models per generation, each launched within its generation', () => {
    for (const generation of catalog.generations) {
      const models = catalog.cameraModels.filter((c) => c.generation === generation.id);
      assert.ok(models.length >= 3, `${generation.id} has ${models.length} models`);
      for (const model of models) assert.ok(model.year >= generation.years[0] && model.year <= generation.years[1], model.id);
    }
    const years = catalog.cameraModels.map((c) => c.year);
    assert.deepEqual([Math.min(...years), Math.max(...years)], [2011, 2024]);
    const order: GenerationId[] = ['http-push', 'https-json', 'mqtt3', 'mqtt5'];
    assert.deepEqual(ids(catalog.generations), order);
  });

  it('has an encrypted DC-09 alarm panel, an MQTT-native one and three kinds of connected objects', () => {
    assert.ok(catalog.alarmPanels.some((p) => p.protocol === 'dc09' && p.encryption));
    assert.ok(catalog.alarmPanels.some((p) => p.protocol === 'mqtt'));
    assert.equal(new Set(catalog.objects.map((o) => o.kind)).size, 3);
  });

  it('gives the same catalog on every load', () => {
    assert.deepEqual(loadCatalog(), catalog);
  });
});

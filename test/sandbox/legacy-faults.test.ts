// Fault switches that only legacy (migrated) accounts exercise: they break the accounts signed up before their year, on V10 only, and leave the others alone.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFaults, type KnownIds } from '../../sandbox/faults.ts';
import { accountAsFaulted, eventsAsFaulted, mandateChargedAsCard, newOfferDefaults } from '../../sandbox/modules/legacy-faults.ts';
import type { ModuleAccount, StoredEvent } from '../../sandbox/store/index.ts';

const known: KnownIds = { whiteLabels: ['veilis'], offers: ['serenite-2011'], partners: ['veilis'], panelModels: [] };
const account = (createdAt: string): ModuleAccount => ({
  id: 1, email: 'a@b.example', name: 'A', phone: '+33600000000', whiteLabel: 'veilis', partner: 'veilis', brand: 'Veilis', smsSender: 'VEILIS', mailSender: 'a@veilis.example',
  offer: 'serenite-2011', offerName: 'Sérénité 2011', modules: ['recordings', 'sms'], retentionDays: 7, monthlyPriceCents: 499, smsQuota: 10, emailQuota: 0,
  paymentMethod: 'card', syntheticRun: null, createdAt: new Date(createdAt),
});
const event = (id: number, serial: string, at: string): StoredEvent => ({ id, serial, type: 'motion', occurredAt: new Date(at), payload: {} });

describe('legacy-account fault switches', () => {
  it('gives a legacy account the new defaults instead of its offer\'s limits, on V10, before the year only', () => {
    const faults = parseFaults(['legacy-offer-limits-default:2016'], 'i01', known);
    assert.deepEqual({ ...accountAsFaulted(faults, 'v10', account('2011-05-01T00:00:00Z')) }, { ...account('2011-05-01T00:00:00Z'), ...newOfferDefaults });
    assert.equal(accountAsFaulted(faults, 'v10', account('2016-01-01T00:00:00Z')).retentionDays, 7, 'an account of the fault\'s year keeps its offer');
    assert.equal(accountAsFaulted(faults, 'v9', account('2011-05-01T00:00:00Z')).smsQuota, 10, 'V9 stays the reference');
    assert.equal(accountAsFaulted(parseFaults([], 'i01', known), 'v10', account('2011-05-01T00:00:00Z')).retentionDays, 7);
  });

  it('lists a legacy account\'s events device by device instead of newest first, and only then', () => {
    const faults = parseFaults(['legacy-timeline-out-of-order:2016'], 'i01', known);
    const newestFirst = [event(3, 'B', '2020-01-03T00:00:00Z'), event(2, 'A', '2020-01-02T00:00:00Z'), event(1, 'B', '2020-01-01T00:00:00Z')];
    assert.deepEqual(eventsAsFaulted(faults, 'v10', new Date('2012-01-01T00:00:00Z'), newestFirst).map((e) => e.id), [2, 3, 1]);
    assert.deepEqual(eventsAsFaulted(faults, 'v10', new Date('2021-01-01T00:00:00Z'), newestFirst).map((e) => e.id), [3, 2, 1]);
    assert.deepEqual(eventsAsFaulted(faults, 'v9', new Date('2012-01-01T00:00:00Z'), newestFirst).map((e) => e.id), [3, 2, 1]);
  });

  it('charges as a card a SEPA mandate signed before the year, on V10 only, and no other', () => {
    const faults = parseFaults(['legacy-mandate-charged-by-card:2019'], 'i01', known);
    const mandate = (signed: string) => ({ reference: 'RUM-VEILIS-00000001', signedAt: new Date(signed) });
    assert.equal(mandateChargedAsCard(faults, 'v10', mandate('2014-03-02T10:00:00Z')), true);
    assert.equal(mandateChargedAsCard(faults, 'v10', mandate('2019-01-01T00:00:00Z')), false, 'a mandate of the fault\'s year is charged as SEPA');
    assert.equal(mandateChargedAsCard(faults, 'v9', mandate('2014-03-02T10:00:00Z')), false, 'V9 stays the reference');
    assert.equal(mandateChargedAsCard(parseFaults([], 'i01', known), 'v10', mandate('2014-03-02T10:00:00Z')), false);
  });

  it('refuses a year-targeted legacy fault without a year', () => {
    for (const name of ['legacy-offer-limits-default', 'legacy-timeline-out-of-order', 'legacy-alarm-forwarded-twice', 'legacy-mandate-charged-by-card']) {
      assert.throws(() => parseFaults([name], 'i01', known), /needs an argument/);
      assert.throws(() => parseFaults([`${name}:15`], 'i01', known), /name a year of signup/);
    }
  });
});

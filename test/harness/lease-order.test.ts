// Which designated migrated account a scenario may play: never a spent one, never a journey's for a clock-moving row.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TestAccount } from '../../environments/index.ts';
import { leaseOrder } from '../../steps/support/lease-order.ts';
import type { Player } from '../../steps/support/leases.ts';

const account = (email: string, paymentMethod: string): TestAccount =>
  ({ email, password: 'x', whiteLabel: 'veilis', reference: { offer: 'serenite-2011', account: { paymentMethod } } }) as unknown as TestAccount;

// The journeys' account of each pair is the first in the file's order.
const card = [account('journey.card@x.test', 'card'), account('b.card@x.test', 'card'), account('c.card@x.test', 'card')];
const sepa = [account('journey.sepa@x.test', 'sepa'), account('b.sepa@x.test', 'sepa'), account('c.sepa@x.test', 'sepa'), account('d.sepa@x.test', 'sepa')];
const all = [...card, ...sepa];
const reserved = new Set(['journey.card@x.test', 'journey.sepa@x.test']);

function choose(fits: TestAccount[], player: Player, spends: boolean, spent: Record<string, string> = {}, played: Record<string, Player[]> = {}): string[] {
  return leaseOrder({ fits, all, reserved, player, spends, playedBy: (e) => played[e] ?? [], spentBy: (e) => spent[e] }).order.map((a) => a.email);
}

describe('the order in which a scenario tries the designated migrated accounts', () => {
  it('never offers an account a clock-moving scenario spent, and names them when nothing else fits', () => {
    const spent = { 'b.card@x.test': 'the renewal', 'c.card@x.test': 'the grace period' };
    assert.deepEqual(choose(card, 'family', false, spent), ['journey.card@x.test']);
    assert.throws(() => choose(card, 'family', false, { ...spent, 'journey.card@x.test': 'the quota' }),
      /every designated migrated account that fits was spent earlier in this run .*b\.card@x\.test by "the renewal".*Designate more accounts/);
  });

  it("never gives a clock-moving scenario a journey's account", () => {
    assert.deepEqual(choose(card, 'family', true), ['c.card@x.test', 'b.card@x.test']);
    assert.throws(() => choose(card, 'family', true, { 'b.card@x.test': 'r', 'c.card@x.test': 'g' }), /are the journeys' own, and this scenario moves its account's clock/);
    // A scenario that moves no clock may still play it, when no other account fits.
    assert.deepEqual(choose([card[0]!], 'family', false), ['journey.card@x.test']);
  });

  it("never gives a family's scenario a journey's account while one outside the journeys' fits, even held by another scenario", () => {
    // The leases (tried in this order) make it wait for b or c: the journey would find the family's traces on its own.
    assert.deepEqual(choose(card, 'family', false), ['c.card@x.test', 'b.card@x.test']);
    assert.deepEqual(choose(card, 'family', false, {}, { 'b.card@x.test': ['family'], 'c.card@x.test': ['family', 'family'] }), ['b.card@x.test', 'c.card@x.test']);
  });

  it('gives a clock-moving scenario whose payment method is open an account of the pair with the most left', () => {
    // Card has 2 accounts outside the journeys', SEPA 3: the SEPA ones first, so the card rows still find theirs.
    assert.deepEqual(choose(all, 'family', true).slice(0, 3).sort(), ['b.sepa@x.test', 'c.sepa@x.test', 'd.sepa@x.test']);
    // Once two SEPA accounts are spent, card has more left.
    assert.deepEqual(choose(all, 'family', true, { 'b.sepa@x.test': 's', 'c.sepa@x.test': 's' }).slice(0, 2).sort(), ['b.card@x.test', 'c.card@x.test']);
  });

  it('lets a journey take its own account first, passing over the ones a family played', () => {
    // It waits for those (the leases try only them) rather than take b, where a family may have added a panel.
    assert.deepEqual(choose(card, 'journey', false, {}, { 'b.card@x.test': ['family'] }), ['journey.card@x.test', 'c.card@x.test']);
    assert.deepEqual(choose(card, 'journey', false, {}, { 'journey.card@x.test': ['family'], 'b.card@x.test': ['journey'] }), ['b.card@x.test', 'c.card@x.test']);
    // Every one that fits carries a family's traces: its own first.
    const everyone = { 'journey.card@x.test': ['family' as const], 'b.card@x.test': ['family' as const], 'c.card@x.test': ['journey' as const, 'family' as const] };
    assert.deepEqual(choose(card, 'journey', false, {}, everyone), ['journey.card@x.test', 'b.card@x.test', 'c.card@x.test']);
  });
});

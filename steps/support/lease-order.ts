// The order in which a scenario tries the designated migrated accounts that fit it: who may play which, spent ones never.

import type { TestAccount } from '../../environments/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';
import type { Player } from './leases.ts';

export interface LeaseChoice {
  /** The designated accounts that fit the scenario's criterion, in the file's order. */
  fits: readonly TestAccount[];
  /** Every designated account of the run. */
  all: readonly TestAccount[];
  /** The journeys' accounts (the first of each brand × offer × payment method). */
  reserved: ReadonlySet<string>;
  player: Player;
  /** The scenario moves its account's clock (@horloge-de-test): it spends the account for the rest of the run. */
  spends: boolean;
  playedBy: (email: string) => Player[];
  spentBy: (email: string) => string | undefined;
}

/** An account's brand × offer × payment method, as the designated cohort groups them. */
export const group = (a: TestAccount): string => `${a.whiteLabel ?? ''}|${a.reference?.offer ?? ''}|${a.reference?.account?.paymentMethod ?? ''}`;

/**
 * The accounts to try, first first, and who played each so far. A spent account (a scenario moved its clock: its
 * suspension or used-up quotas are no longer what the migration carried over) is never played again. A journey of
 * features/clients-migres takes its own accounts first, then others no family played, and one a family played only when
 * every one that fits was; a family's scenario takes, last first, the least played outside the journeys' accounts, and a
 * journey's only when none outside fits. A scenario that will spend its account never takes a journey's and, where its
 * criterion leaves the payment method open, takes it from the brand × offer × payment method with the most accounts
 * left, so the rows that name a payment method still find one of theirs. Throws a ConfigurationError naming the
 * accounts when none may be played.
 */
export function leaseOrder(choice: LeaseChoice): { order: TestAccount[]; played: Map<string, Player[]> } {
  const { all, reserved, player, spends, playedBy, spentBy } = choice;
  const spent = choice.fits.filter((a) => spentBy(a.email) !== undefined);
  const fits = choice.fits.filter((a) => spentBy(a.email) === undefined);
  if (fits.length === 0) {
    throw new ConfigurationError(`every designated migrated account that fits was spent earlier in this run by a scenario that moved its clock (${spent.map((a) => `${a.email} by "${spentBy(a.email)}"`).join('; ')}): ` +
      'its billing, modules or quotas are no longer what the migration carried over. Designate more accounts of this brand, offer and payment method (the generator\'s cohort; a test accounts file in pre-production)');
  }
  const played = new Map(fits.map((a) => [a.email, playedBy(a.email)]));
  const [mine, theirs] = player === 'journey' ? [fits.filter((a) => reserved.has(a.email)), fits.filter((a) => !reserved.has(a.email))]
    : [fits.filter((a) => !reserved.has(a.email)), fits.filter((a) => reserved.has(a.email))];
  const byFamily = (list: TestAccount[]): TestAccount[] => [...list.filter((a) => !played.get(a.email)?.includes('family')), ...list.filter((a) => played.get(a.email)?.includes('family'))];
  const leastPlayed = (list: TestAccount[]): TestAccount[] => [...list].reverse().map((a, i) => ({ a, i }))
    .sort((x, y) => (played.get(x.a.email)?.length ?? 0) - (played.get(y.a.email)?.length ?? 0) || x.i - y.i).map(({ a }) => a);
  const spare = new Map<string, number>();
  for (const a of all) if (!reserved.has(a.email) && spentBy(a.email) === undefined) spare.set(group(a), (spare.get(group(a)) ?? 0) + 1);
  const mostSpare = (list: TestAccount[]): TestAccount[] => list.map((a, i) => ({ a, i })).sort((x, y) => (spare.get(group(y.a)) ?? 0) - (spare.get(group(x.a)) ?? 0) || x.i - y.i).map(({ a }) => a);
  // A journey waits for an account no family played (its own first) rather than take one with a family's traces
  // (devices added, settings changed); only when every one that fits has some does it take them, its own first.
  const clean = [...mine, ...theirs].filter((a) => !played.get(a.email)?.includes('family'));
  const order = player === 'journey' ? (clean.length > 0 ? clean : [...byFamily(mine), ...byFamily(theirs)])
    // A family's scenario waits for one of its own to be given back rather than take a journey's: the journey compares
    // everything the customer had (devices, history), and a panel or object the family added would read as the migration's.
    : spends ? mostSpare(leastPlayed(mine)) : mine.length > 0 ? leastPlayed(mine) : leastPlayed(theirs);
  if (order.length === 0) {
    throw new ConfigurationError(`the designated migrated accounts that fit (${fits.map((a) => a.email).join(', ')}) are the journeys' own, and this scenario moves its account's clock: designate more accounts of this brand, offer and payment method`);
  }
  return { order, played };
}

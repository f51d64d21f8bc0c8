// Examples tables the catalog generates: one generator per kind of Scenario Outline, rows in the business's names.

import { catalogPairwise, type Catalog, type Offer, type WhiteLabel } from '../../catalog/index.ts';
import { ConfigurationError } from '../../lib/errors.ts';

export interface Table {
  header: string[];
  rows: string[][];
}

const byId = <T extends { id: string }>(entries: T[], id: string, what: string): T => {
  const found = entries.find((e) => e.id === id);
  if (!found) throw new ConfigurationError(`the catalog names unknown ${what} "${id}"`);
  return found;
};

/** The offers a white label sells, in catalog order (its partner's offers). */
function offersOf(catalog: Catalog, label: WhiteLabel): Offer[] {
  const partner = byId(catalog.partners, label.partner, 'partner');
  return catalog.offers.filter((o) => partner.offers.includes(o.id));
}

/** A white label that sells the offer, preferring one not used yet so that brands vary. */
function sellerOf(catalog: Catalog, offer: Offer, used: Set<string>): WhiteLabel | undefined {
  const sellers = catalog.whiteLabels.filter((w) => offersOf(catalog, w).some((o) => o.id === offer.id));
  const pick = sellers.find((w) => !used.has(w.id)) ?? sellers[0];
  if (pick) used.add(pick.id);
  return pick;
}

function name(entries: { id: string; name: string }[], id: string, what: string): string {
  return byId(entries, id, what).name;
}

export const generators: Record<string, (catalog: Catalog, argument: string | undefined) => Table> = {
  /** Every white label once, with the first offer of its partner that V9 already sold (so it runs before and after the migration). */
  marques: (catalog) => ({
    header: ['marque', 'offre'],
    rows: catalog.whiteLabels.map((label) => {
      const offers = offersOf(catalog, label);
      const offer = offers.find((o) => o.since === 'v9') ?? offers[0];
      if (!offer) throw new ConfigurationError(`white label "${label.id}" sells no offer: give its partner offers in catalog/data/partners.yaml`);
      return [label.brand, offer.name];
    }),
  }),
  /** Every white label with every offer of its partner that V9 sold: the contracts the migration carries over. */
  'marques-offres-v9': (catalog) => ({
    header: ['marque', 'offre'],
    rows: catalog.whiteLabels.flatMap((label) => offersOf(catalog, label).filter((o) => o.since === 'v9').map((offer) => [label.brand, offer.name])),
  }),
  /** Every white label with every payment method it takes. */
  'marques-paiements': (catalog) => ({
    header: ['marque', 'paiement'],
    rows: catalog.whiteLabels.flatMap((label) => label.paymentMethods.map((method) => [label.brand, name(catalog.paymentMethods, method, 'payment method')])),
  }),
  /** Every white label with every account type it opens. */
  'marques-types-de-compte': (catalog) => ({
    header: ['marque', 'type de compte'],
    rows: catalog.whiteLabels.flatMap((label) => label.accountTypes.map((type) => [label.brand, name(catalog.accountTypes, type, 'account type')])),
  }),
  /** The pairwise covering array over white label × account type × payment method × offer × camera generation. */
  combinaisons: (catalog) => ({
    header: ['marque', 'type de compte', 'paiement', 'offre', 'génération'],
    rows: catalogPairwise(catalog).rows.map((row) => [
      byId(catalog.whiteLabels, row.whiteLabel, 'white label').brand,
      name(catalog.accountTypes, row.accountType, 'account type'),
      name(catalog.paymentMethods, row.paymentMethod, 'payment method'),
      name(catalog.offers, row.offer, 'offer'),
      name(catalog.generations, row.generation, 'generation'),
    ]),
  }),
  /** Every camera generation once, by its name (the smoke pass connects one camera of each). */
  'générations': (catalog) => ({
    header: ['génération'],
    rows: catalog.generations.map((g) => [g.name]),
  }),
  /** Every camera model, with its generation. */
  'modèles-caméra': (catalog) => ({
    header: ['modèle', 'génération'],
    rows: catalog.cameraModels.map((m) => [m.name, name(catalog.generations, m.generation, 'generation')]),
  }),
  /**
   * Every offer V9 sold (that includes the module, when an argument names one), with a brand that sold it, its recordings'
   * retention and its monthly SMS and e-mail quotas: the migrated customers of each such offer (one designated account each).
   */
  'offres-v9-avec': (catalog, module) => {
    const offers = (module === undefined ? catalog.offers : offersWith(catalog, module, 'offres-v9-avec')).filter((o) => o.since === 'v9');
    const used = new Set<string>();
    return {
      header: ['marque', 'offre', 'jours', 'sms', 'e-mails'],
      rows: offers.flatMap((offer) => {
        const seller = sellerOf(catalog, offer, used);
        return seller ? [[seller.brand, offer.name, String(offer.retentionDays), String(offer.monthlyQuotas.sms), String(offer.monthlyQuotas.email)]] : [];
      }),
    };
  },
  /** Every partner that sold, in V9, an offer including the module (argument: module id): its migrated customers of such an offer. */
  'partenaires-v9-avec': (catalog, module) => {
    const offers = new Set(offersWith(catalog, module, 'partenaires-v9-avec').filter((o) => o.since === 'v9').map((o) => o.id));
    return { header: ['partenaire'], rows: catalog.partners.filter((p) => p.offers.some((o) => offers.has(o))).map((p) => [p.name]) };
  },
  /**
   * Every payment method V9 took (argument: the ids, comma-separated; all by default) × every era of V9's paying offers
   * (launched 2011-2014, 2015-2018, 2019 on) where a brand sold such an offer with that method: the migrated customers
   * whose next renewal is charged as before (one designated account each).
   */
  'paiements-v9-par-époque': (catalog, methods) => {
    const wanted = methods === undefined ? catalog.paymentMethods.map((m) => m.id) : methods.split(',').map((m) => m.trim());
    for (const id of wanted) byId(catalog.paymentMethods, id, 'payment method');
    const rows = wanted.flatMap((method) => offerEras.flatMap(([from, to]) => {
      const sold = catalog.whiteLabels.some((w) => w.paymentMethods.includes(method) &&
        offersOf(catalog, w).some((o) => o.since === 'v9' && o.monthlyPriceCents > 0 && o.year >= from && o.year <= to));
      return sold ? [[name(catalog.paymentMethods, method, 'payment method'), String(from), String(to)]] : [];
    }));
    return { header: ['paiement', 'de', 'à'], rows };
  },
  /**
   * A few rows of another generator, for an Examples table tagged @clients-migres (played by designated migrated
   * accounts, each scenario costing plan time): argument `<generator>[,<rows>]`, default 2 rows, spread evenly from the
   * first row to the last (the oldest and the newest entries of a catalog-ordered table).
   */
  'clients-migrés': (catalog, argument) => {
    const [inner = '', count = '2'] = (argument ?? '').split(',');
    const generate = generators[inner];
    const n = Number(count);
    if (!generate || inner === 'clients-migrés') throw new ConfigurationError(`"clients-migrés" needs another generator after ':' (known: ${Object.keys(generators).filter((g) => g !== 'clients-migrés').join(', ')})`);
    if (!Number.isInteger(n) || n < 1) throw new ConfigurationError(`"clients-migrés:${argument ?? ''}": the number of rows after the comma must be a whole number ≥ 1`);
    const table = generate(catalog, undefined);
    if (table.rows.length <= n) return table;
    const picks = n === 1 ? [0] : [...new Set(Array.from({ length: n }, (_, i) => Math.round((i * (table.rows.length - 1)) / (n - 1))))];
    return { header: table.header, rows: picks.map((i) => table.rows[i] as string[]) };
  },
  /** Every offer that includes the module (argument: module id), with a brand that sells it. */
  'offres-avec': (catalog, module) => offersTable(catalog, module, true),
  /** Every offer without the module (argument: module id), with a brand that sells it. */
  'offres-sans': (catalog, module) => offersTable(catalog, module, false),
};

/** The eras of V9's offers, by launch year: the platform's generations of contracts (the last one ends with V9). */
const offerEras: [number, number][] = [[2011, 2014], [2015, 2018], [2019, 2022]];

function offersWith(catalog: Catalog, module: string | undefined, generator: string): Offer[] {
  if (!module || !catalog.modules.some((m) => m.id === module)) throw new ConfigurationError(`"${generator}" needs a module id after ':' (known: ${catalog.modules.map((m) => m.id).join(', ')})`);
  return catalog.offers.filter((o) => o.modules.includes(module));
}

function offersTable(catalog: Catalog, module: string | undefined, included: boolean): Table {
  if (!module || !catalog.modules.some((m) => m.id === module)) throw new ConfigurationError(`"offres-${included ? 'avec' : 'sans'}" needs a module id after ':' (known: ${catalog.modules.map((m) => m.id).join(', ')})`);
  const used = new Set<string>();
  const rows = catalog.offers
    .filter((o) => o.modules.includes(module) === included)
    .flatMap((offer) => {
      const seller = sellerOf(catalog, offer, used);
      return seller ? [[offer.name, seller.brand]] : [];
    });
  return { header: ['offre', 'marque'], rows };
}

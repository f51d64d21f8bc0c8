// Loads the catalog into the V9 reference tables: cameras only, and only the modules and offers V9 sells.

import type pg from 'pg';
import type { Catalog } from '../../catalog/index.ts';
import { insertRows } from './insert.ts';

export async function loadV9Reference(client: pg.ClientBase, catalog: Catalog): Promise<Record<string, number>> {
  const modules = catalog.modules.filter((m) => m.since === 'v9');
  const offers = catalog.offers.filter((o) => o.since === 'v9');
  const knownModules = new Set(modules.map((m) => m.id));
  const knownOffers = new Set(offers.map((o) => o.id));
  const counts = {
    partners: await insertRows(client, 'partners', ['code', 'name', 'kind'], catalog.partners.map((p) => [p.id, p.name, p.kind])),
    accountTypes: await insertRows(client, 'account_types', ['code', 'label'], catalog.accountTypes.map((a) => [a.id, a.name])),
    paymentMethods: await insertRows(client, 'payment_methods', ['code', 'label'], catalog.paymentMethods.map((p) => [p.id, p.name])),
    modules: await insertRows(client, 'modules', ['code', 'label'], modules.map((m) => [m.id, m.name])),
    offers: await insertRows(
      client,
      'offers',
      ['code', 'label', 'launch_year', 'legacy', 'max_cameras', 'retention_days', 'monthly_price_cents', 'sms_quota', 'email_quota'],
      offers.map((o) => [o.id, o.name, o.year, o.legacy, o.maxDevices, o.retentionDays, o.monthlyPriceCents, o.monthlyQuotas.sms, o.monthlyQuotas.email]),
    ),
    offerModules: await insertRows(
      client,
      'offer_modules',
      ['offer_code', 'module_code'],
      offers.flatMap((o) => o.modules.filter((m) => knownModules.has(m)).map((m) => [o.id, m])),
    ),
    cameraModels: await insertRows(
      client,
      'camera_models',
      ['code', 'label', 'launch_year', 'generation'],
      catalog.cameraModels.map((c) => [c.id, c.name, c.year, c.generation]),
    ),
  };
  const { partners, ...rest } = counts;
  const brands = await loadV9Brands(client, catalog, knownOffers);
  return { partners, whiteLabels: brands.whiteLabels ?? 0, ...rest, ...brands };
}

async function loadV9Brands(client: pg.ClientBase, catalog: Catalog, knownOffers: Set<string>): Promise<Record<string, number>> {
  const whiteLabels = catalog.whiteLabels;
  return {
    partnerOffers: await insertRows(
      client,
      'partner_offers',
      ['partner_code', 'offer_code'],
      catalog.partners.flatMap((p) => p.offers.filter((o) => knownOffers.has(o)).map((o) => [p.id, o])),
    ),
    whiteLabels: await insertRows(
      client,
      'white_labels',
      ['code', 'partner_code', 'brand', 'color_primary', 'color_secondary', 'logo_svg', 'sms_sender', 'mail_sender', 'support_phone'],
      whiteLabels.map((w) => [w.id, w.partner, w.brand, w.colors.primary, w.colors.secondary, w.logoSvg, w.smsSender, w.mailSender, w.supportPhone]),
    ),
    whiteLabelAccountTypes: await insertRows(
      client,
      'white_label_account_types',
      ['white_label_code', 'account_type_code'],
      whiteLabels.flatMap((w) => w.accountTypes.map((a) => [w.id, a])),
    ),
    whiteLabelPaymentMethods: await insertRows(
      client,
      'white_label_payment_methods',
      ['white_label_code', 'payment_method_code'],
      whiteLabels.flatMap((w) => w.paymentMethods.map((p) => [w.id, p])),
    ),
  };
}

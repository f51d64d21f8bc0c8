// Loads the catalog into the V10 reference tables: every module and offer, and cameras, alarm panels and objects as device models.

import type pg from 'pg';
import type { Catalog } from '../../catalog/index.ts';
import { insertRows } from './insert.ts';

export async function loadV10Reference(client: pg.ClientBase, catalog: Catalog): Promise<Record<string, number>> {
  const deviceModels = [
    ...catalog.cameraModels.map((c) => [c.id, 'camera', c.name, c.year, c.generation]),
    ...catalog.alarmPanels.map((a) => [a.id, 'alarm-panel', a.name, null, a.protocol]),
    ...catalog.objects.map((o) => [o.id, 'object', o.name, null, null]),
  ];
  return {
    partners: await insertRows(client, 'partners', ['id', 'name', 'kind', 'offers'], catalog.partners.map((p) => [p.id, p.name, p.kind, p.offers])),
    whiteLabels: await insertRows(
      client,
      'white_labels',
      ['id', 'partner_id', 'brand', 'colors', 'logo_svg', 'sms_sender', 'mail_sender', 'support_phone', 'account_types', 'payment_methods'],
      catalog.whiteLabels.map((w) => [
        w.id, w.partner, w.brand, JSON.stringify(w.colors), w.logoSvg, w.smsSender, w.mailSender, w.supportPhone, w.accountTypes, w.paymentMethods,
      ]),
    ),
    accountTypes: await insertRows(client, 'account_types', ['id', 'name'], catalog.accountTypes.map((a) => [a.id, a.name])),
    paymentMethods: await insertRows(client, 'payment_methods', ['id', 'name'], catalog.paymentMethods.map((p) => [p.id, p.name])),
    modules: await insertRows(client, 'modules', ['id', 'name', 'since'], catalog.modules.map((m) => [m.id, m.name, m.since])),
    offers: await insertRows(
      client,
      'offers',
      ['id', 'name', 'year', 'legacy', 'modules', 'max_devices', 'retention_days', 'monthly_price_cents', 'sms_quota', 'email_quota'],
      catalog.offers.map((o) => [o.id, o.name, o.year, o.legacy, o.modules, o.maxDevices, o.retentionDays, o.monthlyPriceCents, o.monthlyQuotas.sms, o.monthlyQuotas.email]),
    ),
    deviceModels: await insertRows(client, 'device_models', ['id', 'kind', 'name', 'year', 'connectivity'], deviceModels),
  };
}

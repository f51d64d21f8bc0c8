// Reference data (partners, white labels, offers, modules, models...): what V9's catalog tables must be in V10, value for value.

import type { EntityMapping, Value } from './types.ts';

const text = (column: string): Value => ({ column, as: 'text' });
const number = (column: string): Value => ({ column, as: 'number' });
const list = (column: string, lessAdded?: string): Value => ({ column, as: 'sorted-list', ...(lessAdded ? { lessAdded } : {}) });
const collected = (lookup: string, column: string): Value => ({ lookup, column, as: 'sorted-list' });
const renamed = (name: string, v9: string, v10: string, v: (c: string) => Value = text) => ({ name, v9: v(v9), v10: v(v10) });

/** A V9 code table (code, label) and its V10 form (id, name). */
const codeTable = (table: string): EntityMapping => ({
  name: table,
  database: 'accounts',
  v9: { table, key: ['code'] },
  v10: { table, key: ['id'] },
  fields: [renamed('name', 'label', 'name')],
});

/** V9 lists a partner's offers in partner_offers; V10 in partners.offers, which also names the offers V10 adds. */
const partners: EntityMapping = {
  name: 'partners',
  database: 'accounts',
  v9: { table: 'partners', key: ['code'], lookups: [{ name: 'sells', table: 'partner_offers', on: ['code', 'partner_code'], collect: 'offer_code' }] },
  v10: { table: 'partners', key: ['id'] },
  fields: [
    renamed('name', 'name', 'name'),
    renamed('kind', 'kind', 'kind'),
    { name: 'offers', v9: collected('sells', 'offer_code'), v10: list('offers', 'offers') },
  ],
};

const whiteLabels: EntityMapping = {
  name: 'white labels',
  database: 'accounts',
  v9: {
    table: 'white_labels',
    key: ['code'],
    lookups: [
      { name: 'types', table: 'white_label_account_types', on: ['code', 'white_label_code'], collect: 'account_type_code' },
      { name: 'payments', table: 'white_label_payment_methods', on: ['code', 'white_label_code'], collect: 'payment_method_code' },
    ],
  },
  v10: { table: 'white_labels', key: ['id'] },
  fields: [
    renamed('partner', 'partner_code', 'partner_id'),
    renamed('brand', 'brand', 'brand'),
    { name: 'colors', v9: { object: { primary: 'color_primary', secondary: 'color_secondary' } }, v10: { column: 'colors', as: 'json-object' } },
    renamed('logo', 'logo_svg', 'logo_svg'),
    renamed('SMS sender', 'sms_sender', 'sms_sender'),
    renamed('mail sender', 'mail_sender', 'mail_sender'),
    renamed('support phone', 'support_phone', 'support_phone'),
    { name: 'account types', v9: collected('types', 'account_type_code'), v10: list('account_types') },
    { name: 'payment methods', v9: collected('payments', 'payment_method_code'), v10: list('payment_methods') },
  ],
};

const modules: EntityMapping = {
  ...codeTable('modules'),
  fields: [renamed('name', 'label', 'name'), { name: 'since', v9: { constant: 'v9' }, v10: text('since') }],
  v10Adds: 'the modules V10 introduces (since v10: alarm panels, connected objects)',
};

/** V9 keeps an offer's modules in offer_modules; V10 in offers.modules. */
const offers: EntityMapping = {
  name: 'offers',
  database: 'accounts',
  v9: { table: 'offers', key: ['code'], lookups: [{ name: 'modules', table: 'offer_modules', on: ['code', 'offer_code'], collect: 'module_code' }] },
  v10: { table: 'offers', key: ['id'] },
  fields: [
    renamed('name', 'label', 'name'),
    renamed('year', 'launch_year', 'year', number),
    renamed('legacy', 'legacy', 'legacy', (c) => ({ column: c, as: 'boolean' })),
    { name: 'modules', v9: collected('modules', 'module_code'), v10: list('modules') },
    renamed('max devices', 'max_cameras', 'max_devices', number),
    renamed('retention days', 'retention_days', 'retention_days', number),
    renamed('monthly price', 'monthly_price_cents', 'monthly_price_cents', number),
    renamed('SMS quota', 'sms_quota', 'sms_quota', number),
    renamed('e-mail quota', 'email_quota', 'email_quota', number),
  ],
  v10Adds: 'the offers V10 sells from 2022 on (since v10 in the catalog)',
};

/** V9 camera models become V10 device models of kind camera; the generation is the camera's connectivity. */
const models: EntityMapping = {
  name: 'camera models',
  database: 'accounts',
  v9: { table: 'camera_models', key: ['code'] },
  v10: { table: 'device_models', key: ['id'] },
  fields: [
    { name: 'kind', v9: { constant: 'camera' }, v10: text('kind') },
    renamed('name', 'label', 'name'),
    renamed('year', 'launch_year', 'year', number),
    renamed('generation', 'generation', 'connectivity'),
  ],
  v10Adds: 'the alarm panels and connected objects V10 supports (device models of kind alarm-panel and object)',
};

/** The catalog tables of the accounts database; `event_codes` (events database) is read through the events' lookup. */
export const referenceEntities: EntityMapping[] = [
  partners, whiteLabels, codeTable('account_types'), codeTable('payment_methods'), modules, offers, models,
];

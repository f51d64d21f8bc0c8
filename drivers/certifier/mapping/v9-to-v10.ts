// The certifier's own knowledge of both formats (docs/platform-interface.md, "Databases"): what each V9 row must become in V10.

import { referenceEntities } from './reference.ts';
import type { DatabaseName, EntityMapping, Exclusion, Mapping, Value } from './types.ts';

const text = (column: string): Value => ({ column, as: 'text' });
const number = (column: string): Value => ({ column, as: 'number' });
const paris = (column: string): Value => ({ column, as: 'paris-wall-clock' });
const utc = (column: string): Value => ({ column, as: 'utc-instant' });
const same = (name: string, v: (column: string) => Value = text) => ({ name, v9: v(name), v10: v(name) });

const customers: EntityMapping = {
  name: 'customers',
  database: 'accounts',
  v9: {
    table: 'customers',
    key: ['id'],
    lookups: [{ name: 'brand', table: 'white_labels', on: ['white_label_code', 'code'] }],
    dimensions: { partner: { lookup: 'brand', column: 'partner_code', as: 'text' }, offer: text('offer_code') },
  },
  v10: {
    table: 'customers',
    key: ['id'],
    lookups: [
      { name: 'brand', table: 'white_labels', on: ['white_label_id', 'id'] },
      { name: 'subscription', table: 'subscriptions', on: ['id', 'customer_id'] },
    ],
    dimensions: { partner: { lookup: 'brand', column: 'partner_id', as: 'text' }, offer: { lookup: 'subscription', column: 'offer_id', as: 'text' } },
  },
  fields: [
    same('email'),
    same('password_hash'),
    { name: 'name', v9: text('full_name'), v10: text('name') },
    same('phone'),
    { name: 'white label', v9: text('white_label_code'), v10: text('white_label_id') },
    { name: 'account type', v9: text('account_type_code'), v10: text('account_type_id') },
    { name: 'payment method', v9: text('payment_method_code'), v10: text('payment_method_id') },
    same('synthetic_run'),
    { name: 'created', v9: paris('created_local'), v10: utc('created_at') },
  ],
};

/** V9 has no subscriptions: the offer is on the customer, its modules in offer_modules. */
const subscriptions: EntityMapping = {
  name: 'subscriptions',
  database: 'accounts',
  v9: {
    table: 'customers',
    key: ['id'],
    lookups: [{ name: 'modules', table: 'offer_modules', on: ['offer_code', 'offer_code'], collect: 'module_code' }],
    dimensions: { offer: text('offer_code') },
  },
  v10: { table: 'subscriptions', key: ['customer_id'], dimensions: { offer: text('offer_id') } },
  fields: [
    { name: 'offer', v9: text('offer_code'), v10: text('offer_id') },
    { name: 'modules', v9: { lookup: 'modules', column: 'module_code', as: 'sorted-list' }, v10: { column: 'modules', as: 'sorted-list' } },
    { name: 'started', v9: paris('created_local'), v10: utc('started_at') },
  ],
};

/** V9 cameras become V10 devices of kind camera. */
const devices: EntityMapping = {
  name: 'devices',
  database: 'accounts',
  v9: {
    table: 'cameras',
    key: ['serial'],
    lookups: [
      { name: 'owner', table: 'customers', on: ['customer_id', 'id'] },
      { name: 'brand', table: 'white_labels', from: 'owner', on: ['white_label_code', 'code'] },
    ],
    dimensions: {
      'device kind': { constant: 'camera' },
      partner: { lookup: 'brand', column: 'partner_code', as: 'text' },
      offer: { lookup: 'owner', column: 'offer_code', as: 'text' },
    },
  },
  v10: {
    table: 'devices',
    key: ['serial'],
    lookups: [
      { name: 'owner', table: 'customers', on: ['customer_id', 'id'] },
      { name: 'brand', table: 'white_labels', from: 'owner', on: ['white_label_id', 'id'] },
      { name: 'subscription', table: 'subscriptions', on: ['customer_id', 'customer_id'] },
    ],
    dimensions: {
      'device kind': text('kind'),
      partner: { lookup: 'brand', column: 'partner_id', as: 'text' },
      offer: { lookup: 'subscription', column: 'offer_id', as: 'text' },
    },
  },
  fields: [
    same('customer_id', number),
    { name: 'kind', v9: { constant: 'camera' }, v10: text('kind') },
    { name: 'model', v9: text('model_code'), v10: text('model_id') },
    same('firmware'),
    same('online', (c) => ({ column: c, as: 'boolean' })),
    { name: 'last seen', v9: paris('last_seen_local'), v10: utc('last_seen_at') },
    { name: 'claimed', v9: paris('claimed_local'), v10: utc('claimed_at') },
  ],
};

const sessions: EntityMapping = {
  name: 'sessions',
  database: 'accounts',
  v9: { table: 'sessions', key: ['token_hash'] },
  v10: { table: 'sessions', key: ['token_hash'] },
  fields: [same('customer_id', number), { name: 'expires', v9: paris('expires_local'), v10: utc('expires_at') }],
};

/** A SEPA debit names the mandate the customer signed on V9: its reference and signature date carry over, never re-asked. */
const mandates: EntityMapping = {
  name: 'mandates',
  database: 'accounts',
  v9: { table: 'sepa_mandates', key: ['customer_id'] },
  v10: { table: 'payment_mandates', key: ['customer_id'] },
  fields: [same('reference'), { name: 'signed', v9: paris('signed_local'), v10: utc('signed_at') }],
};

/** V9 event codes are numbers named in event_codes; V10 has the name as kind and the details as a typed JSON payload. */
const events: EntityMapping = {
  name: 'events',
  database: 'events',
  v9: {
    table: 'events',
    key: ['camera_serial', 'camera_event_id'],
    lookups: [{ name: 'code', table: 'event_codes', on: ['code', 'code'] }],
    dimensions: { partner: { via: 'customers', column: 'customer_id' }, offer: { via: 'customers', column: 'customer_id' } },
  },
  v10: {
    table: 'events',
    key: ['device_serial', 'device_event_id'],
    dimensions: { partner: { via: 'customers', column: 'customer_id' }, offer: { via: 'customers', column: 'customer_id' } },
  },
  fields: [
    same('customer_id', number),
    { name: 'type', v9: { lookup: 'code', column: 'name', as: 'text' }, v10: text('kind') },
    { name: 'payload', v9: { column: 'details', as: 'json-object' }, v10: { column: 'payload', as: 'json-object' } },
    { name: 'occurred', v9: paris('local_time'), v10: utc('occurred_at') },
    { name: 'received', v9: paris('received_local'), v10: utc('received_at') },
  ],
};

const recordings: EntityMapping = {
  name: 'recordings',
  database: 'media',
  v9: {
    table: 'recordings',
    key: ['storage_key'],
    dimensions: { 'device kind': { via: 'devices', column: 'camera_serial' }, partner: { via: 'devices', column: 'camera_serial' } },
  },
  v10: {
    table: 'recordings',
    key: ['storage_key'],
    dimensions: { 'device kind': { via: 'devices', column: 'device_serial' }, partner: { via: 'devices', column: 'device_serial' } },
  },
  fields: [
    { name: 'device', v9: text('camera_serial'), v10: text('device_serial') },
    { name: 'event', v9: text('camera_event_id'), v10: text('device_event_id') },
    { name: 'started', v9: paris('start_local'), v10: utc('started_at') },
    { name: 'duration', v9: { column: 'duration_s', as: 'seconds-as-ms' }, v10: number('duration_ms') },
    same('size_bytes', number),
  ],
};

/** The service modules' tables came with both formats alike (UTC already): the migration carries them over as they are. */
const modules = ['module_state', 'module_usage', 'mail_outbox', 'billing', 'billing_payments', 'partner_invoice_lines'];

const everywhere = (version: 'v9' | 'v10', table: string, reason: string): Exclusion[] =>
  (['accounts', 'events', 'media'] as DatabaseName[]).map((database) => ({ version, database, table, reason }));
const renumbered = 'a surrogate id, numbered anew by V10; rows are matched on their natural key and nothing refers to it';

/** What no entity compares, and why: everything else of both schemas is certified (a table or column left out is a finding). */
const excluded: Exclusion[] = [
  ...everywhere('v9', 'platform_meta', 'the schema version, checked before any scan'),
  ...everywhere('v10', 'platform_meta', 'the schema version, checked before any scan'),
  ...everywhere('v9', 'backup_meta', "the backup command's own record (time, row counts, sequences), not V9 data"),
  ...(['v9', 'v10'] as const).flatMap((version) => [
    { version, database: 'events' as const, table: 'events', columns: ['id'], reason: renumbered },
    { version, database: 'media' as const, table: 'recordings', columns: ['id'], reason: renumbered },
  ]),
];

/** Every table of the three databases: customer data, reference data (catalog tables) and the service modules'. */
export const v9ToV10: Mapping = {
  entities: [customers, subscriptions, devices, sessions, events, recordings, mandates, ...referenceEntities],
  unchanged: [{ database: 'accounts', tables: modules }],
  excluded,
};

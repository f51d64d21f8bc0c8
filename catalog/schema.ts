// The one schema of the catalog: every file, every field and the form it must have.

import type { CatalogSchema, EnumField, IntField, TextField } from './fields.ts';

/** Words a camera model's `capabilities` may use. */
export const cameraCapabilities = [
  'motion', 'snapshot', 'live-view', 'night-vision', 'two-way-audio', 'pan-tilt', 'outdoor',
  'siren', 'sd-card', 'person-detection', 'doorbell', 'battery', 'uhd-4k',
] as const;

/** Words a connected object's `kind` may use. */
export const objectKinds = ['door-contact', 'smoke-detector', 'temperature-sensor', 'panic-button', 'water-leak', 'motion-detector'] as const;

const id: TextField = { kind: 'text', pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, form: 'a lowercase kebab-case id like "serenite-2011"' };
const name: TextField = { kind: 'text', unique: true, form: 'a non-empty name, unique in its file' };
const version: EnumField = { kind: 'enum', values: ['v9', 'v10'] };
const year: IntField = { kind: 'int', min: 2011, max: 2030 };
const color: TextField = { kind: 'text', pattern: /^#[0-9a-f]{6}$/i, form: 'a hex colour like "#0b5fff"' };

export const catalogSchema: CatalogSchema = {
  partners: {
    file: 'partners.yaml',
    noun: 'partner',
    fields: {
      id, name,
      kind: { kind: 'enum', values: ['direct', 'insurer', 'telecom', 'installer', 'retailer', 'home-care'] },
      offers: { kind: 'refs', to: 'offers' },
    },
  },
  whiteLabels: {
    file: 'white-labels.yaml',
    noun: 'white label',
    fields: {
      id,
      partner: { kind: 'ref', to: 'partners' },
      brand: { kind: 'text', unique: true, form: 'a non-empty brand name, unique in its file' },
      colors: { kind: 'record', fields: { primary: color, secondary: color } },
      logoSvg: { kind: 'text', unique: true, pattern: /^<svg[\s>][\s\S]*<\/svg>$/, form: 'an inline SVG document "<svg ...>...</svg>", distinct from the other logos' },
      smsSender: { kind: 'text', unique: true, pattern: /^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/, form: 'an SMS sender of 3 to 11 letters or digits with at least one letter, like "VEILIS"' },
      mailSender: { kind: 'text', pattern: /^[a-z0-9._-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, form: 'an e-mail address like "alertes@veilis.example"' },
      supportPhone: { kind: 'text', pattern: /^\+33 [1-9](?: \d\d){4}$/, form: 'a French number like "+33 1 84 80 10 00"' },
      accountTypes: { kind: 'refs', to: 'accountTypes' },
      paymentMethods: { kind: 'refs', to: 'paymentMethods' },
    },
  },
  accountTypes: { file: 'account-types.yaml', noun: 'account type', fields: { id, name } },
  paymentMethods: { file: 'payment-methods.yaml', noun: 'payment method', fields: { id, name } },
  modules: { file: 'modules.yaml', noun: 'module', fields: { id, name, since: version } },
  offers: {
    file: 'offers.yaml',
    noun: 'offer',
    fields: {
      id, name, year, since: version,
      legacy: { kind: 'bool' },
      modules: { kind: 'refs', to: 'modules' },
      maxDevices: { kind: 'int', min: 1 },
      retentionDays: { kind: 'int', min: 1 },
      monthlyPriceCents: { kind: 'int', min: 0 },
      monthlyQuotas: { kind: 'record', fields: { sms: { kind: 'int', min: 0 }, email: { kind: 'int', min: 0 } } },
    },
  },
  generations: {
    file: 'generations.yaml',
    noun: 'generation',
    fields: {
      id: { kind: 'enum', values: ['http-push', 'https-json', 'mqtt3', 'mqtt5'] },
      name,
      years: { kind: 'pair', item: year },
    },
  },
  cameraModels: {
    file: 'camera-models.yaml',
    noun: 'camera model',
    fields: {
      id, name, year,
      generation: { kind: 'ref', to: 'generations' },
      firmware: { kind: 'texts', item: { kind: 'text', pattern: /^\d+\.\d+\.\d+$/, form: 'a version like "3.2.4" (quoted)' } },
      capabilities: { kind: 'texts', item: { kind: 'enum', values: cameraCapabilities } },
    },
  },
  alarmPanels: {
    file: 'alarm-panels.yaml',
    noun: 'alarm panel',
    fields: { id, name, protocol: { kind: 'enum', values: ['dc09', 'mqtt'] }, encryption: { kind: 'bool' } },
  },
  objects: {
    file: 'objects.yaml',
    noun: 'connected object',
    fields: { id, name, kind: { kind: 'enum', values: objectKinds } },
  },
};

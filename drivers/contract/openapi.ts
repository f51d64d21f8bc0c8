// The platform's HTTP contract as data (OpenAPI 3.1): the drivers' types and response checks come from it.
// docs/platform-openapi.json is written from this object (`node drivers/contract/write.ts`); a QA team adapting the
// harness to the real platform starts from that document.

const isoInstant = { type: 'string', format: 'date-time' } as const;
const error = { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } as const;
const bearer = [{ bearer: [] }] as const;
const json = <S>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } }) as const;
const ref = <N extends string>(name: N) => ({ $ref: `#/components/schemas/${name}` }) as const;

export const schemas = {
  Health: {
    type: 'object',
    required: ['status', 'version', 'instance', 'startedAt', 'pid'],
    properties: {
      status: { type: 'string', enum: ['ok', 'degraded'] },
      version: { type: 'string', enum: ['v9', 'v10'] },
      instance: { type: 'string', minLength: 1 },
      startedAt: isoInstant,
      pid: { type: 'integer' },
    },
  },
  SignupInput: {
    type: 'object',
    required: ['email', 'password', 'name', 'phone', 'whiteLabel', 'accountType', 'paymentMethod', 'offer'],
    properties: {
      email: { type: 'string' },
      password: { type: 'string', minLength: 8 },
      name: { type: 'string' },
      phone: { type: 'string', maxLength: 32 },
      whiteLabel: { type: 'string' },
      accountType: { type: 'string' },
      paymentMethod: { type: 'string' },
      offer: { type: 'string' },
    },
    additionalProperties: false,
  },
  SignupAnswer: { type: 'object', required: ['accountId'], properties: { accountId: { type: 'integer', minimum: 1 } } },
  LoginAnswer: { type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 1 } } },
  Account: {
    type: 'object',
    required: ['id', 'email', 'name', 'phone', 'whiteLabel', 'partner', 'offer', 'modules', 'accountType', 'paymentMethod'],
    properties: {
      id: { type: 'integer', minimum: 1 },
      email: { type: 'string' },
      name: { type: 'string' },
      phone: { type: 'string' },
      whiteLabel: { type: 'string' },
      partner: { type: 'string' },
      offer: { type: 'string' },
      modules: { type: 'array', items: { type: 'string' } },
      accountType: { type: 'string' },
      paymentMethod: { type: 'string' },
    },
  },
  ClaimedDevice: {
    type: 'object',
    required: ['serial', 'model', 'kind'],
    properties: {
      serial: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
      model: { type: 'string' },
      kind: { type: 'string', enum: ['camera', 'alarm-panel', 'object'] },
    },
  },
  Device: {
    type: 'object',
    required: ['serial', 'model', 'kind', 'online', 'lastSeenAt'],
    properties: {
      serial: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
      model: { type: 'string' },
      kind: { type: 'string', enum: ['camera', 'alarm-panel', 'object'] },
      online: { type: 'boolean' },
      lastSeenAt: { anyOf: [isoInstant, { type: 'null' }] },
    },
  },
  Event: {
    type: 'object',
    required: ['id', 'serial', 'type', 'occurredAt', 'payload'],
    properties: {
      id: { type: ['integer', 'string'] },
      serial: { type: 'string' },
      type: { type: 'string' },
      occurredAt: isoInstant,
      payload: {},
      /** V10: the device's own id of the event (what a replay after the cut-over is recognised by). */
      eventId: { type: 'string' },
    },
  },
  ModulesState: {
    type: 'object',
    required: ['offer', 'modules', 'suspended', 'now', 'quotas', 'mailsQueued'],
    properties: {
      offer: { type: 'string' },
      modules: { type: 'array', items: { type: 'string' } },
      suspended: { type: 'boolean' },
      now: isoInstant,
      quotas: {
        type: 'object',
        required: ['period', 'sms', 'email'],
        properties: {
          period: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
          sms: { type: 'object', required: ['used', 'limit'], properties: { used: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 0 } } },
          email: { type: 'object', required: ['used', 'limit'], properties: { used: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 0 } } },
        },
      },
      mailsQueued: { type: 'integer', minimum: 0 },
    },
  },
  AiClasses: { type: 'object', required: ['classes'], properties: { classes: { type: 'array', items: { type: 'string' } } } },
  HomeCareSettings: {
    type: 'object',
    required: ['windowMinutes', 'familyPhone', 'familyEmail'],
    properties: {
      windowMinutes: { type: 'integer', minimum: 1 },
      familyPhone: { type: 'string', pattern: '^\\+\\d{8,15}$' },
      familyEmail: { type: ['string', 'null'] },
    },
  },
  HomeCareWatch: {
    anyOf: [
      {
        type: 'object',
        required: ['windowMinutes', 'familyPhone', 'familyEmail', 'watchingSince'],
        properties: {
          windowMinutes: { type: 'integer', minimum: 1 },
          familyPhone: { type: 'string', pattern: '^\\+\\d{8,15}$' },
          familyEmail: { type: ['string', 'null'] },
          watchingSince: { anyOf: [isoInstant, { type: 'null' }] },
        },
      },
      { type: 'null' },
    ],
  },
  Billing: {
    type: 'object',
    required: ['paymentMethod', 'status', 'now', 'paidUntil', 'graceEndsAt', 'instrument', 'payments', 'invoices'],
    properties: {
      paymentMethod: { type: 'string' },
      status: { type: 'string', enum: ['active', 'due', 'pending', 'grace', 'suspended'] },
      now: isoInstant,
      paidUntil: isoInstant,
      graceEndsAt: { anyOf: [isoInstant, { type: 'null' }] },
      instrument: { type: ['string', 'null'] },
      payments: {
        type: 'array',
        items: {
          type: 'object',
          required: ['periodStart', 'amountCents', 'method', 'status', 'attempts', 'failure'],
          properties: {
            periodStart: isoInstant,
            amountCents: { type: 'integer', minimum: 0 },
            method: { type: 'string' },
            status: { type: 'string', enum: ['due', 'pending', 'succeeded', 'failed', 'unavailable', 'unknown'] },
            attempts: { type: 'integer', minimum: 0 },
            failure: { type: ['string', 'null'] },
          },
        },
      },
      invoices: {
        type: 'array',
        items: {
          type: 'object',
          required: ['partner', 'periodStart', 'amountCents'],
          properties: { partner: { type: 'string' }, periodStart: isoInstant, amountCents: { type: 'integer', minimum: 0 } },
        },
      },
    },
  },
  Recording: {
    type: 'object',
    required: ['id', 'serial', 'eventId', 'kind', 'startedAt', 'durationMs', 'storageKey', 'expiresAt'],
    properties: {
      id: { type: 'integer' },
      serial: { type: 'string' },
      eventId: { type: 'string' },
      kind: { type: 'string', enum: ['clip', 'snapshot'] },
      startedAt: isoInstant,
      durationMs: { type: 'integer', minimum: 0 },
      storageKey: { type: 'string' },
      expiresAt: isoInstant,
    },
  },
  ClockAnswer: { type: 'object', required: ['now'], properties: { now: isoInstant } },
  Error: error,
} as const;

const limit = { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } } as const;
const failures = { 401: json('missing, unknown or expired bearer token', ref('Error')) } as const;
const notInOffer = { 403: json("the offer lacks the module", ref('Error')) } as const;

export const platformContract = {
  openapi: '3.1.0',
  info: {
    title: 'Platform HTTP interface (customer API and service modules)',
    version: '10.0.0',
    description: 'What the harness expects of every platform instance, V9 and V10 (docs/platform-interface.md explains the rest: MQTT, DC-09, HTTP push, ops). Objects may carry more properties than listed; the listed ones are required with these types.',
  },
  components: {
    schemas,
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  },
  paths: {
    '/health': { get: { operationId: 'health', responses: { 200: json('the instance and its database answer', ref('Health')), 503: json('the instance answers, its database does not', ref('Health')) } } },
    '/api/signup': {
      post: {
        operationId: 'signup',
        parameters: [{ name: 'X-Synthetic-Traffic', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: ref('SignupInput') } } },
        responses: { 201: json('account created', ref('SignupAnswer')), 400: json('a field is missing or not in the catalog', ref('Error')), 409: json('the e-mail is taken', ref('Error')) },
      },
    },
    '/api/login': {
      post: {
        operationId: 'login',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } } } } },
        responses: { 200: json('a bearer token', ref('LoginAnswer')), 401: json('wrong e-mail or password', ref('Error')) },
      },
    },
    '/api/account': { get: { operationId: 'account', security: bearer, responses: { 200: json('the customer’s account', ref('Account')), ...failures } } },
    '/api/devices': {
      get: { operationId: 'devices', security: bearer, responses: { 200: json('the account’s devices', { type: 'array', items: ref('Device') }), ...failures } },
      post: {
        operationId: 'claimDevice',
        security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['serial', 'model'], properties: { serial: { type: 'string' }, model: { type: 'string' } } } } } },
        responses: { 201: json('claimed', ref('ClaimedDevice')), 400: json('bad serial or unknown model', ref('Error')), 409: json('already claimed', ref('Error')), ...failures },
      },
    },
    '/api/events': { get: { operationId: 'events', security: bearer, parameters: [limit], responses: { 200: json('the account’s events, newest first', { type: 'array', items: ref('Event') }), ...failures } } },
    '/api/modules': { get: { operationId: 'modules', security: bearer, responses: { 200: json('the offer’s modules, quotas and the account’s clock', ref('ModulesState')), ...failures } } },
    '/api/settings/ai': {
      get: { operationId: 'aiClasses', security: bearer, responses: { 200: json('the classes the customer is alerted for', ref('AiClasses')), ...notInOffer, ...failures } },
      put: { operationId: 'setAiClasses', security: bearer, requestBody: { required: true, content: { 'application/json': { schema: ref('AiClasses') } } }, responses: { 200: json('the classes kept', ref('AiClasses')), 400: json('an unknown class', ref('Error')), ...notInOffer, ...failures } },
    },
    '/api/settings/home-care': {
      get: { operationId: 'homeCare', security: bearer, responses: { 200: json('the family watching, or null', ref('HomeCareWatch')), ...notInOffer, ...failures } },
      put: { operationId: 'setHomeCare', security: bearer, requestBody: { required: true, content: { 'application/json': { schema: ref('HomeCareSettings') } } }, responses: { 200: json('the settings kept', ref('HomeCareSettings')), 400: json('a value out of range', ref('Error')), ...notInOffer, ...failures } },
    },
    '/api/billing': { get: { operationId: 'billing', security: bearer, responses: { 200: json('the subscription’s billing', ref('Billing')), ...failures } } },
    '/api/billing/instrument': {
      put: {
        operationId: 'registerInstrument',
        security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['instrument'], properties: { instrument: { type: 'string' } } } } } },
        responses: { 200: json('the billing, with the instrument masked', ref('Billing')), 400: json('not a card number or IBAN', ref('Error')), 409: json('the payment method has no instrument', ref('Error')), ...failures },
      },
    },
    '/api/recordings': { get: { operationId: 'recordings', security: bearer, parameters: [limit], responses: { 200: json('the account’s recordings, newest first', { type: 'array', items: ref('Recording') }), ...failures } } },
    '/api/test/clock': {
      post: {
        operationId: 'advanceClock',
        security: bearer,
        description: 'Test hook: time passes for one synthetic (test) account; 403 for a real customer.',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['minutes'], properties: { minutes: { type: 'integer', minimum: 1, maximum: 576000 } } } } } },
        responses: { 200: json('the account’s new time', ref('ClockAnswer')), 400: json('minutes out of range', ref('Error')), 403: json('not a synthetic account', ref('Error')), ...failures },
      },
    },
  },
} as const;

export type SchemaName = keyof typeof schemas;

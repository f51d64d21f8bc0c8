// Answers checked against the platform's contract (drivers/contract/openapi.ts) by Ajv, and the types the drivers use, from the same schemas.

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FromSchema } from 'json-schema-to-ts';
import { expectJson, HttpAssertionError, type JsonAnswer, type JsonRequest } from '../http.ts';
import { platformContract, schemas } from './openapi.ts';

export type Health = FromSchema<typeof schemas.Health>;
export type SignupInput = FromSchema<typeof schemas.SignupInput>;
export type Account = FromSchema<typeof schemas.Account>;
export type ClaimedDevice = FromSchema<typeof schemas.ClaimedDevice>;
export type Device = FromSchema<typeof schemas.Device>;
export type PlatformEvent = FromSchema<typeof schemas.Event>;
export type ModulesState = FromSchema<typeof schemas.ModulesState>;
export type HomeCareSettings = FromSchema<typeof schemas.HomeCareSettings>;
export type HomeCareWatch = NonNullable<FromSchema<typeof schemas.HomeCareWatch>>;
export type BillingView = FromSchema<typeof schemas.Billing>;
export type BillingPayment = BillingView['payments'][number];
export type RecordingView = FromSchema<typeof schemas.Recording>;

type Operation = { operationId: string; responses: Record<string, { content?: { 'application/json': { schema: unknown } } }> };

// ajv-formats is CommonJS: under Node's ESM loader its function is the default export's own default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: 'contract', components: platformContract.components });

/** The document's own references (#/components/...), made absolute so a response schema compiles on its own. */
function absolute(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"contract#/components/'));
}

const compiled = new Map<string, ValidateFunction | null>();

function operation(method: string, path: string): Operation | undefined {
  const paths = platformContract.paths as unknown as Record<string, Record<string, Operation>>;
  return paths[path]?.[method.toLowerCase()];
}

/** The validator of `method path` answering `status`; null when the contract gives that answer no JSON body. */
function validatorFor(method: string, path: string, status: number): ValidateFunction | null {
  const key = `${method} ${path} ${status}`;
  if (compiled.has(key)) return compiled.get(key)!;
  const op = operation(method, path);
  if (!op) throw new Error(`${method} ${path} is not in the platform's contract (drivers/contract/openapi.ts): document it before a driver calls it`);
  const schema = op.responses[String(status)]?.content?.['application/json'].schema;
  const validate = schema === undefined ? null : ajv.compile(absolute(schema) as object);
  compiled.set(key, validate);
  return validate;
}

/** Why `body` is not what the contract says `method path` answers with `status`; undefined when it is. */
export function contractViolation(method: string, path: string, status: number, body: unknown): string | undefined {
  const validate = validatorFor(method, path, status);
  if (validate === null) return `the contract has no ${status} answer for ${method} ${path}`;
  if (validate(body)) return undefined;
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`).join('; ');
}

/** Parses the expected answer and checks it against the contract; a body that breaks it is the product misbehaving. */
export function expectContract<T>(request: JsonRequest, answer: JsonAnswer, expected: number): T {
  const body = expectJson<T>(request, answer, expected);
  const path = new URL(request.url).pathname.replace(/^.*?(?=\/api\/|\/health$)/, '');
  const violation = contractViolation(request.method, path, expected, body);
  if (violation !== undefined) throw new HttpAssertionError(request.method, request.url, answer.status, answer.text, `not as the platform's contract says (docs/platform-openapi.json): ${violation}`);
  return body;
}

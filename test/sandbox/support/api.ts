// A small client of the platform's JSON API for sandbox tests; every call returns status and body.

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface SignupFields {
  email: string;
  password: string;
  name: string;
  phone: string;
  whiteLabel: string;
  accountType: string;
  paymentMethod: string;
  offer: string;
}

export async function call<T = unknown>(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Fields of a valid signup for the fixture catalog, with a unique e-mail. */
export function signupFields(overrides: Partial<SignupFields> = {}): SignupFields {
  return {
    email: `client-${Math.random().toString(36).slice(2)}@example.test`,
    password: 'mot-de-passe-1',
    name: 'Camille Martin',
    phone: '+33612345678',
    whiteLabel: 'veilis',
    accountType: 'individual',
    paymentMethod: 'card',
    offer: 'serenite-2011',
    ...overrides,
  };
}

/**
 * Signs up (as synthetic traffic of `runId`, or as a real customer when null) and logs in.
 * Throws with the answers when either fails.
 */
export async function newCustomer(baseUrl: string, overrides: Partial<SignupFields> = {}, runId: string | null = 'run-42'): Promise<{ id: number; token: string; fields: SignupFields }> {
  const fields = signupFields(overrides);
  const headers: Record<string, string> = runId === null ? {} : { 'x-synthetic-traffic': runId };
  const signup = await call<{ accountId: number }>(baseUrl, 'POST', '/api/signup', { body: fields, headers });
  if (signup.status !== 201) throw new Error(`signup answered ${signup.status}: ${JSON.stringify(signup.body)}`);
  const login = await call<{ token: string }>(baseUrl, 'POST', '/api/login', { body: { email: fields.email, password: fields.password } });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  return { id: signup.body.accountId, token: login.body.token, fields };
}

export interface Health {
  status: string;
  version: string;
  instance: string;
  pid: number;
  ingest: { stored: number; duplicates: number; ignored: number };
  sms: { queued: number; sent: number; failed: number };
}

export async function health(baseUrl: string): Promise<Health> {
  return (await call<Health>(baseUrl, 'GET', '/health')).body;
}

// Claiming a fleet's devices on the platform, so what they send is stored: synthetic accounts, a few devices each.

import { EnvironmentError } from '../../lib/errors.ts';
import type { FleetDevice } from './plan.ts';

export interface OnboardOptions {
  platformUrl: string;
  // Marks the accounts as test traffic (X-Synthetic-Traffic).
  runTag: string;
  devicesPerAccount: number;
  concurrency: number;
}

async function call(url: string, method: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, {
    method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000),
  }).catch((error: unknown) => {
    throw new EnvironmentError(`fleet onboarding: ${method} ${url}${path} could not reach the platform (${(error as Error).message})`, { cause: error });
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Signs up (or logs into) one account per `devicesPerAccount` devices and claims them; returns how many were claimed. */
export async function onboardFleet(devices: FleetDevice[], o: OnboardOptions): Promise<number> {
  const groups: FleetDevice[][] = [];
  for (let i = 0; i < devices.length; i += o.devicesPerAccount) groups.push(devices.slice(i, i + o.devicesPerAccount));
  let claimed = 0;
  let next = 0;
  const synthetic = { 'x-synthetic-traffic': o.runTag };
  const worker = async (): Promise<void> => {
    while (next < groups.length) {
      const group = groups[next++]!;
      const email = `fleet-${group[0]!.serial.toLowerCase()}@qa.example`;
      const password = `Fleet-${group[0]!.serial}`;
      const fields = { email, password, name: 'Flotte QA', phone: '+33600000000', whiteLabel: 'veilis', accountType: 'individual', paymentMethod: 'card', offer: 'essentiel-2019' };
      const signup = await call(o.platformUrl, 'POST', '/api/signup', fields, synthetic);
      if (signup.status !== 201 && signup.status !== 409) throw new EnvironmentError(`fleet onboarding: signup of ${email} answered ${signup.status}: ${JSON.stringify(signup.json)}`);
      const login = await call(o.platformUrl, 'POST', '/api/login', { email, password }, synthetic);
      const token = login.json['token'];
      if (typeof token !== 'string') throw new EnvironmentError(`fleet onboarding: login of ${email} answered ${login.status}`);
      for (const device of group) {
        const claim = await call(o.platformUrl, 'POST', '/api/devices', { serial: device.serial, model: device.model.id }, { ...synthetic, authorization: `Bearer ${token}` });
        if (claim.status === 201 || claim.status === 409) claimed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, groups.length)) }, worker));
  return claimed;
}

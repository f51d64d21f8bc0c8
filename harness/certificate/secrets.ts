// Secrets must never reach a report: scans every file of a run for the secrets the run knows of.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Customer passwords the steps make (steps/support/customers.ts), and credentials in URLs. */
const patterns: { name: string; pattern: RegExp }[] = [
  { name: 'a customer password', pattern: /Qa-[A-Za-z0-9_-]{12}\b/ },
  { name: 'a password in a URL', pattern: /[a-z]+:\/\/[^/\s:@"']+:(?!\*\*\*@)[^@\s/"']+@/ },
  { name: 'a bearer token', pattern: /Bearer [A-Za-z0-9._-]{16,}/ },
];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Secret values known to the environment (variables named like a secret) must not appear either. */
function knownSecretValues(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([key, value]) => /PASSWORD|SECRET|TOKEN|API_KEY/i.test(key) && value !== undefined && value.length >= 6)
    .map(([, value]) => value as string);
}

export function scanForSecrets(runDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const findings: string[] = [];
  const values = knownSecretValues(env);
  for (const file of walk(runDir)) {
    const text = readFileSync(file, 'utf8');
    for (const { name, pattern } of patterns) if (pattern.test(text)) findings.push(`${relative(runDir, file)} contains ${name}`);
    if (values.some((value) => text.includes(value))) findings.push(`${relative(runDir, file)} contains the value of a secret environment variable`);
  }
  return findings;
}

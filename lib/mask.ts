// One masking function for everything the harness prints or writes: passwords in URLs, password/token parameters, bearer tokens, known secrets.

import { escapeRegExp } from './text.ts';

export const MASK = '***';

/** Secrets known by value (the test accounts' passwords): masked wherever they appear, in any variable or file. */
const registered = new Set<string>();

/**
 * Values shorter than this are masked only where their place says they are secret (a URL's password, a password or
 * token parameter, a bearer token), not wherever the same letters appear: a database password "harness" would
 * otherwise mask the harness's own name in every line and path it prints.
 */
export const minMaskedLength = 8;

/** Remembers a secret value so that `maskSecrets` hides it everywhere (from `minMaskedLength` characters on). */
export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= minMaskedLength && value !== MASK) registered.add(value);
}

const secretName = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|CREDENTIAL/i;

function urlPasswords(value: string): string[] {
  const found: string[] = [];
  for (const match of value.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s,;]+/gi)) {
    try {
      const password = new URL(match[0]).password;
      if (password && password !== encodeURIComponent(MASK)) found.push(password, decodeURIComponent(password));
    } catch {
      // Not a URL after all: the patterns of maskSecrets still apply to it.
    }
  }
  return found;
}

/** Secret values the environment holds: variables named like a secret, and the password of any URL in any variable (instance lists included). */
export function environmentSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env).flatMap(([key, value]) => (value === undefined ? [] : [...(secretName.test(key) ? [value] : []), ...urlPasswords(value)]));
}

/** Every secret known to this process: registered ones and the environment's. */
export function knownSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set([...registered, ...environmentSecrets(env)])].filter((s) => s.length >= minMaskedLength && s !== MASK);
}

const patterns: [RegExp, string][] = [
  // userinfo of any URL: scheme://user:password@host (a password already masked stays as it is).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>]*):(?!\*\*\*@)[^\s/@"'<>]+@/gi, `$1:${MASK}@`],
  // password or token query parameters, in URLs and in connection strings.
  [/([?&;](?:password|passwd|pwd|pass|sslpassword|token|access_token|refresh_token|id_token|api_?key|secret|client_secret)=)(?!\*\*\*(?:[&#\s"'<>]|$))[^&#\s"'<>]+/gi, `$1${MASK}`],
  // HTTP bearer tokens, in headers and messages.
  [/\b(Bearer\s+)(?!\*\*\*)[A-Za-z0-9._~+/=-]{8,}/g, `$1${MASK}`],
  // The passwords the steps give to the customers they create (steps/support/customers.ts).
  [/\bQa-[A-Za-z0-9_-]{12}\b/g, MASK],
];

/** The forms a secret takes in files: as it is, escaped in JSON, encoded in a URL. */
function forms(secret: string): string[] {
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])];
}

/** The last list of secrets seen, as one search: a run's secrets are the same from one call to the next. */
let search: { key: string; pattern: RegExp | undefined } = { key: '', pattern: undefined };

/**
 * Every form of every secret as one alternation, longest first (so that one containing another is masked whole): one
 * pass over the text, however many secrets. A plan's 243 migrated accounts made 729 forms, and a pass per form took
 * 12.4 s over a run's 85 MB of files; one pass takes 0.9 s.
 */
function secretsPattern(secrets: readonly string[]): RegExp | undefined {
  const key = secrets.join('\0');
  if (key !== search.key) {
    const all = [...new Set(secrets.flatMap(forms))].filter((form) => form !== '').sort((a, b) => b.length - a.length);
    search = { key, pattern: all.length === 0 ? undefined : new RegExp(all.map(escapeRegExp).join('|'), 'g') };
  }
  return search.pattern;
}

/** The text with every secret replaced by `***`. */
export function maskSecrets(text: string, secrets: readonly string[] = knownSecrets()): string {
  let masked = text;
  for (const [pattern, replacement] of patterns) masked = masked.replace(pattern, replacement);
  const known = secretsPattern(secrets);
  return known === undefined ? masked : masked.replace(known, MASK);
}

/** Masks everything written to a stream of this process (console.log and what a child process's output is forwarded to). */
export function maskStream(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' || Buffer.isBuffer(chunk) ? maskSecrets(chunk.toString()) : chunk, ...rest)) as typeof stream.write;
}

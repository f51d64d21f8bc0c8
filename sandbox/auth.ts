// Passwords (scrypt) and session tokens: tokens are random and only their hashes are stored, shared by every instance.
//
// The stand-in hashes with scrypt at a low cost (N = 1024): it is a test double, and the cost of the real platform's
// hashing is not what the harness certifies. At the usual N = 16384 each hash took 35 ms of CPU, and every scenario signs
// up and logs in, so hashing was most of the stand-in's CPU in a run. Hashes keep their parameters
// ("scrypt$N$r$p$salt$key"); the older "scrypt$salt$key" form, written before, is read as N = 16384.

import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const derive = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
const keyLength = 32;
const cost = { N: 1024, r: 8, p: 1 };
/** The costs a stored hash may name: anything else is refused, so a row cannot make a login spend unbounded CPU. */
const knownCosts = new Set(['1024/8/1', '16384/8/1']);

/** "scrypt$N$r$p$<salt>$<key>", salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, keyLength, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [scheme, N, r, p, salt, key] = parts.length === 3 ? [parts[0], '16384', '8', '1', parts[1], parts[2]] : parts;
  if (scheme !== 'scrypt' || parts.length !== 3 && parts.length !== 6 || !salt || !key || !knownCosts.has(`${N}/${r}/${p}`)) return false;
  const expected = Buffer.from(key, 'base64url');
  if (expected.length === 0) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(N), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/** A new bearer token or session cookie value. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: a leaked sessions table does not let anyone log in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sessions and API tokens live this long. */
export const sessionTtlMs = 12 * 3600 * 1000;

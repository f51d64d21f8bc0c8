// Logging in, for the API (bearer token) and the customer space (cookie) alike: sessions live in the shared accounts database.

import { hashToken, newToken, sessionTtlMs, verifyPassword } from '../auth.ts';
import type { AppContext } from './context.ts';

/** The account whose e-mail and password these are (optionally only within one white label). */
export async function checkCredentials(ctx: AppContext, email: string, password: string, whiteLabel?: string): Promise<number | undefined> {
  const found = await ctx.store.credentials(email.trim().toLowerCase());
  if (!found || (whiteLabel !== undefined && found.whiteLabel !== whiteLabel)) return undefined;
  return (await verifyPassword(password, found.passwordHash)) ? found.accountId : undefined;
}

/** A new session in the shared database, so any instance accepts the token. */
export async function openSession(ctx: AppContext, accountId: number): Promise<string> {
  const token = newToken();
  await ctx.store.createSession(hashToken(token), accountId, new Date(Date.now() + sessionTtlMs));
  return token;
}

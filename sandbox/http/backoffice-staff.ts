// Support staff accounts and their sessions: separate from customers, so no customer session opens the back office.

import type pg from 'pg';
import { hashPassword, hashToken, newToken, sessionTtlMs, verifyPassword } from '../auth.ts';

export const staffDdl = `CREATE TABLE IF NOT EXISTS kw_side.staff (
  email text PRIMARY KEY,
  name text NOT NULL,
  password_hash text NOT NULL
);
CREATE TABLE IF NOT EXISTS kw_side.staff_sessions (
  token_hash text PRIMARY KEY,
  email text NOT NULL REFERENCES kw_side.staff (email) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
)`;

export interface StaffMember {
  email: string;
  name: string;
}

export interface StaffStore {
  /** Creates the account, or replaces its name and password. */
  save(email: string, name: string, password: string): Promise<void>;
  /** A new session token when the credentials are right. */
  login(email: string, password: string): Promise<string | undefined>;
  member(token: string): Promise<StaffMember | undefined>;
  logout(token: string): Promise<void>;
}

export function createStaffStore(pool: pg.Pool): StaffStore {
  return {
    async save(email, name, password) {
      await pool.query(
        `INSERT INTO kw_side.staff (email, name, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash`,
        [email.trim().toLowerCase(), name, await hashPassword(password)],
      );
    },
    async login(email, password) {
      const { rows } = await pool.query<{ email: string; hash: string }>('SELECT email, password_hash AS hash FROM kw_side.staff WHERE email = $1', [email.trim().toLowerCase()]);
      const found = rows[0];
      if (!found || !(await verifyPassword(password, found.hash))) return undefined;
      const token = newToken();
      await pool.query('INSERT INTO kw_side.staff_sessions (token_hash, email, expires_at) VALUES ($1, $2, $3)', [
        hashToken(token), found.email, new Date(Date.now() + sessionTtlMs).toISOString(),
      ]);
      return token;
    },
    async member(token) {
      const { rows } = await pool.query<StaffMember>(
        `SELECT s.email, s.name FROM kw_side.staff_sessions x JOIN kw_side.staff s ON s.email = x.email
         WHERE x.token_hash = $1 AND x.expires_at > now()`,
        [hashToken(token)],
      );
      return rows[0];
    },
    async logout(token) {
      await pool.query('DELETE FROM kw_side.staff_sessions WHERE token_hash = $1', [hashToken(token)]);
    },
  };
}

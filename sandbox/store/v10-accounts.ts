// V10 customers, brands and sessions: ids as keys, modules on the subscription, UTC timestamptz.

import type pg from 'pg';
import { findSignupProblem, isUniqueViolation } from './shared.ts';
import type { RefTables } from './shared.ts';
import type { Account, AccountStore, Branding, Credentials, NewAccount, NotificationTarget } from './types.ts';

const refTables: RefTables = {
  whiteLabel: { table: 'white_labels', key: 'id', label: 'white label' },
  accountType: { table: 'account_types', key: 'id', label: 'account type' },
  paymentMethod: { table: 'payment_methods', key: 'id', label: 'payment method' },
  offer: { table: 'offers', key: 'id', label: 'offer' },
};

const salesSql = `SELECT $4 = ANY (p.offers) AS offer, $2 = ANY (w.account_types) AS "accountType", $3 = ANY (w.payment_methods) AS "paymentMethod"
  FROM white_labels w JOIN partners p ON p.id = w.partner_id WHERE w.id = $1`;

export function createV10Accounts(accounts: pg.Pool): AccountStore {
  return {
    signupProblem: (refs) => findSignupProblem(accounts, refTables, salesSql, refs),

    async createAccount(a: NewAccount) {
      const client = await accounts.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO customers (email, password_hash, name, phone, white_label_id, account_type_id, payment_method_id, synthetic_run, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) RETURNING id`,
          [a.email, a.passwordHash, a.name, a.phone, a.whiteLabel, a.accountType, a.paymentMethod, a.syntheticRun],
        );
        const id = rows[0]!.id;
        await client.query(
          'INSERT INTO subscriptions (customer_id, offer_id, modules, started_at) SELECT $1, id, modules, now() FROM offers WHERE id = $2',
          [id, a.offer],
        );
        await client.query('COMMIT');
        return id;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (isUniqueViolation(error)) return 'email-taken';
        throw error;
      } finally {
        client.release();
      }
    },

    async credentials(email): Promise<Credentials | undefined> {
      const { rows } = await accounts.query<Credentials>(
        'SELECT id AS "accountId", password_hash AS "passwordHash", white_label_id AS "whiteLabel" FROM customers WHERE email = $1',
        [email],
      );
      return rows[0];
    },

    async account(id): Promise<Account | undefined> {
      const { rows } = await accounts.query<Account>(
        `SELECT c.id, c.email, c.name, c.phone, c.white_label_id AS "whiteLabel", w.partner_id AS partner,
                s.offer_id AS offer, s.modules, c.account_type_id AS "accountType", c.payment_method_id AS "paymentMethod"
         FROM customers c JOIN white_labels w ON w.id = c.white_label_id JOIN subscriptions s ON s.customer_id = c.id
         WHERE c.id = $1`,
        [id],
      );
      return rows[0];
    },

    async branding(whiteLabel): Promise<Branding | undefined> {
      const { rows } = await accounts.query<Branding>(
        `SELECT id AS "whiteLabel", brand, colors->>'primary' AS "primaryColor", colors->>'secondary' AS "secondaryColor",
                logo_svg AS "logoSvg", support_phone AS "supportPhone"
         FROM white_labels WHERE id = $1`,
        [whiteLabel],
      );
      return rows[0];
    },

    async createSession(tokenHash, accountId, expiresAt) {
      await accounts.query('INSERT INTO sessions (token_hash, customer_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, accountId, expiresAt.toISOString()]);
    },

    async sessionAccount(tokenHash) {
      const { rows } = await accounts.query<{ id: number }>('SELECT customer_id AS id FROM sessions WHERE token_hash = $1 AND expires_at > now()', [tokenHash]);
      return rows[0]?.id;
    },

    async deleteSession(tokenHash) {
      await accounts.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },

    async notificationTarget(accountId): Promise<NotificationTarget | undefined> {
      const { rows } = await accounts.query<NotificationTarget>(
        `SELECT w.brand, w.sms_sender AS "smsSender", c.phone, s.modules, c.synthetic_run AS "syntheticRun"
         FROM customers c JOIN white_labels w ON w.id = c.white_label_id JOIN subscriptions s ON s.customer_id = c.id
         WHERE c.id = $1`,
        [accountId],
      );
      return rows[0];
    },
  };
}

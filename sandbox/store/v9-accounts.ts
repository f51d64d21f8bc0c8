// V9 customers, brands and sessions: codes as keys, the offer on the customer, Paris local timestamps.

import type pg from 'pg';
import { findSignupProblem, isUniqueViolation } from './shared.ts';
import type { RefTables } from './shared.ts';
import type { Account, AccountStore, Branding, Credentials, NewAccount, NotificationTarget } from './types.ts';
import { nowLocal, offerModules, toLocal } from './v9-sql.ts';

const refTables: RefTables = {
  whiteLabel: { table: 'white_labels', key: 'code', label: 'white label' },
  accountType: { table: 'account_types', key: 'code', label: 'account type' },
  paymentMethod: { table: 'payment_methods', key: 'code', label: 'payment method' },
  offer: { table: 'offers', key: 'code', label: 'offer' },
};

const salesSql = `SELECT
  EXISTS (SELECT 1 FROM white_labels w JOIN partner_offers po ON po.partner_code = w.partner_code WHERE w.code = $1 AND po.offer_code = $4) AS offer,
  EXISTS (SELECT 1 FROM white_label_account_types WHERE white_label_code = $1 AND account_type_code = $2) AS "accountType",
  EXISTS (SELECT 1 FROM white_label_payment_methods WHERE white_label_code = $1 AND payment_method_code = $3) AS "paymentMethod"`;

export function createV9Accounts(accounts: pg.Pool): AccountStore {
  return {
    signupProblem: (refs) => findSignupProblem(accounts, refTables, salesSql, refs),

    async createAccount(a: NewAccount) {
      try {
        const { rows } = await accounts.query<{ id: number }>(
          `INSERT INTO customers (email, password_hash, full_name, phone, white_label_code, account_type_code, payment_method_code, offer_code, synthetic_run, created_local)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${nowLocal}) RETURNING id`,
          [a.email, a.passwordHash, a.name, a.phone, a.whiteLabel, a.accountType, a.paymentMethod, a.offer, a.syntheticRun],
        );
        return rows[0]!.id;
      } catch (error) {
        if (isUniqueViolation(error)) return 'email-taken';
        throw error;
      }
    },

    async credentials(email): Promise<Credentials | undefined> {
      const { rows } = await accounts.query<Credentials>(
        'SELECT id AS "accountId", password_hash AS "passwordHash", white_label_code AS "whiteLabel" FROM customers WHERE email = $1',
        [email],
      );
      return rows[0];
    },

    async account(id): Promise<Account | undefined> {
      const { rows } = await accounts.query<Account>(
        `SELECT c.id, c.email, c.full_name AS name, c.phone, c.white_label_code AS "whiteLabel", w.partner_code AS partner,
                c.offer_code AS offer, ${offerModules} AS modules,
                c.account_type_code AS "accountType", c.payment_method_code AS "paymentMethod"
         FROM customers c JOIN white_labels w ON w.code = c.white_label_code WHERE c.id = $1`,
        [id],
      );
      return rows[0];
    },

    async branding(whiteLabel): Promise<Branding | undefined> {
      const { rows } = await accounts.query<Branding>(
        `SELECT code AS "whiteLabel", brand, color_primary AS "primaryColor", color_secondary AS "secondaryColor",
                logo_svg AS "logoSvg", support_phone AS "supportPhone"
         FROM white_labels WHERE code = $1`,
        [whiteLabel],
      );
      return rows[0];
    },

    async createSession(tokenHash, accountId, expiresAt) {
      await accounts.query(`INSERT INTO sessions (token_hash, customer_id, expires_local) VALUES ($1, $2, ${toLocal('$3')})`, [
        tokenHash,
        accountId,
        expiresAt.toISOString(),
      ]);
    },

    async sessionAccount(tokenHash) {
      const { rows } = await accounts.query<{ id: number }>(
        `SELECT customer_id AS id FROM sessions WHERE token_hash = $1 AND expires_local > ${nowLocal}`,
        [tokenHash],
      );
      return rows[0]?.id;
    },

    async deleteSession(tokenHash) {
      await accounts.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },

    async notificationTarget(accountId): Promise<NotificationTarget | undefined> {
      const { rows } = await accounts.query<NotificationTarget>(
        `SELECT w.brand, w.sms_sender AS "smsSender", c.phone, ${offerModules} AS modules, c.synthetic_run AS "syntheticRun"
         FROM customers c JOIN white_labels w ON w.code = c.white_label_code WHERE c.id = $1`,
        [accountId],
      );
      return rows[0];
    },
  };
}

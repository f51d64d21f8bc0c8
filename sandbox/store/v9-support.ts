// V9 back-office reads: customer search, cameras with firmware, recordings (durations in s, Paris local times), labels.

import type { Pools } from '../db.ts';
import { accountRecordings, containsPattern, idOf, toLabels } from './support-shared.ts';
import type { RecordingSql } from './support-shared.ts';
import type { AccountSummary, Labels, SupportDevice, SupportStore } from './types.ts';
import { fromLocal } from './v9-sql.ts';

const recordingSql: RecordingSql = {
  serials: 'SELECT serial FROM cameras WHERE customer_id = $1',
  select: `SELECT id, camera_serial AS serial, camera_event_id AS "eventId", ${fromLocal('start_local')} AS "startedAt",
                  duration_s * 1000 AS "durationMs", size_bytes AS "sizeBytes", storage_key AS "storageKey"
           FROM recordings WHERE camera_serial = ANY ($1) AND ($3::bigint IS NULL OR id = $3) ORDER BY start_local DESC, id DESC LIMIT $2`,
};

export function createV9Support({ accounts, media }: Pools): SupportStore {
  return {
    async searchAccounts(query, limit): Promise<AccountSummary[]> {
      const { rows } = await accounts.query<AccountSummary>(
        `SELECT c.id, c.email, c.full_name AS name, c.phone, c.white_label_code AS "whiteLabel", w.brand
         FROM customers c JOIN white_labels w ON w.code = c.white_label_code
         WHERE c.email ILIKE $1 OR c.full_name ILIKE $1 OR c.phone LIKE $1 OR c.id = $2 ORDER BY c.id LIMIT $3`,
        [containsPattern(query), idOf(query), limit],
      );
      return rows;
    },

    async supportDevices(accountId): Promise<SupportDevice[]> {
      const { rows } = await accounts.query<SupportDevice>(
        `SELECT c.serial, c.model_code AS model, m.label AS "modelName", 'camera' AS kind, c.online,
                ${fromLocal('c.last_seen_local')} AS "lastSeenAt", c.firmware
         FROM cameras c JOIN camera_models m ON m.code = c.model_code WHERE c.customer_id = $1 ORDER BY c.claimed_local, c.serial`,
        [accountId],
      );
      return rows;
    },

    recordings: (accountId, limit) => accountRecordings(accounts, media, recordingSql, accountId, limit, null),
    recording: async (accountId, id) => (await accountRecordings(accounts, media, recordingSql, accountId, 1, id))[0],

    async labels(): Promise<Labels> {
      const { rows } = await accounts.query<{ kind: keyof Labels; id: string; name: string }>(
        `SELECT 'partners' AS kind, code AS id, name FROM partners UNION ALL SELECT 'offers', code, label FROM offers
         UNION ALL SELECT 'modules', code, label FROM modules
         UNION ALL SELECT 'accountTypes', code, label FROM account_types`,
      );
      return toLabels(rows);
    },
  };
}

// V10 back-office reads: customer search, devices with firmware, recordings (durations in ms), reference labels.

import type { Pools } from '../db.ts';
import { accountRecordings, containsPattern, idOf, toLabels } from './support-shared.ts';
import type { RecordingSql } from './support-shared.ts';
import type { AccountSummary, Labels, SupportDevice, SupportStore } from './types.ts';

const recordingSql: RecordingSql = {
  serials: 'SELECT serial FROM devices WHERE customer_id = $1',
  select: `SELECT id, device_serial AS serial, device_event_id AS "eventId", started_at AS "startedAt", duration_ms AS "durationMs",
                  size_bytes AS "sizeBytes", storage_key AS "storageKey"
           FROM recordings WHERE device_serial = ANY ($1) AND ($3::bigint IS NULL OR id = $3) ORDER BY started_at DESC, id DESC LIMIT $2`,
};

export function createV10Support({ accounts, media }: Pools): SupportStore {
  return {
    async searchAccounts(query, limit): Promise<AccountSummary[]> {
      const { rows } = await accounts.query<AccountSummary>(
        `SELECT c.id, c.email, c.name, c.phone, c.white_label_id AS "whiteLabel", w.brand
         FROM customers c JOIN white_labels w ON w.id = c.white_label_id
         WHERE c.email ILIKE $1 OR c.name ILIKE $1 OR c.phone LIKE $1 OR c.id = $2 ORDER BY c.id LIMIT $3`,
        [containsPattern(query), idOf(query), limit],
      );
      return rows;
    },

    async supportDevices(accountId): Promise<SupportDevice[]> {
      const { rows } = await accounts.query<SupportDevice>(
        `SELECT d.serial, d.model_id AS model, m.name AS "modelName", d.kind, d.online, d.last_seen_at AS "lastSeenAt", d.firmware
         FROM devices d JOIN device_models m ON m.id = d.model_id WHERE d.customer_id = $1 ORDER BY d.claimed_at, d.serial`,
        [accountId],
      );
      return rows;
    },

    recordings: (accountId, limit) => accountRecordings(accounts, media, recordingSql, accountId, limit, null),
    recording: async (accountId, id) => (await accountRecordings(accounts, media, recordingSql, accountId, 1, id))[0],

    async labels(): Promise<Labels> {
      const { rows } = await accounts.query<{ kind: keyof Labels; id: string; name: string }>(
        `SELECT 'partners' AS kind, id, name FROM partners UNION ALL SELECT 'offers', id, name FROM offers UNION ALL SELECT 'modules', id, name FROM modules
         UNION ALL SELECT 'accountTypes', id, name FROM account_types`,
      );
      return toLabels(rows);
    },
  };
}

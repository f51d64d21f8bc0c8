// V9 side of the modules' data access: the offer on the customer, cameras only, details as JSON text, Paris local times, seconds.

import type { Pools } from '../db.ts';
import type { Mandate, ModuleAccount, ModuleRecording, VersionedModuleStore } from './modules-types.ts';
import { fromLocal, offerModules, toLocal } from './v9-sql.ts';

type RecordingRow = Omit<ModuleRecording, 'id' | 'durationMs' | 'sizeBytes'> & { id: string; durationMs: string; sizeBytes: string };

export function createV9ModuleStore({ accounts, events, media }: Pools): VersionedModuleStore {
  return {
    async account(id) {
      const { rows } = await accounts.query<ModuleAccount>(
        `SELECT c.id, c.email, c.full_name AS name, c.phone, c.white_label_code AS "whiteLabel", w.partner_code AS partner, w.brand,
                w.sms_sender AS "smsSender", w.mail_sender AS "mailSender", c.offer_code AS offer, o.label AS "offerName", ${offerModules} AS modules,
                o.retention_days AS "retentionDays", o.monthly_price_cents AS "monthlyPriceCents", o.sms_quota AS "smsQuota",
                o.email_quota AS "emailQuota", c.payment_method_code AS "paymentMethod", c.synthetic_run AS "syntheticRun",
                ${fromLocal('c.created_local')} AS "createdAt"
         FROM customers c JOIN white_labels w ON w.code = c.white_label_code JOIN offers o ON o.code = c.offer_code
         WHERE c.id = $1`,
        [id],
      );
      return rows[0];
    },

    // V9 knows cameras only.
    async mandate(accountId) {
      const { rows } = await accounts.query<Mandate>(`SELECT reference, ${fromLocal('signed_local')} AS "signedAt" FROM sepa_mandates WHERE customer_id = $1`, [accountId]);
      return rows[0];
    },

    async deviceKind(serial) {
      const { rows } = await accounts.query('SELECT 1 FROM cameras WHERE serial = $1', [serial]);
      return rows.length > 0 ? 'camera' : null;
    },

    async deviceConnectivity(serial) {
      const { rows } = await accounts.query<{ generation: string }>(
        'SELECT m.generation FROM cameras c JOIN camera_models m ON m.code = c.model_code WHERE c.serial = $1',
        [serial],
      );
      return rows[0]?.generation ?? null;
    },

    async serials(accountId) {
      const { rows } = await accounts.query<{ serial: string }>('SELECT serial FROM cameras WHERE customer_id = $1', [accountId]);
      return rows.map((r) => r.serial);
    },

    async addRecording(r) {
      await media.query(
        `INSERT INTO recordings (camera_serial, camera_event_id, start_local, duration_s, size_bytes, storage_key)
         VALUES ($1, $2, ${toLocal('$3')}, $4, $5, $6) ON CONFLICT (storage_key) DO NOTHING`,
        [r.serial, r.eventId, r.startedAt.toISOString(), Math.round(r.durationMs / 1000), r.sizeBytes, r.storageKey],
      );
    },

    async recordings(serials, limit) {
      if (serials.length === 0) return [];
      const { rows } = await media.query<RecordingRow>(
        `SELECT id, camera_serial AS serial, camera_event_id AS "eventId", ${fromLocal('start_local')} AS "startedAt",
                duration_s * 1000 AS "durationMs", size_bytes AS "sizeBytes", storage_key AS "storageKey"
         FROM recordings WHERE camera_serial = ANY ($1) ORDER BY start_local DESC, id DESC LIMIT $2`,
        [serials, limit],
      );
      return rows.map((r) => ({ ...r, id: Number(r.id), durationMs: Number(r.durationMs), sizeBytes: Number(r.sizeBytes) }));
    },

    async purgeRecordings(serials, before) {
      if (serials.length === 0) return 0;
      const { rowCount } = await media.query(`DELETE FROM recordings WHERE camera_serial = ANY ($1) AND start_local < ${toLocal('$2')}`, [
        serials,
        before.toISOString(),
      ]);
      return rowCount ?? 0;
    },

    // V9 keeps the payload as JSON text; a details text that is not a JSON object is replaced.
    async annotateEvent(serial, eventId, fields) {
      await events.query(
        `UPDATE events SET details = (CASE WHEN details ~ '^\\s*\\{' THEN details::jsonb ELSE '{}'::jsonb END || $3::jsonb)::text
         WHERE camera_serial = $1 AND camera_event_id = $2`,
        [serial, eventId, JSON.stringify(fields)],
      );
    },
  };
}

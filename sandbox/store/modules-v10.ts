// V10 side of the modules' data access: subscriptions, devices of any kind, events' jsonb payload, recordings in milliseconds.

import type { Pools } from '../db.ts';
import type { Mandate, ModuleAccount, ModuleRecording, VersionedModuleStore } from './modules-types.ts';

type RecordingRow = Omit<ModuleRecording, 'id' | 'durationMs' | 'sizeBytes'> & { id: string; durationMs: string; sizeBytes: string };

export function createV10ModuleStore({ accounts, events, media }: Pools): VersionedModuleStore {
  return {
    async account(id) {
      const { rows } = await accounts.query<ModuleAccount>(
        `SELECT c.id, c.email, c.name, c.phone, c.white_label_id AS "whiteLabel", w.partner_id AS partner, w.brand,
                w.sms_sender AS "smsSender", w.mail_sender AS "mailSender", s.offer_id AS offer, o.name AS "offerName", s.modules,
                o.retention_days AS "retentionDays", o.monthly_price_cents AS "monthlyPriceCents", o.sms_quota AS "smsQuota",
                o.email_quota AS "emailQuota", c.payment_method_id AS "paymentMethod", c.synthetic_run AS "syntheticRun", c.created_at AS "createdAt"
         FROM customers c JOIN white_labels w ON w.id = c.white_label_id
         JOIN subscriptions s ON s.customer_id = c.id JOIN offers o ON o.id = s.offer_id
         WHERE c.id = $1`,
        [id],
      );
      return rows[0];
    },

    async mandate(accountId) {
      const { rows } = await accounts.query<Mandate>('SELECT reference, signed_at AS "signedAt" FROM payment_mandates WHERE customer_id = $1', [accountId]);
      return rows[0];
    },

    async deviceKind(serial) {
      const { rows } = await accounts.query<{ kind: 'camera' | 'alarm-panel' | 'object' }>('SELECT kind FROM devices WHERE serial = $1', [serial]);
      return rows[0]?.kind ?? null;
    },

    async deviceConnectivity(serial) {
      const { rows } = await accounts.query<{ connectivity: string | null }>(
        'SELECT m.connectivity FROM devices d JOIN device_models m ON m.id = d.model_id WHERE d.serial = $1',
        [serial],
      );
      return rows[0]?.connectivity ?? null;
    },

    async serials(accountId) {
      const { rows } = await accounts.query<{ serial: string }>('SELECT serial FROM devices WHERE customer_id = $1', [accountId]);
      return rows.map((r) => r.serial);
    },

    async addRecording(r) {
      await media.query(
        `INSERT INTO recordings (device_serial, device_event_id, started_at, duration_ms, size_bytes, storage_key)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (storage_key) DO NOTHING`,
        [r.serial, r.eventId, r.startedAt.toISOString(), r.durationMs, r.sizeBytes, r.storageKey],
      );
    },

    async recordings(serials, limit) {
      if (serials.length === 0) return [];
      const { rows } = await media.query<RecordingRow>(
        `SELECT id, device_serial AS serial, device_event_id AS "eventId", started_at AS "startedAt", duration_ms AS "durationMs",
                size_bytes AS "sizeBytes", storage_key AS "storageKey"
         FROM recordings WHERE device_serial = ANY ($1) ORDER BY started_at DESC, id DESC LIMIT $2`,
        [serials, limit],
      );
      return rows.map((r) => ({ ...r, id: Number(r.id), durationMs: Number(r.durationMs), sizeBytes: Number(r.sizeBytes) }));
    },

    async purgeRecordings(serials, before) {
      if (serials.length === 0) return 0;
      const { rowCount } = await media.query('DELETE FROM recordings WHERE device_serial = ANY ($1) AND started_at < $2', [serials, before.toISOString()]);
      return rowCount ?? 0;
    },

    async annotateEvent(serial, eventId, fields) {
      await events.query('UPDATE events SET payload = payload || $3::jsonb WHERE device_serial = $1 AND device_event_id = $2', [
        serial,
        eventId,
        JSON.stringify(fields),
      ]);
    },
  };
}

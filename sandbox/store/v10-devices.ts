// V10 devices and events: devices of any kind, typed events (kind + payload jsonb), UTC timestamptz.

import type { Pools } from '../db.ts';
import type { ClaimResult, Device, DeviceKind, DeviceStore, IncomingEvent, StoredEvent } from './types.ts';

export function createV10Devices({ accounts, events }: Pools): DeviceStore {
  return {
    async claimDevice(accountId, serial, model): Promise<ClaimResult> {
      const found = await accounts.query<{ kind: DeviceKind; name: string }>('SELECT kind, name FROM device_models WHERE id = $1', [model]);
      const row = found.rows[0];
      if (row === undefined) return { ok: false, reason: 'unknown-model' };
      const inserted = await accounts.query(
        `INSERT INTO devices (serial, customer_id, kind, model_id, claimed_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (serial) DO NOTHING RETURNING serial`,
        [serial, accountId, row.kind, model],
      );
      if (inserted.rowCount === 0) return { ok: false, reason: 'already-claimed' };
      return { ok: true, device: { serial, model, modelName: row.name, kind: row.kind, online: false, lastSeenAt: null } };
    },

    async devices(accountId): Promise<Device[]> {
      const { rows } = await accounts.query<Device>(
        `SELECT d.serial, d.model_id AS model, m.name AS "modelName", d.kind, d.online, d.last_seen_at AS "lastSeenAt"
         FROM devices d JOIN device_models m ON m.id = d.model_id
         WHERE d.customer_id = $1 ORDER BY d.claimed_at, d.serial`,
        [accountId],
      );
      return rows;
    },

    async events(accountId, limit): Promise<StoredEvent[]> {
      const { rows } = await events.query<{ id: string; eventId: string; serial: string; type: string; occurredAt: Date; payload: Record<string, unknown> }>(
        `SELECT id, device_event_id AS "eventId", device_serial AS serial, kind AS type, occurred_at AS "occurredAt", payload
         FROM events WHERE customer_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2`,
        [accountId, limit],
      );
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },

    async deviceAccount(serial) {
      const { rows } = await accounts.query<{ id: number }>('SELECT customer_id AS id FROM devices WHERE serial = $1', [serial]);
      return rows[0]?.id;
    },

    async setOnline(serial, online) {
      await accounts.query('UPDATE devices SET online = $2 WHERE serial = $1', [serial, online]);
    },

    async recordHeartbeat(serial, firmware, at) {
      await accounts.query('UPDATE devices SET firmware = coalesce($2, firmware), last_seen_at = $3 WHERE serial = $1', [serial, firmware, at.toISOString()]);
    },

    async storeEvent(e: IncomingEvent) {
      const { rows } = await events.query<{ id: string }>(
        `INSERT INTO events (device_serial, device_event_id, customer_id, kind, payload, occurred_at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (device_serial, device_event_id) DO NOTHING RETURNING id`,
        [e.serial, e.eventId, e.accountId, e.type, JSON.stringify(e.payload), e.at],
      );
      return rows[0] ? Number(rows[0].id) : undefined;
    },
  };
}

// V9 cameras and events: the `cameras` table, numeric event codes, details as JSON text, Paris local timestamps.

import type { Pools } from '../db.ts';
import { eventCodes, isEventType } from '../event-types.ts';
import { parseDetails } from './shared.ts';
import type { ClaimResult, Device, DeviceStore, IncomingEvent, StoredEvent } from './types.ts';
import { fromLocal, nowLocal, toLocal } from './v9-sql.ts';

export function createV9Devices({ accounts, events }: Pools): DeviceStore {
  return {
    async claimDevice(accountId, serial, model): Promise<ClaimResult> {
      const found = await accounts.query<{ label: string }>('SELECT label FROM camera_models WHERE code = $1', [model]);
      const modelName = found.rows[0]?.label;
      if (modelName === undefined) return { ok: false, reason: 'unknown-model' };
      const inserted = await accounts.query(
        `INSERT INTO cameras (serial, customer_id, model_code, claimed_local) VALUES ($1, $2, $3, ${nowLocal})
         ON CONFLICT (serial) DO NOTHING RETURNING serial`,
        [serial, accountId, model],
      );
      if (inserted.rowCount === 0) return { ok: false, reason: 'already-claimed' };
      return { ok: true, device: { serial, model, modelName, kind: 'camera', online: false, lastSeenAt: null } };
    },

    async devices(accountId): Promise<Device[]> {
      const { rows } = await accounts.query<Device>(
        `SELECT c.serial, c.model_code AS model, m.label AS "modelName", 'camera' AS kind, c.online,
                ${fromLocal('c.last_seen_local')} AS "lastSeenAt"
         FROM cameras c JOIN camera_models m ON m.code = c.model_code
         WHERE c.customer_id = $1 ORDER BY c.claimed_local, c.serial`,
        [accountId],
      );
      return rows;
    },

    async events(accountId, limit): Promise<StoredEvent[]> {
      const { rows } = await events.query<{ id: string; serial: string; type: string; occurredAt: Date; details: string | null }>(
        `SELECT e.id, e.camera_serial AS serial, ec.name AS type, ${fromLocal('e.local_time')} AS "occurredAt", e.details
         FROM events e JOIN event_codes ec ON ec.code = e.code
         WHERE e.customer_id = $1 ORDER BY e.local_time DESC, e.id DESC LIMIT $2`,
        [accountId, limit],
      );
      return rows.map((r) => ({ id: Number(r.id), serial: r.serial, type: r.type, occurredAt: r.occurredAt, payload: parseDetails(r.details) }));
    },

    async deviceAccount(serial) {
      const { rows } = await accounts.query<{ id: number }>('SELECT customer_id AS id FROM cameras WHERE serial = $1', [serial]);
      return rows[0]?.id;
    },

    async setOnline(serial, online) {
      await accounts.query('UPDATE cameras SET online = $2 WHERE serial = $1', [serial, online]);
    },

    async recordHeartbeat(serial, firmware, at) {
      await accounts.query(`UPDATE cameras SET firmware = coalesce($2, firmware), last_seen_local = ${toLocal('$3')} WHERE serial = $1`, [
        serial,
        firmware,
        at.toISOString(),
      ]);
    },

    async storeEvent(e: IncomingEvent) {
      if (!isEventType(e.type)) throw new Error(`V9 has no event code for type ${JSON.stringify(e.type)}`);
      const details = Object.keys(e.payload).length > 0 ? JSON.stringify(e.payload) : null;
      const { rows } = await events.query<{ id: string }>(
        `INSERT INTO events (camera_serial, camera_event_id, customer_id, code, local_time, received_local, details)
         VALUES ($1, $2, $3, $4, ${toLocal('$5')}, ${nowLocal}, $6)
         ON CONFLICT (camera_serial, camera_event_id) DO NOTHING RETURNING id`,
        [e.serial, e.eventId, e.accountId, eventCodes[e.type], e.at, details],
      );
      return rows[0] ? Number(rows[0].id) : undefined;
    },
  };
}

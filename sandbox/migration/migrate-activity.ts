// V9 -> V10 events and recordings: Paris wall clock to UTC, event codes to kinds with JSON payloads, seconds to milliseconds.

import type pg from 'pg';
import type { Catalog } from '../../catalog/index.ts';
import { schemas } from '../schema/index.ts';
import { withoutIndexes } from './bulk.ts';
import { carryOver } from './carry-over.ts';
import type { MigrationFaults } from './faults.ts';
import { parisToUtc, parisToUtcIgnoringRule } from './paris-time.ts';
import { applyReferenceFaults } from './reference-faults.ts';
import { moveTables, workSchema } from './tables.ts';

/** `droppedCustomers`: the `drop-events-of-offer` fault's victims (empty without it). */
export async function migrateEvents(client: pg.ClientBase, catalog: Catalog, faults: MigrationFaults, droppedCustomers: number[]): Promise<Record<string, number>> {
  const utc = faults.shiftDstHour ? parisToUtcIgnoringRule : parisToUtc;
  return convertTable(client, 'events', () => applyReferenceFaults(client, 'events', faults.reference, catalog),
    `INSERT INTO events (device_serial, device_event_id, customer_id, kind, payload, occurred_at, received_at)
     SELECT e.camera_serial, e.camera_event_id, e.customer_id, c.name, coalesce(e.details::jsonb, '{}'::jsonb),
            ${utc('e.local_time')}, ${utc('e.received_local')}
     FROM ${workSchema}.events e JOIN ${workSchema}.event_codes c ON c.code = e.code
     ${droppedCustomers.length > 0 ? 'WHERE e.customer_id <> ALL($1::int[])' : ''}`,
    droppedCustomers.length > 0 ? [droppedCustomers] : []);
}

/** `truncatedSerials`: the `truncate-durations-of-model` fault's cameras (empty without it). */
export async function migrateRecordings(client: pg.ClientBase, catalog: Catalog, faults: MigrationFaults, truncatedSerials: string[]): Promise<Record<string, number>> {
  const utc = faults.shiftDstHour ? parisToUtcIgnoringRule : parisToUtc;
  const duration = truncatedSerials.length > 0
    ? 'CASE WHEN r.camera_serial = ANY($1::text[]) THEN (r.duration_s / 60)::bigint * 60000 ELSE r.duration_s::bigint * 1000 END'
    : 'r.duration_s::bigint * 1000';
  return convertTable(client, 'recordings', () => applyReferenceFaults(client, 'media', faults.reference, catalog),
    `INSERT INTO recordings (device_serial, device_event_id, started_at, duration_ms, size_bytes, storage_key)
     SELECT r.camera_serial, r.camera_event_id, ${utc('r.start_local')}, ${duration}, r.size_bytes, r.storage_key
     FROM ${workSchema}.recordings r`,
    truncatedSerials.length > 0 ? [truncatedSerials] : []);
}

/**
 * One database's conversion: its V9 tables moved aside, the V10 schema created, `table` filled by `insert` from the
 * moved rows (indexes built after), the module tables carried over, the faults applied, the V9 copy dropped. Rows
 * written, per table.
 */
async function convertTable(client: pg.ClientBase, table: 'events' | 'recordings', faults: () => Promise<void>, insert: string, params: unknown[]): Promise<Record<string, number>> {
  await moveTables(client, workSchema);
  await client.query(table === 'events' ? schemas.v10.ddl.events : schemas.v10.ddl.media);
  await client.query("INSERT INTO platform_meta (version) VALUES ('v10')");
  const rows = await withoutIndexes(client, table, async () => (await client.query(insert, params)).rowCount ?? 0);
  const carried = await carryOver(client);
  await faults();
  await client.query(`DROP SCHEMA ${workSchema} CASCADE`);
  await client.query(`ANALYZE ${table}`);
  return { [table]: rows, ...carried };
}

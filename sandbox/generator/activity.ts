// V9 events and recordings: cycled over every camera, Paris wall-clock times, details as JSON text, durations in seconds.

import type pg from 'pg';
import { withoutIndexes } from '../migration/bulk.ts';
import { activityInstant, cameraSerial, draw, eventId, parisWallClock } from './sql.ts';

export interface ActivityPlan {
  customers: number;
  cameras: number;
  events: number;
  recordings: number;
  seed: number;
  /** Serial prefix of each camera model, in the accounts generator's order. */
  prefixes: string[];
}

/** Event `g` belongs to camera `(g - 1) % cameras + 1`, whose customer is `(camera - 1) % customers + 1`. */
export async function generateEvents(client: pg.ClientBase, plan: ActivityPlan): Promise<Record<string, number>> {
  const { seed } = plan;
  const code = `1 + ${draw('g', seed, 30, 7)}`;
  const received = `s.at + (1000 + ${draw('g', seed, 31, 3000)}) * interval '1 millisecond'`;
  const details = `CASE s.code
    WHEN 1 THEN CASE WHEN ${draw('g', seed, 32, 4)} = 0 THEN NULL ELSE format('{"zone":"zone-%s","sensitivity":%s}', 1 + ${draw('g', seed, 33, 4)}, 20 + ${draw('g', seed, 34, 80)}) END
    WHEN 2 THEN format('{"levelDb":%s}', 40 + ${draw('g', seed, 35, 60)})
    WHEN 3 THEN format('{"confidence":0.%s}', 50 + ${draw('g', seed, 36, 50)})
    WHEN 4 THEN format('{"confidence":0.%s,"moving":%s}', 50 + ${draw('g', seed, 36, 50)}, CASE WHEN g % 2 = 0 THEN 'true' ELSE 'false' END)
    WHEN 5 THEN format('{"species":"%s"}', (ARRAY['chat','chien','renard','oiseau'])[1 + ${draw('g', seed, 37, 4)}])
    WHEN 6 THEN NULL
    ELSE format('{"line":"portail","direction":"%s"}', CASE WHEN g % 2 = 0 THEN 'entree' ELSE 'sortie' END) END`;
  const rows = await withoutIndexes(client, 'events', async () => {
    const result = await client.query(
      `INSERT INTO events (camera_serial, camera_event_id, customer_id, code, local_time, received_local, details)
       SELECT ${cameraSerial('s.j', '($1::text[])')}, ${eventId('g')}, (s.j - 1) % ${plan.customers} + 1, s.code,
              ${parisWallClock('s.at')}, ${parisWallClock(received)}, ${details}
       FROM (SELECT g, (g - 1) % ${plan.cameras} + 1 AS j, ${code} AS code, ${activityInstant('g', seed)} AS at
             FROM generate_series(1, ${plan.events}) g) s`,
      [plan.prefixes],
    );
    return result.rowCount ?? 0;
  });
  return { events: rows };
}

/**
 * Recording `r` belongs to camera `(r - 1) % cameras + 1`; four in five film one of that camera's events (same start),
 * the fifth is a continuous recording. Every 50th lasts over an hour.
 */
export async function generateRecordings(client: pg.ClientBase, plan: ActivityPlan): Promise<Record<string, number>> {
  const { seed } = plan;
  const duration = `CASE WHEN r % 50 = 0 THEN 3600 + ${draw('r', seed, 50, 3600)} ELSE 5 + ${draw('r', seed, 51, 600)} END`;
  const linked = `(r % 5 <> 0 AND s.event <= ${plan.events})`;
  const rows = await withoutIndexes(client, 'recordings', async () => {
    const result = await client.query(
      `INSERT INTO recordings (camera_serial, camera_event_id, start_local, duration_s, size_bytes, storage_key)
       SELECT ${cameraSerial('s.j', '($1::text[])')}, CASE WHEN ${linked} THEN ${eventId('s.event')} END,
              ${parisWallClock(`CASE WHEN ${linked} THEN ${activityInstant('s.event', seed)} ELSE ${activityInstant('r + 100000000', seed)} END`)},
              s.duration, s.duration::bigint * (50000 + ${draw('r', seed, 52, 200000)}),
              format('rec/%s/%s.mp4', ${cameraSerial('s.j', '($1::text[])')}, lpad(to_hex(r), 8, '0'))
       FROM (SELECT r, (r - 1) % ${plan.cameras} + 1 AS j, (r - 1) % ${plan.cameras} + 1 + ${plan.cameras}::bigint * ((r - 1) / ${plan.cameras}) AS event,
                    ${duration} AS duration
             FROM generate_series(1, ${plan.recordings}) r) s`,
      [plan.prefixes],
    );
    return result.rowCount ?? 0;
  });
  return { recordings: rows };
}

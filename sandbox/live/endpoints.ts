// Where each camera serves its live view, as it last said: kept in the media database so any instance can relay any camera.

import type pg from 'pg';

/** Runtime state, not platform data: its own schema, which `admin.ts init` and the migration leave alone. */
const ddl = [
  'CREATE SCHEMA IF NOT EXISTS kw_devices',
  `CREATE TABLE IF NOT EXISTS kw_devices.live_endpoints (
    serial text PRIMARY KEY,
    url text NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
];

export interface LiveEndpoints {
  /** Records the camera's stream URL ('' when it serves none); writes only when it changed. */
  set(serial: string, url: string): Promise<void>;
  get(serial: string): Promise<string | undefined>;
}

export async function openLiveEndpoints(media: pg.Pool): Promise<LiveEndpoints> {
  for (const statement of ddl) {
    // Two instances starting together may race on CREATE ... IF NOT EXISTS (a unique violation on the catalog): the loser retries.
    await media.query(statement).catch(() => media.query(statement));
  }
  const known = new Map<string, string>();
  return {
    async set(serial, url) {
      if (known.get(serial) === url) return;
      await media.query(
        `INSERT INTO kw_devices.live_endpoints (serial, url, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (serial) DO UPDATE SET url = EXCLUDED.url, updated_at = EXCLUDED.updated_at`,
        [serial, url],
      );
      known.set(serial, url);
    },
    async get(serial) {
      const { rows } = await media.query<{ url: string }>('SELECT url FROM kw_devices.live_endpoints WHERE serial = $1', [serial]);
      const url = rows[0]?.url;
      return url === '' ? undefined : url;
    },
  };
}

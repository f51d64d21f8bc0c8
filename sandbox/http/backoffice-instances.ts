// Instance health for the back office: each instance beats in the accounts database, the only thing instances share.

import type pg from 'pg';
import type { Logger } from '../log.ts';
import { describeError } from '../log.ts';

export const instancesDdl = `CREATE TABLE IF NOT EXISTS kw_side.instances (
  id text PRIMARY KEY,
  version text NOT NULL,
  pid integer NOT NULL,
  url text NOT NULL,
  started_at timestamptz NOT NULL,
  last_beat timestamptz NOT NULL,
  stopped_at timestamptz
)`;

/** An instance beats every 2 s; one silent for longer than this is reported as not answering. */
export const beatIntervalMs = 2000;
export const silentAfterMs = 10_000;

export type InstanceState = 'up' | 'silent' | 'stopped';

export interface InstanceRow {
  id: string;
  version: string;
  pid: number;
  url: string;
  startedAt: Date;
  lastBeat: Date;
  state: InstanceState;
}

export interface Heartbeat {
  /** Marks the instance stopped (an orderly stop), and stops beating. */
  stop(): Promise<void>;
}

/** Registers the instance (a restart under the same id replaces the old row) and beats until stopped. */
export async function startHeartbeat(pool: pg.Pool, self: { id: string; version: string; url: string }, log: Logger): Promise<Heartbeat> {
  await pool.query(
    `INSERT INTO kw_side.instances (id, version, pid, url, started_at, last_beat) VALUES ($1, $2, $3, $4, now(), now())
     ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, pid = EXCLUDED.pid, url = EXCLUDED.url,
       started_at = EXCLUDED.started_at, last_beat = EXCLUDED.last_beat, stopped_at = NULL`,
    [self.id, self.version, process.pid, self.url],
  );
  let failing = false;
  const beat = (): void => {
    pool.query('UPDATE kw_side.instances SET last_beat = now() WHERE id = $1 AND pid = $2', [self.id, process.pid]).then(
      () => void (failing = false),
      (error: unknown) => {
        if (!failing) log.warn(`instance heartbeat failed: ${describeError(error)}`);
        failing = true;
      },
    );
  };
  const timer = setInterval(beat, beatIntervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await pool.query('UPDATE kw_side.instances SET stopped_at = now() WHERE id = $1 AND pid = $2', [self.id, process.pid]).catch(() => undefined);
    },
  };
}

/** Every instance that ever registered on these databases, by id, with its state judged by the database's clock. */
export async function listInstances(pool: pg.Pool): Promise<InstanceRow[]> {
  const { rows } = await pool.query<InstanceRow>(
    `SELECT id, version, pid, url, started_at AS "startedAt", last_beat AS "lastBeat",
            CASE WHEN stopped_at IS NOT NULL THEN 'stopped'
                 WHEN now() - last_beat > make_interval(secs => $1::double precision / 1000) THEN 'silent' ELSE 'up' END AS state
     FROM kw_side.instances ORDER BY id`,
    [silentAfterMs],
  );
  return rows;
}

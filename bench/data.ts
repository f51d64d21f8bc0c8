// Benchmark of the data certification (issue 5): generate, migrate, certify, inject one wrong value, roll back, certify; one JSON line.

import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { floorScan, mappedTables, MigrationRehearsal, phaseNames, v9ToV10 } from '../drivers/certifier/index.ts';
import type { CertifierOptions } from '../drivers/certifier/index.ts';
import { localOpsTool } from '../environments/index.ts';
import { redactUrl } from '../lib/url.ts';

// The certifier keeps some 30 MB live, but V8's default young generation lets garbage push the RSS past the 256 MiB
// budget: the benchmark runs itself with a small one, as `npm run bench:data` should run it (README, "Benchmark").
if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const flags = ['--max-semi-space-size=2', '--max-old-space-size=192'];
  const child = spawnSync(process.execPath, [...flags, ...process.argv.slice(1)], { stdio: 'inherit', timeout: 3 * 3600_000 });
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'full' }, seed: { type: 'string', default: '1' }, concurrency: { type: 'string', default: '4' } } });
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Database time spent by the certifier's queries, per phase: its work, however busy the machine is otherwise. */
const work = { ms: 0 };
const certifier: CertifierOptions = { concurrency: Number(values.concurrency), onQuery: (ms) => void (work.ms += ms) };
const workOf = async <T>(job: () => Promise<T>): Promise<[T, number]> => {
  work.ms = 0;
  const result = await job();
  return [result, Math.round(work.ms)];
};
const loadAtStart = loadavg()[0] ?? 0;
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const perSecond = (rows: number, ms: number): number => Math.round(rows / Math.max(ms, 1) * 1000);
const phase = (rehearsal: MigrationRehearsal, name: keyof typeof phaseNames): number => rehearsal.phases.findLast((p) => p.name === phaseNames[name])?.durationMs ?? 0;

log(`bench:data: scale ${values.scale} on ${redactUrl(serverUrl)}`);
const rehearsal = await MigrationRehearsal.prepare(serverUrl, { scale: values.scale, seed: Number(values.seed), certifier, opsTimeoutMs: 60 * 60_000, tool: localOpsTool });
try {
  const count = (key: string): number => Number(rehearsal.generated[key] ?? 0);
  const generated = { events: count('events'), recordings: count('recordings') };
  const businessRows = count('customers') + count('cameras') + count('sessions') + generated.events + generated.recordings;
  log(`generate: ${generated.events} events, ${generated.recordings} recordings, ${businessRows} rows in ${phase(rehearsal, 'generate')} ms`);
  const { snapshot } = await rehearsal.backUp();
  log(`V9 checksums before the migration: ${snapshot.durationMs} ms; backup: ${phase(rehearsal, 'backup')} ms`);
  const migrated = await rehearsal.migrate();
  log(`migration: ${phase(rehearsal, 'migrate')} ms`);

  const [floor, floorWork] = await workOf(() => floorScan([
    { side: rehearsal.backupSide(), tables: mappedTables(v9ToV10, 'v9') },
    { side: rehearsal.side('v10'), tables: mappedTables(v9ToV10, 'v10') },
  ], certifier));
  log(`floor (bare sum(hashtext(row)) of the same tables, both sides): ${floor.rows} rows in ${floor.durationMs} ms`);

  const [clean, certifyWork] = await workOf(() => rehearsal.certifyMigration());
  const certifyMs = phase(rehearsal, 'certify');
  log(`certification: ${clean.verdict}, ${clean.totals.rows.v9} + ${clean.totals.rows.v10} rows in ${certifyMs} ms (${(certifyMs / floor.durationMs).toFixed(2)} x floor)`);

  const injected = await injectOneWrongValue(rehearsal.urls.events, generated.events);
  const dirty = await rehearsal.certifyMigration();
  const injectMs = phase(rehearsal, 'certify');
  const found = dirty.findings.filter((f) => f.via === 'checksums');
  const pinpointed = found.length === 1 && found[0]?.entity === 'events' && found[0].field === 'payload' && found[0].v10Key?.device_serial === injected.serial && found[0].v10Key.device_event_id === injected.eventId;
  log(`one wrong value injected in event ${injected.serial}/${injected.eventId}: ${pinpointed ? 'found, to the row and field' : `NOT pinpointed: ${JSON.stringify(found.slice(0, 3))}`} in ${injectMs} ms`);
  await injected.undo();

  await rehearsal.rollback();
  const rolledBack = await rehearsal.certifyRollback();
  log(`rollback: ${phase(rehearsal, 'rollback')} ms; rollback certification: ${rolledBack.verdict} in ${phase(rehearsal, 'certifyRollback')} ms`);

  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const v9SideReadMs = await rehearsal.v9SideRead;
  // The window the migration day needs: maintenance on (the checksums before) to the first certified verdict.
  const toVerdictMs = phase(rehearsal, 'snapshot') + phase(rehearsal, 'backup') + phase(rehearsal, 'migrate') + certifyMs;
  const window = rehearsal.timeline();
  const result = {
    bench: 'data',
    scale: values.scale,
    rows: { events: generated.events, recordings: generated.recordings, business: businessRows, certifiedPerSide: clean.totals.rows.v9 },
    phases: {
      generate: timing(phase(rehearsal, 'generate'), businessRows),
      snapshotBefore: timing(snapshot.durationMs, businessRows),
      backup: timing(phase(rehearsal, 'backup'), businessRows),
      migrate: timing(phase(rehearsal, 'migrate'), businessRows),
      floor: timing(floor.durationMs, floor.rows),
      certify: { ...timing(certifyMs, clean.totals.rows.v9 + clean.totals.rows.v10), verdict: clean.verdict, findings: clean.totals.findings },
      certifyInjected: { ...timing(injectMs, dirty.totals.rows.v9 + dirty.totals.rows.v10), findings: found.length, pinpointed },
      rollback: timing(phase(rehearsal, 'rollback'), businessRows),
      certifyRollback: { ...timing(phase(rehearsal, 'certifyRollback'), businessRows), verdict: rolledBack.verdict },
    },
    certifyVsFloor: Number((certifyMs / floor.durationMs).toFixed(2)),
    /** Sums of query durations: the database work of each, less sensitive than wall time to other load on the machine. */
    queryMs: { floor: floorWork, certify: certifyWork, ratio: Number((certifyWork / Math.max(floorWork, 1)).toFixed(2)) },
    loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number((loadavg()[0] ?? 0).toFixed(2)), cores: navigator.hardwareConcurrency },
    maxRssMiB,
    targets: { within1_3xFloor: certifyMs <= 1.3 * floor.durationMs, within3xFloor: certifyMs <= 3 * floor.durationMs, certifyUnder30s: certifyMs <= 30_000, rssUnder256MiB: maxRssMiB <= 256, zeroDifferences: clean.verdict === 'certified', wrongValueFound: pinpointed, rollbackCertified: rolledBack.verdict === 'certified' },
    /** The V9 side's checksums, read during the migration (KW_CERTIFIER_AHEAD=off: within the certification). */
    v9SideReadDuringMigrationMs: v9SideReadMs ?? null,
    window: {
      toVerdictMs, toVerdictUnder4Min: toVerdictMs <= 240_000,
      usedMs: window.totalMs, windowMs: window.windowMs, usedPercent: window.usedPercent, withinWindow: window.withinWindow,
    },
    migrationMs: Number(migrated.durationMs),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = clean.verdict === 'certified' && pinpointed && rolledBack.verdict === 'certified' ? 0 : 1;
} finally {
  await rehearsal.drop();
}

function timing(ms: number, rows: number): { ms: number; rowsPerS: number } {
  return { ms, rowsPerS: perSecond(rows, ms) };
}

/** Changes one event's payload in V10 (the middle one), the way a faulty migration step would; returns its key and an undo. */
async function injectOneWrongValue(url: string, events: number): Promise<{ serial: string; eventId: string; undo: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ serial: string; eventId: string; id: string }>(
      `UPDATE events SET payload = payload || '{"bench": true}' WHERE id = (SELECT id FROM events ORDER BY id OFFSET $1 LIMIT 1)
       RETURNING device_serial AS serial, device_event_id AS "eventId", id`, [Math.floor(events / 2)]);
    const row = rows[0];
    if (!row) throw new Error('no event to change');
    return {
      serial: row.serial,
      eventId: row.eventId,
      undo: async () => {
        const undo = new pg.Client({ connectionString: url });
        await undo.connect();
        await undo.query("UPDATE events SET payload = payload - 'bench' WHERE id = $1", [row.id]).finally(() => undo.end());
      },
    };
  } finally {
    await client.end();
  }
}

// Certifies a rollback: the V9 checksums after it must equal those taken before the migration; differences are located via the backup.

import { tableSize } from './chunks.ts';
import { connectSide, describeSide } from './connect.ts';
import type { SideConnections, SideDescription } from './connect.ts';
import { sequenceStates, shapeSql, tableShapes } from './identity.ts';
import type { TableShape } from './identity.ts';
import { limiter } from './limiter.ts';
import type { Limiter } from './limiter.ts';
import { locate } from './locate.ts';
import { aggregate, differingSegments } from './scan.ts';
import type { Totals } from './scan.ts';
import type { Snapshot, TableChecksums } from './snapshot.ts';
import { defaults } from './types.ts';
import type { CertifierOptions, DatabaseName, Finding, PlatformSide } from './types.ts';
import { checkVersions } from './validate.ts';

export interface TableReport {
  database: DatabaseName;
  table: string;
  rows: { before: number; after: number };
  checksum: { before: string; after: string };
  segments: { bits: number; differing: number; located: number; unlocated: number };
}

export interface RollbackCertificate {
  kind: 'rollback';
  verdict: 'certified' | 'differences';
  before: { takenAt: string; side: SideDescription };
  after: SideDescription;
  reference: SideDescription | null;
  tables: TableReport[];
  findings: Finding[];
  durationMs: number;
}

export interface RollbackOptions extends CertifierOptions {
  /** Where to find the rows as they were (the backup), to locate differences to the row; without it, segments are reported. */
  reference?: PlatformSide;
  /** Tables of `after` that are not the platform's (e.g. the backup's own record, when `after` is the backup). */
  ignoreTables?: string[];
  /** Compare sequences too (default true; a backup made of plain copies has none). */
  compareSequences?: boolean;
}

const databases: DatabaseName[] = ['accounts', 'events', 'media'];

export async function certifyRollback(before: Snapshot, after: PlatformSide, options: RollbackOptions = {}): Promise<RollbackCertificate> {
  const started = performance.now();
  const o = { ...defaults, ...options };
  const conn = connectSide(after, o);
  const reference = options.reference ? connectSide(options.reference, o) : undefined;
  const run = limiter(o.concurrency);
  try {
    await checkVersions([conn, ...(reference ? [reference] : [])]);
    const results = await Promise.all(databases.map((db) => certifyDatabase(db, before, conn, reference, run, o)));
    const tables = results.flatMap((r) => r.tables);
    const findings = results.flatMap((r) => r.findings);
    return {
      kind: 'rollback',
      verdict: findings.length === 0 && tables.every((t) => t.segments.differing === 0) ? 'certified' : 'differences',
      before: { takenAt: before.takenAt, side: before.side },
      after: describeSide(after),
      reference: options.reference ? describeSide(options.reference) : null,
      tables,
      findings,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await Promise.all([conn.close(), reference?.close()]);
  }
}

type Options = typeof defaults & RollbackOptions;

async function certifyDatabase(db: DatabaseName, before: Snapshot, conn: SideConnections, reference: SideConnections | undefined, run: Limiter, o: Options): Promise<{ tables: TableReport[]; findings: Finding[] }> {
  const ignored = new Set(o.ignoreTables ?? []);
  const afterShapes = (await tableShapes(conn, db)).filter((s) => !ignored.has(s.table));
  const referenceShapes = reference ? await tableShapes(reference, db) : [];
  const expected = before.databases[db];
  const findings: Finding[] = [];
  const tables = await Promise.all(expected.tables.map(async (table) => {
    const shape = afterShapes.find((s) => s.table === table.table);
    const entity = `${db}.${table.table}`;
    if (!shape) {
      findings.push(schemaFinding(entity, 'table', 'table', `${table.rows} rows`, 'no table'));
      return undefined;
    }
    if (JSON.stringify(shape.columns) !== JSON.stringify(table.columns)) {
      findings.push(schemaFinding(entity, 'columns', 'columns', columnList(table), columnList(shape)));
      return undefined;
    }
    const found = await compareTable(db, table, shape, conn, referenceShapes.find((s) => s.table === table.table), reference, run, o);
    findings.push(...found.findings);
    return found.report;
  }));
  for (const shape of afterShapes.filter((s) => !expected.tables.some((t) => t.table === s.table))) findings.push(...await leftover(db, shape, conn));
  if (o.compareSequences !== false) findings.push(...sequenceFindings(db, expected.sequences, await sequenceStates(conn, db)));
  return { tables: tables.filter((t): t is TableReport => t !== undefined), findings };
}

async function compareTable(db: DatabaseName, table: TableChecksums, shape: TableShape, conn: SideConnections, referenceShape: TableShape | undefined, reference: SideConnections | undefined, run: Limiter, o: Options): Promise<{ report: TableReport; findings: Finding[] }> {
  const entity = `${db}.${table.table}`;
  // Keyed as before the migration, whatever keys the restored table or the backup's copy declare, so segments line up.
  const sql = shapeSql(`${entity} (after)`, db, { ...shape, key: table.key });
  const size = await run(() => tableSize(conn, sql, o.chunkRows));
  const now = await aggregate(conn, sql, size.chunks, { bits: table.bits }, run);
  const then = new Map<number, Totals>(table.segments.map(([seg, n, s]) => [seg, { n, s: BigInt(s) }]));
  const differing = differingSegments(then, now.segments);
  const report: TableReport = {
    database: db, table: table.table, rows: { before: table.rows, after: now.rows }, checksum: { before: table.checksum, after: now.checksum.toString() },
    segments: { bits: table.bits, differing: differing.length, located: 0, unlocated: differing.length },
  };
  if (differing.length === 0) return { report, findings: [] };
  if (!reference || !referenceShape || JSON.stringify(referenceShape.columns) !== JSON.stringify(shape.columns)) {
    return { report, findings: differing.slice(0, o.maxFindings).map((seg) => segmentFinding(entity, seg, then.get(seg), now.segments.get(seg))) };
  }
  const refSql = shapeSql(`${entity} (reference)`, db, { ...referenceShape, key: table.key });
  const refSize = await run(() => tableSize(reference, refSql, o.chunkRows));
  const pair = { entity, fieldNames: shape.columns.map((c) => c.name), expected: { conn: reference, sql: refSql, chunks: refSize.chunks }, actual: { conn, sql, chunks: size.chunks } };
  const located = await locate(pair, table.bits, differing, { expected: then, actual: now.segments }, { leafRows: o.leafRows, maxSegments: o.maxLocatedSegments, maxFindings: o.maxFindings, run });
  report.segments = { ...report.segments, located: located.locatedSegments, unlocated: located.unlocatedSegments };
  return { report, findings: located.findings.map((f) => ({ ...f, v9Key: f.v9Key ?? f.v10Key, v10Key: null })) };
}

/** A table the V9 platform did not have before: what the rollback left of V10, with its first rows. */
async function leftover(db: DatabaseName, shape: TableShape, conn: SideConnections): Promise<Finding[]> {
  const sql = shapeSql(`${db}.${shape.table}`, db, shape);
  const count = await conn.query<{ n: string }>(db, `SELECT count(*) AS n FROM ${sql.from}`);
  const first = await conn.query<{ key: Record<string, unknown> }>(db, `SELECT ${sql.keyObject} AS key FROM ${sql.from} ORDER BY ${sql.keyText} LIMIT 5`);
  const entity = `${db}.${shape.table}`;
  return [
    schemaFinding(entity, 'table', 'table', 'no table', `${count.rows[0]?.n ?? '?'} rows`),
    ...first.rows.map((r): Finding => ({ entity, kind: 'unexpected', v9Key: null, v10Key: r.key, field: null, expected: null, actual: 'row left in a table V9 does not have', via: 'schema' })),
  ];
}

function sequenceFindings(db: DatabaseName, before: Record<string, string | null>, after: Record<string, string | null>): Finding[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((n) => before[n] !== after[n]).map((n) => ({
    entity: `${db}.${n}`, kind: 'sequence', v9Key: null, v10Key: null, field: 'last_value',
    expected: n in before ? String(before[n]) : 'no sequence', actual: n in after ? String(after[n]) : 'no sequence', via: 'schema',
  }));
}

function schemaFinding(entity: string, kind: 'table' | 'columns', field: string, expected: string, actual: string): Finding {
  return { entity, kind, v9Key: null, v10Key: null, field, expected, actual, via: 'schema' };
}

function segmentFinding(entity: string, seg: number, then: Totals | undefined, now: Totals | undefined): Finding {
  const show = (t: Totals | undefined): string => (t ? `${t.n} rows, hash sum ${t.s}` : 'no rows');
  return { entity, kind: 'segment', v9Key: { segment: seg }, v10Key: null, field: null, expected: show(then), actual: show(now), via: 'checksums' };
}

const columnList = (shape: TableShape): string => shape.columns.map((c) => `${c.name} ${c.type}`).join(', ');

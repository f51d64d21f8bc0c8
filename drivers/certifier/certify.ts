// Certifies a V9 -> V10 migration: every entity of the mapping, both sides read at once, differences located to the row.

import { connectSide, describeSide } from './connect.ts';
import type { SideDescription } from './connect.ts';
import { certifyEntity } from './entity.ts';
import type { EntityReport } from './entity.ts';
import { mappingCoverage } from './coverage.ts';
import type { TableCoverage } from './coverage.ts';
import { checkHashes } from './hashes.ts';
import { limiter } from './limiter.ts';
import { v9ToV10 } from './mapping/v9-to-v10.ts';
import type { Mapping } from './mapping/types.ts';
import { readSideParisChanges } from './paris.ts';
import { listAdditions } from './additions.ts';
import type { Addition } from './additions.ts';
import { sideSql } from './sql.ts';
import type { SideScope, SideSql } from './sql.ts';
import { defaults } from './types.ts';
import type { CertifierOptions, DatabaseName, Finding, PlatformSide } from './types.ts';
import { unchangedTables } from './unchanged.ts';
import { checkMapping, checkVersions, readTypes } from './validate.ts';
import { parisDatabases, prepareV9Side } from './v9-side.ts';
import type { V9Side } from './v9-side.ts';

export interface MigrationCertificate {
  kind: 'migration';
  verdict: 'certified' | 'differences';
  v9: SideDescription;
  v10: SideDescription;
  entities: EntityReport[];
  /** Every table of both sides and what certifies it; a table or column nobody certifies is also a finding. */
  coverage: TableCoverage[];
  /** Rows V10 holds that V9 has not, in entities that declare why (`v10Adds`): listed, not compared. */
  additions: Addition[];
  findings: Finding[];
  totals: { rows: { v9: number; v10: number }; differingRows: number; findings: number };
  durationMs: number;
}

/**
 * Compares V9 (e.g. the backup schema) with V10 through `mapping`. Throws only for bad input or a broken environment;
 * every difference in the data is a finding of the certificate.
 */
export async function certifyMigration(v9: PlatformSide, v10: PlatformSide, options: CertifierOptions & { mapping?: Mapping; v9Side?: V9Side } = {}): Promise<MigrationCertificate> {
  const started = performance.now();
  const o = { ...defaults, ...options };
  const mapping = options.v9Side?.mapping ?? options.mapping ?? v9ToV10;
  const sides = { v9: connectSide(v9, o), v10: connectSide(v10, o) };
  try {
    await checkVersions([sides.v9, sides.v10]);
    await checkHashes([sides.v9, sides.v10]);
    // Read beforehand (readV9InAdvance, while the migration ran) or now.
    const before = options.v9Side ?? await prepareV9Side(sides.v9, mapping);
    const types = { v9: before.types, v10: await readTypes(sides.v10) };
    // V9's half was checked when it was read.
    checkMapping(mapping.entities, { v10: sides.v10 }, { v10: types.v10 });
    const paris = await readSideParisChanges(sides.v10, parisDatabases(mapping, 'v10'));
    // V10's side of an entity with additions is read on V9's keys only (scope): V9's keys and V10's additions come first.
    const v10Sql = (scope?: { v9Keys: Map<string, string[]>; added: Map<string, string[]> }): Map<string, SideSql> => new Map(mapping.entities.map((e) => {
      const s: SideScope | undefined = scope && { added: scope.added, ...(e.v10Adds !== undefined ? { only: scope.v9Keys.get(e.name) ?? [] } : {}) };
      return [e.name, sideSql(`${e.name} (V10)`, e.database, e.v10, e.fields.map((f) => f.v10), types.v10[e.database], paris.get(e.database), s)];
    }));
    const additions = await listAdditions(mapping, sides.v10, v10Sql(), before.keys);
    const bySide = { v9: before.sql, v10: v10Sql({ v9Keys: before.keys, added: new Map(additions.map((a) => [a.entity, a.texts])) }) };
    const coverage = mappingCoverage(mapping, types);
    const unchanged = await unchangedTables(mapping, sides);
    const run = limiter(o.concurrency);
    const shipping = limiter(Math.max(1, Math.floor(o.concurrency / 2)));
    const jobs = [
      ...mapping.entities.map((e) => ({ name: e.name, database: e.database, fieldNames: e.fields.map((f) => f.name), v9: bySide.v9.get(e.name) as SideSql, v10: bySide.v10.get(e.name) as SideSql })),
      ...unchanged,
    ];
    // Biggest tables first: their chunks enter the queue first, the small ones fill the gaps.
    const order = [...jobs].sort((a, b) => weight(b.database) - weight(a.database));
    const reports = await Promise.all(order.map((j) => {
      const expected = before.scans.get(j.name);
      return certifyEntity({
        pair: { entity: j.name, fieldNames: j.fieldNames, expected: { conn: sides.v9, sql: j.v9, chunks: [] }, actual: { conn: sides.v10, sql: j.v10, chunks: [] } },
        database: j.database, entities: { expected: bySide.v9, actual: bySide.v10 }, options: { ...o, run, shipping }, ...(expected ? { expected } : {}),
      });
    }));
    const entities = jobs.map((j) => reports.find((r) => r.entity === j.name) as EntityReport);
    return certificate(v9, v10, { entities, coverage: coverage.tables, additions: additions.map(({ texts: _, ...a }) => a), schemaFindings: coverage.findings }, performance.now() - started);
  } finally {
    await Promise.all([sides.v9.close(), sides.v10.close()]);
  }
}

const weight = (db: string): number => (db === 'events' ? 3 : db === 'media' ? 2 : 1);

interface Parts {
  entities: EntityReport[];
  coverage: TableCoverage[];
  additions: Addition[];
  schemaFindings: Finding[];
}

function certificate(v9: PlatformSide, v10: PlatformSide, { entities, coverage, additions, schemaFindings }: Parts, durationMs: number): MigrationCertificate {
  const seen = new Set<string>();
  const findings: Finding[] = [...schemaFindings];
  for (const f of entities.flatMap((e) => [...e.findings, ...e.sample.findings])) {
    const id = JSON.stringify([f.entity, f.kind, f.v9Key, f.v10Key, f.field]);
    if (!seen.has(id)) findings.push(f);
    seen.add(id);
  }
  const differingRows = entities.reduce((n, e) => n + e.differingRows, 0);
  const differing = findings.length > 0 || entities.some((e) => e.segments.differing > 0 || e.rows.v9 !== e.rows.v10);
  return {
    kind: 'migration',
    verdict: differing ? 'differences' : 'certified',
    v9: describeSide(v9),
    v10: describeSide(v10),
    entities,
    coverage,
    additions,
    findings,
    totals: {
      rows: { v9: entities.reduce((n, e) => n + e.rows.v9, 0), v10: entities.reduce((n, e) => n + e.rows.v10, 0) },
      differingRows,
      findings: findings.length,
    },
    durationMs: Math.round(durationMs),
  };
}

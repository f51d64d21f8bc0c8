// What the scenarios expect of a certificate, as assertions whose message says the rule, what was found, and where to look.

import { AssertionError } from 'node:assert';
import type { MigrationCertificate } from './certify.ts';
import type { RollbackCertificate } from './rollback.ts';
import type { Dimension, Finding } from './types.ts';
import type { Timeline } from './window.ts';

const fail = (message: string): never => {
  throw new AssertionError({ message });
};

const show = (findings: Finding[], n = 5): string => findings.slice(0, n).map((f) =>
  `${f.entity} ${f.kind}${f.field ? ` ${f.field}` : ''} V9 ${JSON.stringify(f.v9Key)} V10 ${JSON.stringify(f.v10Key)}: expected ${f.expected ?? '-'}, got ${f.actual ?? '-'}`).join('\n  ');

/** No row of `entity` lost: its counts per `dimension` equal on both sides, and no V9 row without its V10 row. */
export function expectNothingLost(cert: MigrationCertificate, entity: string, dimension: Dimension): void {
  const report = cert.entities.find((e) => e.entity === entity) ?? fail(`the certificate has no entity ${entity}; it has ${cert.entities.map((e) => e.entity).join(', ')}`);
  const counts = report.counts.filter((c) => c.dimension === dimension);
  if (counts.length === 0) fail(`the certificate counts no ${entity} per ${dimension}: is the dimension in the mapping?`);
  const short = counts.filter((c) => c.v10 < c.v9);
  const missing = report.findings.filter((f) => f.kind === 'missing');
  if (short.length > 0 || missing.length > 0 || report.rows.v10 < report.rows.v9) {
    fail(`no ${entity} may be lost for any ${dimension}; V10 lacks ${report.rows.v9 - report.rows.v10} of ${report.rows.v9}: ` +
      `${short.map((c) => `${c.value} ${c.v9} -> ${c.v10}`).join(', ') || 'counts equal'}${missing.length > 0 ? `\n  ${show(missing)}` : ''}`);
  }
}

/** The entity certifies: no finding at all on it. */
export function expectUnchanged(cert: MigrationCertificate, entity: string): void {
  const report = cert.entities.find((e) => e.entity === entity) ?? fail(`the certificate has no entity ${entity}`);
  const findings = [...report.findings, ...report.sample.findings];
  if (findings.length > 0 || report.segments.differing > 0) fail(`every ${entity} row must come through the migration unchanged; ${report.differingRows} differ:\n  ${show(findings)}`);
}

/** Every table and column of both versions is certified by the mapping or excluded with a reason, and the reference tables compare equal. */
export function expectComplete(cert: MigrationCertificate, referenceEntities: readonly string[]): void {
  const gaps = cert.coverage.filter((t) => t.by.length === 0 || t.uncovered.length > 0)
    .map((t) => `${t.version.toUpperCase()} ${t.database}.${t.table}${t.by.length === 0 ? '' : ` (${t.uncovered.join(', ')})`}`);
  if (gaps.length > 0) fail(`every table and column of both versions must be certified or excluded with a reason; nobody certifies:\n  ${gaps.join('\n  ')}`);
  const absent = referenceEntities.filter((name) => !cert.entities.some((e) => e.entity === name && e.rows.v9 > 0));
  if (absent.length > 0) fail(`the reference tables must be compared row for row; the certificate compares no rows of ${absent.join(', ')}`);
  for (const name of referenceEntities) expectUnchanged(cert, name);
}

export function expectCertified(cert: MigrationCertificate | RollbackCertificate): void {
  if (cert.verdict !== 'certified') fail(`the data certification must find no difference; it found ${cert.findings.length}:\n  ${show(cert.findings)}`);
}

/**
 * The certificate locates the defect: findings of `entity` of `kind` (on `field`), each with its keys and values, and
 * each passing `check` (which returns what is wrong with a finding, or undefined).
 */
export function expectLocated(cert: MigrationCertificate, where: { entity: string; kind: Finding['kind']; field?: string }, check: (f: Finding) => string | undefined = () => undefined): Finding[] {
  const found = cert.findings.filter((f) => f.entity === where.entity && f.kind === where.kind && (where.field === undefined || f.field === where.field));
  const what = `${where.kind} ${where.entity}${where.field ? ` (${where.field})` : ''}`;
  if (found.length === 0) fail(`the certification must locate the ${what} rows; it found none. Its findings:\n  ${show(cert.findings) || 'none'}`);
  const incomplete = found.filter((f) => f.v9Key === null && f.v10Key === null || (where.kind === 'field' && (f.v9Key === null || f.v10Key === null || f.expected === null)));
  if (incomplete.length > 0) fail(`each ${what} finding must name its V9 and V10 keys and both values:\n  ${show(incomplete)}`);
  const wrong = found.flatMap((f) => (check(f) === undefined ? [] : [`${check(f)}: ${show([f])}`]));
  if (wrong.length > 0) fail(`the ${what} findings are not the expected ones:\n  ${wrong.slice(0, 5).join('\n  ')}`);
  return found;
}

export function expectWithinWindow(t: Timeline): void {
  if (!t.withinWindow) fail(`the migration day's phases must fit the ${t.windowMs / 60_000}-minute window; they take ${Math.round(t.totalMs / 1000)} s: ${t.phases.map((p) => `${p.name} ${Math.round(p.durationMs / 1000)} s`).join(', ')}`);
}

/** Tables the rollback left that V9 did not have before, with at least one row named. */
export function expectLeftovers(cert: RollbackCertificate): Finding[] {
  const tables = cert.findings.filter((f) => f.kind === 'table' && f.expected === 'no table');
  const rows = cert.findings.filter((f) => f.kind === 'unexpected' && f.v10Key !== null);
  if (tables.length === 0 || rows.length === 0) fail(`the rollback certification must report the V10 tables and rows left behind; it found:\n  ${show(cert.findings) || 'nothing'}`);
  return tables;
}

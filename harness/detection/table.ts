// The detection table: each fault switched on in turn, whether the certification caught it, how, and how fast.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '../../lib/errors.ts';
import type { Certificate } from '../reports/certificate/build.ts';

/** The kinds of regression a fault belongs to; the table says how many of each were detected. */
export const faultClasses = {
  exact: 'a duplicate, an order or a value that an "at least one" or "is present" check accepts',
  legacy: 'behaviour only migrated customers or old devices exercise',
  cutover: 'state that changes while the platform is in maintenance',
  reference: 'reference data carried by the migration (offers, modules, partners, white labels)',
  data: 'the migrated business data (events, recordings, accounts) and its rollback',
  instances: 'a platform instance that does not come back as it should',
  modules: 'a service module that stops working (SMS, AI, monitoring)',
  brands: 'one partner or white label shown or named wrongly',
  devices: 'one device model or protocol refused',
  pages: 'what the customer space or the notices show',
} as const;
export type FaultClass = keyof typeof faultClasses;

export interface FaultCase {
  id: string;
  class: FaultClass;
  description: string;
  fault: string;
  names: string[];
  quick: boolean;
  /** The tag expression of the suites that should catch it; none when the data certification of the migration must. */
  suites: string | undefined;
  /** Whether the suites run on V9 before the migration or on V10 after it. */
  on: 'v9' | 'v10';
  /** Whether the rollback (and its certification) is rehearsed. */
  rollback: boolean;
  /** Whether the migration phase plays the cut-over cohort and checks it after the window (`suites` then run there, not after). */
  cutover: boolean;
}

export interface DetectionRow {
  fault: string;
  class: FaultClass;
  description: string;
  detected: boolean;
  by: string[];
  namesWhatBroke: boolean;
  secondsToDetection: number | undefined;
  verdict: string;
}

export const faultsFile = join(import.meta.dirname, 'faults.yaml');

export function loadFaultCases(file: string = faultsFile): FaultCase[] {
  const raw = parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new ConfigurationError(`${file}: expected a list of faults`);
  return raw.map((entry: Record<string, unknown>, i) => {
    for (const key of ['id', 'description', 'fault']) if (typeof entry[key] !== 'string') throw new ConfigurationError(`${file}: entry ${i + 1}: "${key}" must be a string`);
    const at = `${file}: entry ${i + 1} (${String(entry['id'])})`;
    if (!Array.isArray(entry['names']) || entry['names'].length === 0) throw new ConfigurationError(`${at}: "names" must list what the failure message must name`);
    if (typeof entry['class'] !== 'string' || !(entry['class'] in faultClasses)) {
      throw new ConfigurationError(`${at}: "class" must be one of ${Object.keys(faultClasses).join(', ')} (the kind of regression); got ${JSON.stringify(entry['class'])}`);
    }
    const known = ['id', 'class', 'description', 'fault', 'names', 'quick', 'suites', 'on', 'rollback', 'cutover'];
    const unknown = Object.keys(entry).filter((k) => !known.includes(k));
    if (unknown.length > 0) throw new ConfigurationError(`${at}: unknown key(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
    if (entry['suites'] !== undefined && typeof entry['suites'] !== 'string') throw new ConfigurationError(`${at}: "suites" must be a Cucumber tag expression`);
    if (entry['on'] !== undefined && entry['on'] !== 'v9' && entry['on'] !== 'v10') throw new ConfigurationError(`${at}: "on" must be v9 or v10`);
    if (entry['cutover'] === true && (typeof entry['suites'] !== 'string' || entry['on'] === 'v9')) throw new ConfigurationError(`${at}: "cutover: true" needs "suites", the scenarios that check the cohort on V10 after the window (e.g. "@bascule")`);
    return {
      id: String(entry['id']),
      class: entry['class'] as FaultClass,
      description: String(entry['description']),
      fault: String(entry['fault']),
      names: entry['names'].map(String),
      quick: entry['quick'] === true,
      suites: entry['suites'] as string | undefined,
      on: entry['on'] === 'v9' ? 'v9' : 'v10',
      rollback: entry['rollback'] === true,
      cutover: entry['cutover'] === true,
    };
  });
}

/** Reads a fault's certificate: detected when a gate failed; by the failing gates' reasons; named when every expected name appears. */
export function detectionRow(faultCase: FaultCase, certificate: Certificate | undefined): DetectionRow {
  if (!certificate) return { fault: faultCase.id, class: faultCase.class, description: faultCase.description, detected: false, by: ['(no certificate: the run did not finish)'], namesWhatBroke: false, secondsToDetection: undefined, verdict: 'none' };
  const failed = certificate.gates.filter((g) => g.verdict === 'failed');
  const reasons = failed.flatMap((g) => g.reasons.map((r) => `${g.id}: ${r}`));
  const text = reasons.join('\n');
  const first = failed[0];
  const seconds = first ? (Date.parse(first.endedAt) - Date.parse(certificate.metadata.startedAt)) / 1000 : undefined;
  return {
    fault: faultCase.id,
    class: faultCase.class,
    description: faultCase.description,
    detected: certificate.verdict === 'NO-GO' && failed.length > 0,
    // The reason's first line, and its first finding when it lists them (a data certification's rows).
    by: reasons.map((r) => r.split('\n').slice(0, 2).map((line) => line.trim()).join(' ').slice(0, 220)),
    namesWhatBroke: faultCase.names.every((name) => text.includes(name)),
    secondsToDetection: seconds,
    verdict: certificate.verdict,
  };
}

export interface CleanRun {
  verdict: string;
  why: string;
  /** No false alarm: every gate passed. */
  green: boolean;
}

/** The clean run is green when every gate passed; its verdict may still be INCOMPLETE when its plan leaves partners out. */
export function cleanRun(certificate: Certificate): CleanRun {
  const failed = certificate.gates.filter((g) => g.verdict !== 'passed');
  const green = certificate.gates.length > 0 && failed.length === 0;
  const why = green ? `all ${certificate.gates.length} gates passed; ${certificate.why}` : failed.map((g) => `${g.id} ${g.verdict}: ${g.reasons[0]?.split('\n')[0] ?? ''}`).join('; ');
  return { verdict: certificate.verdict, why, green };
}

export function renderTable(rows: DetectionRow[], clean: CleanRun | undefined): string {
  const lines = ['| fault | class | detected | by | names what broke | time to detection | verdict |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    lines.push(`| ${row.fault}: ${row.description} | ${row.class} | ${row.detected ? 'yes' : '**NO**'} | ${row.by.slice(0, 3).join('<br>').replace(/\|/g, '\\|') || '—'} | ${row.namesWhatBroke ? 'yes' : '**no**'} | ${row.secondsToDetection === undefined ? '—' : `${row.secondsToDetection.toFixed(1)} s`} | ${row.verdict} |`);
  }
  if (clean) lines.push(`| (no fault: clean run) | — | ${clean.green ? 'no false alarm' : '**FALSE ALARM or not run**'} | — | — | — | ${clean.verdict}: ${clean.why.replace(/\|/g, '\\|')} |`);
  lines.push('', classSummary(rows));
  return lines.join('\n');
}

/** Per class, how many of its faults were detected and named, e.g. `exact 3/3, legacy 2/3 (missed: x)`. */
export function classSummary(rows: readonly DetectionRow[]): string {
  const parts = (Object.keys(faultClasses) as FaultClass[]).flatMap((c) => {
    const mine = rows.filter((r) => r.class === c);
    if (mine.length === 0) return [];
    const missed = mine.filter((r) => !r.detected || !r.namesWhatBroke).map((r) => r.fault);
    return [`${c} ${mine.length - missed.length}/${mine.length}${missed.length > 0 ? ` (missed: ${missed.join(', ')})` : ''}`];
  });
  return `Detected and named per class: ${parts.join('; ')}.`;
}

// The detection table: each fault switched on in turn, whether the certification caught it, how, and how fast.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '../../lib/errors.ts';
import type { Certificate } from '../certificate/build.ts';

export interface FaultCase {
  id: string;
  description: string;
  fault: string;
  names: string[];
  quick: boolean;
}

export interface DetectionRow {
  fault: string;
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
    if (!Array.isArray(entry['names']) || entry['names'].length === 0) throw new ConfigurationError(`${file}: entry ${i + 1} (${String(entry['id'])}): "names" must list what the failure message must name`);
    return { id: String(entry['id']), description: String(entry['description']), fault: String(entry['fault']), names: entry['names'].map(String), quick: entry['quick'] === true };
  });
}

/** Reads a fault's certificate: detected when a gate failed; by the failing gates' reasons; named when every expected name appears. */
export function detectionRow(faultCase: FaultCase, certificate: Certificate | undefined): DetectionRow {
  if (!certificate) return { fault: faultCase.id, description: faultCase.description, detected: false, by: ['(no certificate: the run did not finish)'], namesWhatBroke: false, secondsToDetection: undefined, verdict: 'none' };
  const failed = certificate.gates.filter((g) => g.verdict === 'failed');
  const reasons = failed.flatMap((g) => g.reasons.map((r) => `${g.id}: ${r}`));
  const text = reasons.join('\n');
  const first = failed[0];
  const seconds = first ? (Date.parse(first.endedAt) - Date.parse(certificate.metadata.startedAt)) / 1000 : undefined;
  return {
    fault: faultCase.id,
    description: faultCase.description,
    detected: certificate.verdict === 'NO-GO' && failed.length > 0,
    by: reasons.map((r) => r.split('\n')[0]?.slice(0, 160) ?? ''),
    namesWhatBroke: faultCase.names.every((name) => text.includes(name)),
    secondsToDetection: seconds,
    verdict: certificate.verdict,
  };
}

export function renderTable(rows: DetectionRow[], clean: { verdict: string; why: string } | undefined): string {
  const lines = ['| fault | detected | by | names what broke | time to detection | verdict |', '| --- | --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    lines.push(`| ${row.fault}: ${row.description} | ${row.detected ? 'yes' : '**NO**'} | ${row.by.slice(0, 3).join('<br>').replace(/\|/g, '\\|') || '—'} | ${row.namesWhatBroke ? 'yes' : '**no**'} | ${row.secondsToDetection === undefined ? '—' : `${row.secondsToDetection.toFixed(1)} s`} | ${row.verdict} |`);
  }
  if (clean) lines.push(`| (no fault: clean run) | — | — | — | — | ${clean.verdict}: ${clean.why.replace(/\|/g, '\\|')} |`);
  return lines.join('\n');
}

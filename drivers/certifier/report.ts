// The data-certification section of the certificate, as JSON and as self-contained HTML: counts, checksums, differences, durations.

import type { MigrationCertificate } from './certify.ts';
import type { RollbackCertificate } from './rollback.ts';
import type { Finding } from './types.ts';
import type { Timeline } from './window.ts';

export interface CertificateInput {
  migration?: MigrationCertificate;
  rollback?: RollbackCertificate;
  timeline?: Timeline;
}

export interface CertificateSection {
  verdict: 'certified' | 'differences';
  json: CertificateInput & { verdict: 'certified' | 'differences' };
  html: string;
}

/** Findings shown in HTML; the JSON keeps all of them. */
const shownFindings = 100;

export function certificateSection(input: CertificateInput): CertificateSection {
  const verdicts = [input.migration?.verdict, input.rollback?.verdict, input.timeline && !input.timeline.withinWindow ? 'differences' : undefined];
  const verdict = verdicts.includes('differences') ? 'differences' : 'certified';
  const parts = [
    `<h2>Certification des données : ${verdict === 'certified' ? 'certifiée' : 'écarts trouvés'}</h2>`,
    input.timeline ? timelineHtml(input.timeline) : '',
    input.migration ? migrationHtml(input.migration) : '',
    input.rollback ? rollbackHtml(input.rollback) : '',
  ];
  return { verdict, json: { verdict, ...input }, html: `<section class="data-certification" data-verdict="${verdict}">\n${parts.join('\n')}\n</section>` };
}

function timelineHtml(t: Timeline): string {
  const rows = t.phases.map((p) => [p.name, seconds(p.durationMs)]);
  rows.push(['total', `${seconds(t.totalMs)} sur ${seconds(t.windowMs)} (${t.usedPercent} % de la fenêtre)`]);
  return `<h3>Durées / fenêtre de 45 minutes : ${t.withinWindow ? 'tenue' : 'dépassée'}</h3>\n${table(['phase', 'durée'], rows)}`;
}

function migrationHtml(m: MigrationCertificate): string {
  const entities = m.entities.map((e) => [e.entity, e.database, e.rows.v9, e.rows.v10, e.checksum.v9 === e.checksum.v10 ? 'égales' : `${e.checksum.v9} ≠ ${e.checksum.v10}`,
    `${e.segments.differing} / ${e.segments.compared}`, e.differingRows, `${e.sample.rows} (${e.sample.differingRows} écarts)`]);
  const counts = m.entities.flatMap((e) => e.counts.map((c) => [e.entity, c.dimension, c.value, c.v9, c.v10, c.v9 === c.v10 ? 'ok' : 'ÉCART']));
  return [
    `<h3>Migration V9 → V10 : ${m.verdict === 'certified' ? 'aucun écart' : `${m.totals.findings} écarts`} (${seconds(m.durationMs)})</h3>`,
    table(['entité', 'base', 'lignes V9', 'lignes V10', 'sommes de contrôle', 'segments différents', 'lignes localisées', 'échantillon'], entities),
    '<h4>Comptes par partenaire, offre et type d’appareil</h4>',
    table(['entité', 'dimension', 'valeur', 'V9', 'V10', ''], counts),
    coverageHtml(m),
    findingsHtml(m.findings),
  ].join('\n');
}

/** Every table of both sides and what certifies it (a column nobody certifies is also a finding), then V10's additions. */
function coverageHtml(m: MigrationCertificate): string {
  const rows = m.coverage.map((t) => [t.version.toUpperCase(), `${t.database}.${t.table}`, t.by.join(' ; ') || 'PERSONNE', t.columns, t.uncovered.join(', ') || '—']);
  const added = m.additions.map((a) => [a.entity, a.keys.map(key).join(' | ') || '—', a.reason]);
  return [
    '<h4>Couverture du mapping : chaque table et colonne des deux versions</h4>',
    table(['version', 'table', 'certifiée par', 'colonnes', 'colonnes non certifiées'], rows),
    ...(added.length > 0 ? ['<h4>Lignes que V10 ajoute (données de référence nouvelles)</h4>', table(['entité', 'clés', 'pourquoi'], added)] : []),
  ].join('\n');
}

function rollbackHtml(r: RollbackCertificate): string {
  const tables = r.tables.map((t) => [`${t.database}.${t.table}`, t.rows.before, t.rows.after, t.checksum.before === t.checksum.after ? 'égales' : 'différentes', t.segments.differing]);
  return [
    `<h3>Retour arrière : ${r.verdict === 'certified' ? 'V9 restituée à l’identique' : `${r.findings.length} écarts`} (${seconds(r.durationMs)})</h3>`,
    table(['table', 'lignes avant', 'lignes après', 'sommes de contrôle', 'segments différents'], tables),
    findingsHtml(r.findings),
  ].join('\n');
}

function findingsHtml(findings: Finding[]): string {
  if (findings.length === 0) return '<p>Aucun écart.</p>';
  const rows = findings.slice(0, shownFindings).map((f) => [f.entity, f.kind, key(f.v9Key), key(f.v10Key), f.field ?? '', f.expected ?? '', f.actual ?? '', f.via]);
  const more = findings.length > shownFindings ? `<p>… et ${findings.length - shownFindings} autres écarts (voir le JSON).</p>` : '';
  return `${table(['entité', 'écart', 'clé V9', 'clé V10', 'champ', 'attendu', 'obtenu', 'trouvé par'], rows)}${more}`;
}

function table(head: string[], rows: unknown[][]): string {
  const tr = (cells: unknown[], tag: string): string => `<tr>${cells.map((c) => `<${tag}>${escape(String(c))}</${tag}>`).join('')}</tr>`;
  return `<table>\n<thead>${tr(head, 'th')}</thead>\n<tbody>\n${rows.map((r) => tr(r, 'td')).join('\n')}\n</tbody>\n</table>`;
}

const key = (k: Record<string, unknown> | null): string => (k ? Object.entries(k).map(([n, v]) => `${n}=${String(v)}`).join(', ') : '—');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

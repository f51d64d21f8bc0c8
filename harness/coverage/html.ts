// The coverage matrix as one HTML page: every catalog entry, the scenarios that exercised it, and their last status.

import type { CoverageReport } from './compute.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderCoverage(report: CoverageReport, runId: string): string {
  const rows = report.entries
    .map((e) => {
      const scenarios = e.scenarios.map((s) => `<li class="${s.status === 'passed' ? 'ok' : 'ko'}">${escape(s.status)}: ${escape(s.name)}</li>`).join('');
      return `<tr class="${e.scenarios.length ? '' : 'missing'}" data-testid="entry" data-kind="${escape(e.kind)}" data-id="${escape(e.id)}"><td>${escape(e.kind)}</td><td>${escape(e.name)}<br><small>${escape(e.id)}</small></td><td>${e.scenarios.length}</td><td><ul>${scenarios || '<li class="ko">exercised by no scenario</li>'}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Catalog coverage ${escape(runId)}</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}.missing{background:#fde7e7}.ok{color:#1b7f3b}.ko{color:#b3261e}ul{margin:0;padding-left:1rem}</style></head><body>
<h1>Catalog coverage, run ${escape(runId)}</h1>
<p data-testid="summary">${report.exercised} of ${report.total} catalog entries exercised (${report.percent}%); allowed pairs covered: ${report.pairs.coveredPairs} of ${report.pairs.allowedPairs} (${report.pairs.percent}%).</p>
${report.migrated.total ? `<p data-testid="migrated-summary">Migrated customers exercised ${report.migrated.exercised} of the ${report.migrated.total} catalog entries V9 customers hold.</p>${report.migrated.unexercised.length ? `<ul>${report.migrated.unexercised.map((e) => `<li class="ko">exercised by no migrated customer${report.migrated.freshOnly.includes(e.replace(/^migrated /, '')) ? ' (only by customers made during the run)' : ''}: ${escape(e.replace(/^migrated /, ''))}</li>`).join('')}</ul>` : ''}` : ''}
${report.pairs.uncoveredPairs.length ? `<details><summary>${report.pairs.uncoveredPairs.length} uncovered pairs</summary><ul>${report.pairs.uncoveredPairs.map((p) => `<li>${escape(p)}</li>`).join('')}</ul></details>` : ''}
<table><tr><th>Kind</th><th>Entry</th><th>Scenarios</th><th>Scenarios and last status</th></tr>${rows}</table></body></html>
`;
}

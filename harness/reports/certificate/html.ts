// The certificate as one self-contained HTML page for management: verdict first, then gates (with their proving files), partners, evidence digest.

import type { Certificate } from './build.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const colour: Record<string, string> = { GO: '#1b7f3b', passed: '#1b7f3b', 'NO-GO': '#b3261e', failed: '#b3261e', INCOMPLETE: '#8a6d00', incomplete: '#8a6d00', INTERRUPTED: '#555', interrupted: '#555' };
const badge = (verdict: string) => `<strong data-testid="verdict" style="color:${colour[verdict] ?? '#333'}">${escape(verdict)}</strong>`;
const link = (href: string | undefined, text: string) => (href ? `<a href="${escape(href)}">${escape(text)}</a>` : '—');

export function renderCertificate(certificate: Certificate, relativeLink: (path: string) => string): string {
  const { metadata: m } = certificate;
  const gates = certificate.gates
    .map(
      (g) => `<tr><td>${escape(g.title)}<br><small>${escape(g.id)}</small></td><td>${badge(g.verdict)}</td><td><ul>${g.requires.map((r) => `<li>${escape(r)}</li>`).join('')}</ul></td>
<td><ul>${g.steps.map((s) => `<li>${escape(s.step)}: ${escape(s.status)} in ${(s.durationMs / 1000).toFixed(1)} s</li>`).join('')}</ul>
${g.results.total ? `<p>${g.results.total} scenarios: ${escape(Object.entries(g.results.byStatus).map(([k, v]) => `${v} ${k}`).join(', '))}${g.results.flaky ? `, ${g.results.flaky} flaky` : ''}</p>` : ''}
${g.reasons.length ? `<ul class="reasons">${g.reasons.map((r) => `<li>${escape(r)}</li>`).join('')}</ul>` : ''}
${g.evidence.length ? `<details><summary>${g.evidence.length} proving file(s)</summary><ul class="proof">${g.evidence.map((e) => `<li>${link(e.file, e.file)} <code>${e.sha256}</code></li>`).join('')}</ul></details>` : ''}</td></tr>`,
    )
    .join('\n');
  const partners = certificate.partners
    .map((p) => `<tr><td>${escape(p.name)}</td><td>${badge(p.verdict)}</td><td>${escape(p.why)}</td><td>${link(p.report && relativeLink(p.report), 'report')}</td></tr>`)
    .join('\n');
  const e = certificate.evidence;
  const unattributed = certificate.unattributed.map((u) => `<tr><td>${escape(u.phase ?? '—')}</td><td>${escape(u.name)}</td><td>${escape(u.status)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Migration certificate ${escape(m.runId)}: ${escape(certificate.verdict)}</title>
<style>body{font-family:sans-serif;margin:2rem;max-width:75rem}table{border-collapse:collapse;width:100%;margin-bottom:2rem}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}.proof{font-size:.8rem}.reasons{color:#b3261e}code{font-size:.75rem}</style></head>
<body>
<h1>V9 → V10 migration certificate: ${badge(certificate.verdict)}</h1>
<p data-testid="why">${escape(certificate.why)}</p>
<table><tr><th>Run</th><td>${escape(m.runId)}</td><th>Environment</th><td>${escape(m.environment)}</td></tr>
<tr><th>Plan</th><td>${escape(m.plan.name)}</td><th>Platform</th><td>${escape(m.platform.startVersion)} → ${escape(m.platform.finalVersion)}, ${m.platform.instances} instances</td></tr>
<tr><th>Started</th><td>${escape(m.startedAt)}</td><th>Ended</th><td>${escape(m.endedAt)}</td></tr>
<tr><th>Commit</th><td><code>${escape(m.commit)}</code></td><th>Executor</th><td>${escape(m.executor)}, harness ${escape(m.harnessVersion)}, Node ${escape(m.node)}</td></tr>
<tr><th>Overall report</th><td colspan="3">${link(certificate.reports.overall && relativeLink(certificate.reports.overall), 'Allure report')}</td></tr></table>
<h2>Catalog coverage</h2><p data-testid="coverage">${escape(certificate.coverage.summary)} — ${link(relativeLink(certificate.coverage.report), 'coverage matrix')}</p>
${certificate.coverage.unexercised.length ? `<ul class="reasons">${certificate.coverage.unexercised.map((e) => `<li>exercised by no scenario: ${escape(e)}</li>`).join('')}</ul>` : ''}
<h2>Gates</h2><table><tr><th>Phase</th><th>Verdict</th><th>Requires</th><th>Evidence</th></tr>${gates}</table>
<h2>Partners</h2><table><tr><th>Partner</th><th>Verdict</th><th>Why</th><th>Report</th></tr>${partners}</table>
${certificate.notes.length ? `<h2>Notes</h2><ul>${certificate.notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : ''}
<h2>Results attributed to no partner</h2><p data-testid="unattributed">${certificate.unattributed.length} result(s) name no partner: platform-wide checks, or scenarios that name none; they count in their gate, not in a partner's verdict.</p>
${unattributed ? `<table><tr><th>Phase</th><th>Result</th><th>Status</th></tr>${unattributed}</table>` : ''}
<h2>Evidence</h2><p data-testid="evidence">${e.files} files, ${e.bytes} bytes, each with its SHA-256 in ${link(e.manifest, e.manifest)} (check with <code>sha256sum -c ${escape(e.manifest)}</code>); the manifest's SHA-256: <code data-testid="digest">${e.sha256}</code></p>
</body></html>
`;
}

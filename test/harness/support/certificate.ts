// A hand-made certificate for the tests that read one (detection, mutation): only its verdict and its gates vary.

import type { Certificate } from '../../../harness/reports/certificate/build.ts';

export interface GateFixture {
  id: string;
  title?: string;
  verdict: 'passed' | 'failed' | 'incomplete';
  reasons: string[];
  finding?: string;
  endedAt?: string;
}

export function certificateFixture(verdict: Certificate['verdict'], exitCode: number, gates: GateFixture[], why = ''): Certificate {
  return {
    verdict,
    why,
    exitCode,
    metadata: { startedAt: '2026-11-26T09:30:00.000Z' } as Certificate['metadata'],
    gates: gates.map((g) => ({ id: g.id, title: g.title ?? '', startedAt: '', endedAt: g.endedAt ?? '', steps: [], results: { total: 1, byStatus: {}, flaky: 0, problems: [], byPartner: {} }, verdict: g.verdict, finding: g.finding, requires: [], reasons: g.reasons, evidence: [] })) as unknown as Certificate['gates'],
    partners: [],
    reports: { overall: undefined, partners: {} },
    coverage: { summary: '', unexercised: [], report: '' },
    notes: [],
    evidence: { manifest: 'manifest.sha256', files: 0, bytes: 0, sha256: '' },
    unattributed: [],
  } as Certificate;
}

// The detection table: a fault counts as detected only when a gate failed and the message names what broke.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Certificate } from '../../harness/certificate/build.ts';
import { detectionRow, loadFaultCases, renderTable } from '../../harness/detection/table.ts';

const faultCase = { id: 'instance-not-restarted', description: 'one instance does not restart', fault: 'deploy:instance-not-restarted:i02', names: ['i02'], quick: true };

function certificate(verdict: Certificate['verdict'], reasons: string[]): Certificate {
  return {
    verdict,
    why: '',
    metadata: { startedAt: '2026-11-26T09:30:00.000Z' } as Certificate['metadata'],
    gates: [{ id: 'smoke', title: 'Smoke', startedAt: '', endedAt: '2026-11-26T09:30:42.000Z', steps: [], results: { total: 1, byStatus: {}, flaky: 0, problems: [] }, verdict: reasons.length ? 'failed' : 'passed', requires: [], reasons }],
    partners: [],
    reports: { overall: undefined, partners: {} },
    coverage: { summary: '', unexercised: [], report: '' },
    notes: [],
    evidence: [],
  };
}

describe('the detection table', () => {
  it('counts a fault as detected and named when a gate failed naming the instance', () => {
    const row = detectionRow(faultCase, certificate('NO-GO', ['failed: Chaque instance répond: i02 at http://127.0.0.1:1 does not answer']));
    assert.deepEqual([row.detected, row.namesWhatBroke, row.secondsToDetection], [true, true, 42]);
  });

  it('does not count a green certificate as a detection', () => {
    const row = detectionRow(faultCase, certificate('GO', []));
    assert.equal(row.detected, false);
    assert.match(renderTable([row], undefined), /\| \*\*NO\*\* \|/);
  });

  it('says when the failure does not name what broke', () => {
    assert.equal(detectionRow(faultCase, certificate('NO-GO', ['failed: an instance does not answer'])).namesWhatBroke, false);
  });

  it('lists every fault of issue 9 that the stand-in platform can switch on, with what its message must name', () => {
    const cases = loadFaultCases();
    assert.ok(cases.length >= 9);
    assert.ok(cases.every((c) => c.names.length > 0));
    assert.ok(cases.some((c) => c.quick));
  });
});

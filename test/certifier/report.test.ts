// The certificate section: a verdict, durations against the 45-minute window, findings escaped in the HTML.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificateSection, migrationWindowMs, timeline } from '../../drivers/certifier/index.ts';
import type { MigrationCertificate } from '../../drivers/certifier/index.ts';

const certificate = (findings: MigrationCertificate['findings']): MigrationCertificate => ({
  kind: 'migration', verdict: findings.length > 0 ? 'differences' : 'certified',
  v9: { version: 'v9', urls: {}, schema: 'kw_v9_backup' }, v10: { version: 'v10', urls: {}, schema: null },
  entities: [], coverage: [], additions: [], findings, totals: { rows: { v9: 0, v10: 0 }, differingRows: findings.length, findings: findings.length }, durationMs: 1234,
});

describe('the data-certification section of the certificate', () => {
  it('measures the phases against the 45-minute window', () => {
    const t = timeline([{ name: 'migration', durationMs: 20 * 60_000 }, { name: 'certification', durationMs: 7 * 60_000 }]);
    assert.equal(t.windowMs, migrationWindowMs);
    assert.deepEqual([t.totalMs, t.usedPercent, t.withinWindow], [27 * 60_000, 60, true]);
    assert.equal(timeline([{ name: 'migration', durationMs: migrationWindowMs + 1 }]).withinWindow, false);
  });

  it('fails the verdict when the window is exceeded, even with no data difference', () => {
    const section = certificateSection({ migration: certificate([]), timeline: timeline([{ name: 'migration', durationMs: migrationWindowMs + 1 }]) });
    assert.equal(section.verdict, 'differences');
    assert.match(section.html, /fenêtre de 45 minutes : dépassée/);
  });

  it('lists each finding with both keys, the field and both values, escaped', () => {
    const section = certificateSection({ migration: certificate([{
      entity: 'events', kind: 'field', via: 'checksums', field: 'payload',
      v9Key: { camera_serial: 'VIGIE-0000001', camera_event_id: '0000002a' }, v10Key: { device_serial: 'VIGIE-0000001', device_event_id: '0000002a' },
      expected: '{"zone": "<script>"}', actual: '{}',
    }]) });
    assert.equal(section.verdict, 'differences');
    assert.match(section.html, /camera_serial=VIGIE-0000001, camera_event_id=0000002a/);
    assert.match(section.html, /device_serial=VIGIE-0000001/);
    assert.match(section.html, /&#60;script&#62;/);
    assert.doesNotMatch(section.html, /<script>/);
    assert.equal(section.json.migration?.findings[0]?.field, 'payload');
  });
});

// The cut-over cohort end to end: GO when V10 takes what devices did during the maintenance window once, in order, at
// its time; NO-GO naming the device and the event when the window's events are lost or its alarm reaches the centre twice.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import type { CutoverRecord } from '../../environments/index.ts';
import { runCli, type CliRun } from './cli.ts';

const plan = join(import.meta.dirname, 'plans', 'cutover.yaml');

async function certify(faults: string[]): Promise<{ run: CliRun; certificate: Certificate | undefined; cohort: CutoverRecord | undefined; reasons: string }> {
  const run = await runCli(['certify', '--no-html', '--plan', plan, ...faults.flatMap((f) => ['--fault', f])], { timeoutMs: 240_000, prefix: 'cutover-e2e-' });
  const runDir = join(run.reportsDir, readdirSync(run.reportsDir)[0] ?? '');
  const read = <T>(file: string): T | undefined => {
    try {
      return JSON.parse(readFileSync(join(runDir, file), 'utf8')) as T;
    } catch {
      return undefined;
    }
  };
  const certificate = read<Certificate>('certificate.json');
  return { run, certificate, cohort: read<CutoverRecord>('cutover.json'), reasons: certificate?.gates.flatMap((g) => g.reasons).join('\n') ?? '' };
}

const explain = (run: CliRun): string => `exit ${run.code} after ${run.seconds.toFixed(1)} s:\n${run.output.slice(-4000)}`;

describe('the cut-over cohort, end to end', () => {
  it('is GO on the stand-in platform: a customer of each partner, their cameras\' events and alarm across the window', async () => {
    const { run, certificate, cohort } = await certify([]);
    // A plan this small leaves most of the catalog unexercised: the certificate says INCOMPLETE for coverage alone.
    assert.equal(run.code, 4, explain(run));
    assert.match(certificate?.why ?? '', /catalog entries exercised by no scenario/, explain(run));
    assert.deepEqual(certificate?.gates.map((g) => [g.id, g.verdict]), [['migration', 'passed']], explain(run));
    assert.deepEqual(certificate?.partners.map((p) => p.verdict), ['GO', 'GO', 'GO', 'GO', 'GO', 'GO'], explain(run));
    assert.deepEqual(cohort?.customers.map((c) => [c.brand, c.offer, c.monitoring, c.devices.map((d) => [d.onlineBefore, d.online])]), [
      ['Veilis', 'vigilance-2015', true, [[true, true], [true, false], [false, true]]],
      ['Assur Plus Protect', 'habitat-assur-2013', true, [[true, true], [true, false], [false, true]]],
      ['Hexaline Maison', 'essentiel-2019', false, [[true, true], [true, false], [false, true]]],
      ['Sécurimax Connect', 'vigilance-2015', true, [[true, true], [true, false], [false, true]]],
      ['Maisonéo Cam', 'intelligence-2019', false, [[true, true], [true, false], [false, true]]],
      ['Présence Veilleurs', 'senior-connect-2021', false, [[true, true], [true, false], [false, true]]],
    ]);
    for (const customer of cohort?.customers ?? []) assert.deepEqual(customer.events.map((e) => [e.type, e.alarm]), [['motion', false], ['tamper', true], ['motion', false]]);
    assert.ok(cohort?.customers.every((c) => !('password' in c.account)), 'the public record holds no password');
  });

  it('is NO-GO naming the camera and each event when V10 subscribes clean and loses the window\'s events', async () => {
    const { run, cohort, reasons } = await certify(['cutover-events-lost']);
    assert.equal(run.code, 1, explain(run));
    const last = cohort?.customers[0]?.events.at(-1);
    assert.ok(last, explain(run));
    assert.match(reasons, new RegExp(`never showed event ${last.eventId} \\(motion\\) that ${last.serial} sent during the window`), reasons);
    // Every customer's check counts the same deadline from the lifting of the maintenance: a loss costs one deadline.
    assert.match(reasons, /\(within 20 s of the maintenance being lifted at \d{4}-\d\d-\d\dT[\d:.]+Z\)/, reasons);
  });

  it('is NO-GO naming the alarm and its camera when V10 forwards the window\'s alarm once per instance', async () => {
    const { run, cohort, reasons } = await certify(['cutover-alarm-duplicated']);
    assert.equal(run.code, 1, explain(run));
    const alarm = cohort?.customers[0]?.events.find((e) => e.alarm);
    assert.ok(alarm, explain(run));
    assert.match(reasons, new RegExp(`expected exactly one \\[Veilis\\] the tamper alarm ${alarm.eventId} that ${alarm.serial} raised during the maintenance window; 2 were delivered`), reasons);
  });
});

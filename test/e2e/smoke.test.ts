// The smoke pass catches what breaks a migration day, naming it: a camera generation refused, a partner's alarms dropped, the back office stuck in maintenance, lost and shifted data; and on production it uses only the designated test accounts and devices.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { connectAsync } from 'mqtt';
import { PlatformApi } from '../../drivers/index.ts';
import { startEnvironment } from '../../environments/index.ts';
import type { Certificate } from '../../harness/reports/certificate/build.ts';
import { runCli, runOutcome, type CliRun } from './cli.ts';

const smokeTags = '@smoke-back-office or @smoke-appareils or @smoke-alarme or @smoke-donnees';

type Finished = CliRun;

async function harness(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 120_000): Promise<Finished> {
  return runCli(args, { env, timeoutMs, prefix: 'smoke-e2e-' });
}

const explain = (run: Finished): string => `exit ${run.code} after ${run.seconds.toFixed(1)} s:\n${run.output.slice(-4000)}`;

describe('the smoke pass, end to end', () => {
  it('goes red naming the camera generation the platform refuses and the partner whose alarms it drops, the rest green', async () => {
    const run = await harness(['run', '--profile', 'smoke', '--tags', smokeTags, '--no-html', '--fault', 'http-push-keepalive-rejected', '--fault', 'monitoring-drops-partner:securimax']);
    const outcome = runOutcome(run);
    assert.equal(run.code, 1, explain(run));
    const problems = outcome?.summary.problems ?? [];
    assert.deepEqual(problems.map((p) => p.status), ['failed', 'failed'], explain(run));
    const camera = problems.find((p) => p.name.includes('HTTP push'));
    assert.match(camera?.message ?? '', /\[camera:Orion HD\] the platform refused the test camera .*keepalive/, explain(run));
    const alarm = problems.find((p) => p.name.includes('télésurveillée'));
    assert.match(alarm?.message ?? '', /Sécurimax Connect, partner Sécurimax Installation.*never reached the monitoring centre/, explain(run));
    assert.equal(outcome?.summary.byStatus['passed'], 6, explain(run));
  });

  it('after a faulty migration, names the offer whose events were lost, the event read one hour late and the back office stuck in maintenance', async () => {
    const plan = join(import.meta.dirname, 'plans', 'smoke-after-migration.yaml');
    const run = await harness(['certify', '--no-html', '--plan', plan,
      '--fault', 'migration:drop-events-of-offer:serenite-2011', '--fault', 'migration:shift-dst-hour', '--fault', 'backoffice-stuck-in-maintenance']);
    assert.equal(run.code, 1, explain(run));
    const runDir = join(run.reportsDir, readdirSync(run.reportsDir)[0] ?? '');
    const certificate = JSON.parse(readFileSync(join(runDir, 'certificate.json'), 'utf8')) as Certificate;
    assert.deepEqual(certificate.gates.map((g) => [g.id, g.verdict]), [['baseline', 'passed'], ['migration', 'passed'], ['smoke', 'failed']], explain(run));
    const reasons = certificate.gates.find((g) => g.id === 'smoke')?.reasons.join('\n') ?? '';
    assert.match(reasons, /\(Veilis, partner Veilis, offer Sérénité 2011 \(serenite-2011\)\) does not show the data recorded before: the motion event of \S+ at 27\/10\/2019 02:30:00 heure de Paris \(UTC\+02:00\) is missing/, reasons);
    assert.match(reasons, /\(Assur Plus Protect, partner Assur Plus, offer Essentiel 2019 \(essentiel-2019\)\) does not show the data recorded before: the motion event of \S+ at 27\/10\/2019 02:30:00 heure de Paris \(UTC\+02:00\) is missing \(the account has motion events of \S+ at 27\/10\/2019 02:30:00 heure de Paris \(UTC\+01:00\), 1 h later\)/, reasons);
    assert.match(reasons, /\[back-office\] the login page answered 503, expected 200: the back office is still in maintenance/, reasons);
  });

  it('on production, records the test accounts\' reference data, then connects and checks only the designated test accounts and devices, and names what the test accounts file lacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smoke-production-'));
    await using platform = await startEnvironment('local', { runId: `smoke-e2e-${Date.now()}`, version: 'v10', instances: 2, faults: [], logDir: join(dir, 'logs') }, {});
    const { descriptor } = platform;
    const first = descriptor.platform.instances[0]?.url ?? '';
    const suffix = Date.now().toString(36);
    const signup = async (whiteLabel: string, offer: string, accountType: string, paymentMethod: string) => {
      const email = `qa.${whiteLabel}.${offer}.${suffix}@qa.example`;
      const password = `Prod-${suffix}-${whiteLabel}`;
      const api = new PlatformApi(first);
      await api.signup({ email, password, name: 'QA', phone: `+3361${String(Date.now()).slice(-7)}`, whiteLabel, accountType, paymentMethod, offer });
      await api.login(email, password);
      return { email, password, whiteLabel, api };
    };
    // The history QA recorded before the migration: events a camera sent, kept at the times it gave.
    const withHistory = async (whiteLabel: string, offer: string, accountType: string, paymentMethod: string, serial: string) => {
      const account = await signup(whiteLabel, offer, accountType, paymentMethod);
      await account.api.claimDevice({ serial, model: 'vigie-2018' });
      const events = [{ eventId: 'H1', type: 'motion', at: '2019-10-27T02:30:00+02:00' }, { eventId: 'H2', type: 'sound', at: '2021-01-05T08:00:00+01:00' }];
      const client = await connectAsync(descriptor.mqttUrl, { clientId: serial, protocolVersion: 4, reconnectPeriod: 0 });
      for (const event of events) await client.publishAsync(`kw/cameras/${serial}/events`, JSON.stringify(event), { qos: 1 });
      await client.endAsync();
      return { email: account.email, password: account.password, whiteLabel };
    };
    const devices = await signup('veilis', 'essentiel-2019', 'individual', 'card');
    const monitored = await signup('securimax-connect', 'vigilance-2015', 'individual', 'card');
    const file = join(dir, 'test-accounts.json');
    const agent = { email: `support.${suffix}@qa.example`, password: `Support-${suffix}` };
    const staff = await fetch(`${first}/__ops/staff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...agent, name: 'Support QA' }) });
    assert.equal(staff.status, 201);
    writeFileSync(file, JSON.stringify({
      supportAgent: agent,
      accounts: [
        // No MQTT 5 camera is designated: that scenario must say so.
        { email: devices.email, password: devices.password, whiteLabel: 'veilis', devices: [{ serial: `QA-ORION-${suffix}`, model: 'orion-hd-2011' }, { serial: `QA-LYNX-${suffix}`, model: 'lynx-2014' }, { serial: `QA-VIGIE-${suffix}`, model: 'vigie-2018' }] },
        { email: monitored.email, password: monitored.password, whiteLabel: 'securimax-connect', devices: [{ serial: `QA-LYNXHD-${suffix}`, model: 'lynx-hd-2015' }] },
        // Their reference data is what record-reference reads from the platform, below.
        await withHistory('veilis', 'serenite-2011', 'individual', 'card', `QA-REF1-${suffix}`),
        await withHistory('assur-plus-protect', 'essentiel-2019', 'individual', 'card', `QA-REF2-${suffix}`),
      ],
    }));
    const { platform: { instances }, databases } = descriptor;
    const variables = {
      PRODUCTION_INSTANCES: instances.map((i) => `${i.id}=${i.url}`).join(','), PRODUCTION_INSTANCE_COUNT: String(instances.length),
      PRODUCTION_MQTT_URL: descriptor.mqttUrl, PRODUCTION_ACCOUNTS_DB_URL: databases.accounts, PRODUCTION_EVENTS_DB_URL: databases.events,
      PRODUCTION_MEDIA_DB_URL: databases.media, PRODUCTION_TEST_ACCOUNTS_FILE: file,
    };
    // Recorded before the migration in real life; here on the same platform, which the smoke pass then checks against it.
    const before = readFileSync(file, 'utf8');
    const recordedFile = join(dir, 'test-accounts.recorded.json');
    const record = await runCli(['record-reference', '--env', 'production', '--out', recordedFile], { env: variables, timeoutMs: 60_000, prefix: 'smoke-e2e-', reportsDirFlag: false });
    assert.equal(record.code, 0, explain(record));
    assert.match(record.output, /offer serenite-2011, 2 events \(1 in the hour Paris repeats in October\)/, explain(record));
    assert.equal(readFileSync(file, 'utf8'), before, 'the test accounts file itself is left as it was');
    const recorded = JSON.parse(readFileSync(recordedFile, 'utf8')) as { supportAgent: unknown; accounts: { devices?: unknown; reference?: { offer: string; events: { serial: string; type: string; at: string }[] } }[] };
    assert.deepEqual(recorded.supportAgent, agent);
    assert.equal(recorded.accounts[0]?.devices !== undefined, true);
    assert.deepEqual(recorded.accounts.map((a) => a.reference?.offer), [undefined, undefined, 'serenite-2011', 'essentiel-2019'], 'no reference for an account without history');
    assert.match(record.output, /offer vigilance-2015, no event and no recording: no reference written/, explain(record));
    assert.deepEqual(recorded.accounts[2]?.reference?.events, [
      { serial: `QA-REF1-${suffix}`, type: 'sound', at: '2021-01-05T08:00:00+01:00' },
      { serial: `QA-REF1-${suffix}`, type: 'motion', at: '2019-10-27T02:30:00+02:00' },
    ]);
    const again = await runCli(['record-reference', '--env', 'production', '--out', recordedFile], { env: variables, timeoutMs: 60_000, prefix: 'smoke-e2e-', reportsDirFlag: false });
    assert.equal(again.code, 2, explain(again));
    assert.match(again.output, /record-reference does not overwrite .*test-accounts\.recorded\.json: name a new file with --out/);
    const run = await harness(['run', '--env', 'production', '--profile', 'smoke', '--tags', smokeTags, '--no-html'], { ...variables, PRODUCTION_TEST_ACCOUNTS_FILE: recordedFile });
    const outcome = runOutcome(run);
    assert.equal(run.code, 2, explain(run));
    assert.deepEqual([outcome?.verdict, outcome?.exitCode], ['INCOMPLETE', 2], explain(run));
    assert.deepEqual(outcome?.summary.problems.map((p) => p.name), ['Une caméra MQTT 5 se connecte et la plateforme la voit en ligne'], explain(run));
    assert.match(outcome?.summary.problems[0]?.message ?? '', /PRODUCTION_TEST_ACCOUNTS_FILE designates no test camera of generation "MQTT 5": add to a test account "devices": \[\{"serial": "<its serial>", "model": "<one of vigie-4k-2022/);
    assert.equal(outcome?.summary.byStatus['passed'], 7, explain(run));
    // The designated devices were claimed by their own account and came online (the scenario disconnects MQTT ones after).
    const held = await devices.api.devices();
    assert.deepEqual(held.map((d) => d.serial).sort(), [`QA-LYNX-${suffix}`, `QA-ORION-${suffix}`, `QA-VIGIE-${suffix}`].sort());
    assert.ok(held.every((d) => d.lastSeenAt !== null), JSON.stringify(held));
    assert.deepEqual((await monitored.api.devices()).map((d) => d.serial), [`QA-LYNXHD-${suffix}`]);
    const reports = readFileSync(join(outcome?.reportDir ?? '', 'summary.json'), 'utf8');
    assert.ok(!reports.includes(agent.password) && !reports.includes(devices.password), 'no password in the results');
  });
});

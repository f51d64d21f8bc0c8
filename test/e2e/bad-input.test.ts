// Every bad input is refused before anything starts (exit 2 within 10 s, one line naming what to fix), and an unreachable pre-production is a broken environment (exit 3 within 15 s): one row each, printed as a table. An unreachable database or broker of a local run is a broken environment too, within 10 s.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { defaultCatalogDir } from '../../catalog/index.ts';
import { runCli, runOutcome, type CliRun } from './cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'bad-input-'));
const table: string[] = [];
let files = 0;

function file(name: string, content: string): string {
  const path = join(scratch, `${++files}-${name}`);
  writeFileSync(path, content);
  return path;
}

const plan = (steps: string) => file('plan.yaml', `name: bad input\nplatform: {version: v10, instances: 1}\nphases:\n  - id: smoke\n    title: Smoke\n    steps: ${steps}\n    gate: {scenarios: all-passed}\n`);
const account = { email: 'qa@veilis.example', password: 'secret-pw', whiteLabel: 'veilis' };

/**
 * A port nothing listens on. Not a port freed after the OS chose it: another test file running meanwhile may be
 * given it for one of its servers. Below 1024, the OS never hands it out for port 0; not 1, which fetch refuses
 * to call at all ("bad port", the Fetch standard's list).
 */
const closedPort = 2;

/** A remote environment whose every address is a port nothing listens on (46 instances, as in pre-production). */
function remote(name: 'PREPROD' | 'PRODUCTION', accounts: unknown = [account]): Record<string, string> {
  const instances = Array.from({ length: 46 }, (_, i) => `i${String(i + 1).padStart(2, '0')}=http://127.0.0.1:${closedPort}`);
  return {
    [`${name}_INSTANCES`]: instances.join(','), [`${name}_INSTANCE_COUNT`]: '46', [`${name}_MQTT_URL`]: `mqtt://127.0.0.1:${closedPort}`,
    [`${name}_ACCOUNTS_DB_URL`]: `postgres://ro:s3cret@127.0.0.1:${closedPort}/accounts`, [`${name}_EVENTS_DB_URL`]: `postgres://ro:s3cret@127.0.0.1:${closedPort}/events`,
    [`${name}_MEDIA_DB_URL`]: `postgres://ro:s3cret@127.0.0.1:${closedPort}/media`, [`${name}_TEST_ACCOUNTS_FILE`]: file('accounts.json', JSON.stringify(accounts)),
  };
}

/** A copy of the catalog with one offer naming a module that does not exist. */
function brokenCatalog(): string {
  const dir = join(scratch, 'catalog');
  cpSync(defaultCatalogDir, dir, { recursive: true });
  const offers = readFileSync(join(dir, 'offers.yaml'), 'utf8');
  assert.ok(offers.includes('modules: [recordings, sms]\n'), 'test setup: the first offer\'s modules changed');
  writeFileSync(join(dir, 'offers.yaml'), offers.replace('modules: [recordings, sms]\n', 'modules: [recordings, sms2]\n'));
  return dir;
}

interface Row {
  input: string;
  args: string[];
  env?: Record<string, string>;
  code: number;
  withinSeconds: number;
  message: RegExp;
}

/**
 * Runs the CLI with its own TMPDIR: the harness writes `$TMPDIR/kw-harness/` (run registry, private folder, embedded
 * PostgreSQL) and prints its run line as soon as it starts an environment, so either one means it started.
 */
async function attempt(row: Pick<Row, 'args' | 'env'>): Promise<CliRun & { started: string | undefined }> {
  const temp = mkdtempSync(join(scratch, 'tmp-'));
  const run = await runCli(row.args, { env: { TMPDIR: temp, ...row.env }, timeoutMs: 60_000, prefix: 'bad-input-reports-' });
  const left = readdirSync(temp);
  const reports = readdirSync(run.reportsDir);
  const line = /\[harness\] (run \S+: starting|certification \S+:)[^\n]*/.exec(run.output)?.[0];
  const started = line ?? (left.includes('kw-harness') ? `it wrote ${temp}/kw-harness` : reports.length > 0 ? `it wrote ${reports.join(', ')} in the reports folder` : undefined);
  rmSync(run.reportsDir, { recursive: true, force: true });
  return { ...run, started };
}

const rows: Row[] = [
  { input: '--tags syntax error', args: ['run', '--tags', '@smoke and ('], code: 2, withinSeconds: 10, message: /^\[configuration\] --tags: Tag expression "@smoke and \(" could not be parsed because of syntax error: Unmatched \(/ },
  { input: '--tags selecting no scenario', args: ['run', '--tags', '@aucun-scenario'], code: 2, withinSeconds: 10, message: /^\[configuration\] --tags "@aucun-scenario" selects no scenario of features\/\*\*\/\*\.feature with the default profile/ },
  { input: 'unknown profile', args: ['run', '--profile', 'nightly'], code: 2, withinSeconds: 10, message: /^\[configuration\] unknown profile "nightly"; valid profiles: default, smoke, foundation$/ },
  { input: 'unknown environment', args: ['run', '--env', 'staging'], code: 2, withinSeconds: 10, message: /^\[configuration\] unknown environment "staging"; valid environments: local, services, containers, preprod, production$/ },
  { input: 'clock shift not a whole number of days', args: ['run', '--profile', 'foundation'], env: { KW_CLOCK_SHIFT_DAYS: 'next year' }, code: 2, withinSeconds: 10, message: /^\[configuration\] KW_CLOCK_SHIFT_DAYS must be a whole number of days between -3650 and 3650 \(e\.g\. 365 for a year ahead\), got "next year"$/ },
  { input: 'unknown --fault', args: ['run', '--fault', 'sms-silnt'], code: 2, withinSeconds: 10, message: /^\[configuration\] --fault "sms-silnt" is no known fault; did you mean sms-silent\?/ },
  { input: '--fault argument unknown to the catalog', args: ['certify', '--fault', 'migration:drop-events-of-offer:gold-2030'], code: 2, withinSeconds: 10, message: /^\[configuration\] --fault "migration:drop-events-of-offer:gold-2030": "gold-2030" is no offer; known: serenite-2011/ },
  { input: 'Gherkin syntax error', args: ['run'], env: { HARNESS_FEATURES: 'test/e2e/fixtures/gherkin-error/*.feature' }, code: 2, withinSeconds: 10, message: /^\[configuration\] test\/e2e\/fixtures\/gherkin-error\/erreur-de-syntaxe\.feature:8: Gherkin syntax error: unexpected 'Scénario sans deux-points'/ },
  { input: 'undefined step', args: ['run'], env: { HARNESS_FEATURES: 'test/e2e/fixtures/undefined-step/*.feature' }, code: 2, withinSeconds: 10, message: /^\[configuration\] test\/e2e\/fixtures\/undefined-step\/etape-inconnue\.feature:8: the step "le client reçoit une carte postale de la plateforme" has no definition/ },
  { input: 'catalog error', args: ['certify', '--dry-run'], env: { HARNESS_CATALOG_DIR: brokenCatalog() }, code: 2, withinSeconds: 10, message: /^\[configuration\] the catalog has 1 error; fix the YAML and run again: \S*offers\.yaml:\d+: .*sms2/ },
  { input: 'plan: unknown key in a step', args: ['certify', '--plan', plan('[{run: "@smoke", tgas: "@x"}]')], code: 2, withinSeconds: 10, message: /^\[configuration\] \S*plan\.yaml: phases\[0\]\.steps\[0\]\.tgas must be one of the keys known there, run/ },
  { input: 'plan: tag expression of a step', args: ['certify', '--dry-run', '--plan', plan('[{run: "@smoke and or @v9"}]')], code: 2, withinSeconds: 10, message: /^\[configuration\] \S*plan\.yaml phases\[0\]\.steps\[0\]\.run: Tag expression "@smoke and or @v9" could not be parsed/ },
  { input: 'test accounts file: unknown key', args: ['certify', '--env', 'preprod', '--dry-run'], env: remote('PREPROD', { accounts: [{ ...account, devics: [] }] }), code: 2, withinSeconds: 10, message: /^\[configuration\] environment "preprod" is not configured: PREPROD_TEST_ACCOUNTS_FILE \S+: accounts\[0\] has an unknown key "devics"/ },
  { input: 'test accounts file: unknown white label', args: ['run', '--env', 'preprod', '--profile', 'smoke'], env: remote('PREPROD', [{ ...account, whiteLabel: 'veilys' }]), code: 2, withinSeconds: 10, message: /^\[configuration\] environment "preprod" is not configured: PREPROD_TEST_ACCOUNTS_FILE \S+: accounts\[0\]\.whiteLabel "veilys" is no catalog white label id/ },
  { input: 'production with a fault (--dry-run)', args: ['certify', '--env', 'production', '--dry-run', '--fault', 'sms-silent'], env: remote('PRODUCTION'), code: 2, withinSeconds: 10, message: /^\[configuration\] --fault sms-silent: production refuses fault switches/ },
  { input: 'production with a write action (--dry-run)', args: ['certify', '--env', 'production', '--dry-run', '--plan', plan('[migrate, {run: "@smoke"}]')], env: remote('PRODUCTION'), code: 2, withinSeconds: 10, message: /^\[configuration\] \S*plan\.yaml: phases\[0\]\.steps\[0\] "migrate" changes the platform, which production does not let the harness do/ },
  { input: 'production with a non-smoke selection (--dry-run)', args: ['certify', '--env', 'production', '--dry-run', '--plan', plan('[{run: "not @wip"}]')], env: remote('PRODUCTION'), code: 2, withinSeconds: 10, message: /^\[configuration\] production runs only @smoke: \d+ selected scenario\(s\) are not \(select them out, or tag them @smoke if safe there\): features\/\S+\.feature:\d+ / },
  { input: 'pre-production with nothing listening', args: ['certify', '--env', 'preprod'], env: remote('PREPROD'), code: 3, withinSeconds: 15, message: /^\[environment\] preprod is not reachable: 50 of 50 checks failed in \d+\.\d s; no scenario was run[^\n]*\n {2}50 × unreachable \(ECONNREFUSED\): instance i01 http:\/\/127\.0\.0\.1:\d+, instance i02 .*, \+\d+ more$/ },
];

describe('bad input, refused before anything starts', async () => {
  after(() => {
    console.log(['', '| bad input | exit | seconds | message |', '| --- | --- | --- | --- |', ...table, ''].join('\n'));
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const row of rows) {
    it(`${row.input}: exit ${row.code} within ${row.withinSeconds} s, naming it, no environment started`, async () => {
      const run = await attempt(row);
      const message = run.output.trim().replace(/^\[harness\] preflight passed[^\n]*\n/, '');
      table.push(`| ${row.input} | ${run.code} | ${run.seconds.toFixed(1)} | ${message.replace(/\n\s*/g, ' ⏎ ').replace(/\|/g, '\\|')} |`);
      const explain = `exit ${run.code} after ${run.seconds.toFixed(1)} s:\n${run.output.slice(0, 3000)}`;
      assert.equal(run.started, undefined, `the harness started an environment: ${run.started}\n${explain}`);
      assert.equal(run.code, row.code, explain);
      assert.match(message, row.message, explain);
      assert.ok(run.seconds < row.withinSeconds, explain);
      for (const line of run.output.split('\n')) assert.ok(line.length <= 200, `a line of ${line.length} characters: ${line.slice(0, 120)}…`);
      assert.doesNotMatch(run.output, /s3cret|\n\s+at /, 'no password and no stack trace');
      // Bad input: one line; an unreachable environment: a title and one line per distinct reason.
      assert.equal(message.split('\n').length, row.code === 2 ? 1 : 2, message);
    });
  }

  it('sees it when the harness does start an environment (the check above can fail)', async () => {
    const run = await attempt({ args: ['run', '--env', 'services', '--profile', 'foundation'], env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/postgres`, MQTT_URL: `mqtt://127.0.0.1:${closedPort}` } });
    assert.match(run.started ?? '', /run \S+: starting the services environment/, run.output);
    assert.equal(run.code, 3, run.output);
  });
});

describe('an unreachable service of the local run, reported as a broken environment', () => {
  it('names the database by its URL without its password, within 10 seconds', async () => {
    const run = await runCli(['run', '--profile', 'foundation', '--no-html'], { env: { DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${closedPort}/postgres` }, timeoutMs: 60_000, prefix: 'bad-input-reports-' });
    const explain = `exit ${run.code} after ${run.seconds.toFixed(1)} s:\n${run.output.slice(-3000)}`;
    assert.equal(run.code, 3, explain);
    assert.deepEqual([runOutcome(run)?.verdict, runOutcome(run)?.exitCode], ['INCOMPLETE', 3], explain);
    assert.match(run.output, new RegExp(`PostgreSQL at postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${closedPort}/postgres is unreachable`), explain);
    assert.ok(!run.output.includes('secret'), 'the password must not be printed');
    assert.ok(run.seconds < 10, explain);
    rmSync(run.reportsDir, { recursive: true, force: true });
  });

  it('names the MQTT broker by its URL, within 10 seconds', async () => {
    const run = await runCli(['run', '--profile', 'foundation', '--no-html'], { env: { MQTT_URL: `mqtt://127.0.0.1:${closedPort}` }, timeoutMs: 60_000, prefix: 'bad-input-reports-' });
    const explain = `exit ${run.code} after ${run.seconds.toFixed(1)} s:\n${run.output.slice(-3000)}`;
    assert.equal(run.code, 3, explain);
    assert.deepEqual([runOutcome(run)?.verdict, runOutcome(run)?.exitCode], ['INCOMPLETE', 3], explain);
    assert.match(run.output, new RegExp(`MQTT broker at mqtt://127\\.0\\.0\\.1:${closedPort} is unreachable`), explain);
    assert.ok(run.seconds < 10, explain);
    rmSync(run.reportsDir, { recursive: true, force: true });
  });
});

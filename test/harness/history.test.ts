// Allure history across runs: the second report shows a trend of two builds, each partner keeps its own, and a corrupt store only restarts it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../catalog/index.ts';
import { generateHtmlReport, writeRunMetadata } from '../../harness/reports/allure.ts';
import { parseRunArgs } from '../../harness/args.ts';
import { parseCertifyArgs } from '../../harness/certify-args.ts';
import { findLeaks, splitResultsByPartner } from '../../harness/reports/certificate/partners.ts';
import { writeHtmlReports } from '../../harness/reports/finish.ts';
import { embeddedHistory, historyRoot, historyStore, keepHistory, seedHistory } from '../../harness/reports/history.ts';
import { mergeShards } from '../../harness/merge.ts';

const java = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
const noJava = java ? false : 'Java is not installed (apt-get install -y default-jre-headless): no HTML report to read a trend from';

type Trend = { buildOrder?: number; data: Record<string, number> }[];
const json = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const embeddedTrend = (report: string): Trend => JSON.parse(embeddedHistory(report)['history-trend.json'] ?? '[]') as Trend;

describe('report history across runs', () => {
  it('numbers the build after the kept trend and feeds the store to Allure', () => {
    const store = mkdtempSync(join(tmpdir(), 'history-store-'));
    const results = mkdtempSync(join(tmpdir(), 'history-results-'));
    writeFileSync(join(store, 'history-trend.json'), JSON.stringify([{ buildOrder: 5, data: { passed: 1 } }, { buildOrder: 4, data: { passed: 1 } }]));
    writeFileSync(join(store, 'history.json'), JSON.stringify({ 'abc.def': { statistic: { passed: 2 }, items: [] } }));
    writeRunMetadata(results, { target: 'local' }, { name: 'local', buildName: 'run-6' });
    assert.deepEqual(seedHistory(results, { store, build: 'run-6' }), []);
    assert.deepEqual(json(join(results, 'history', 'history.json')), { 'abc.def': { statistic: { passed: 2 }, items: [] } });
    const executor = json<Record<string, unknown>>(join(results, 'executor.json'));
    assert.equal(executor['buildOrder'], 6);
    assert.equal(executor['reportName'], 'run-6');
    assert.equal(executor['name'], 'local');
  });

  it('leaves out an unreadable history file, keeps it aside and says in one line that the trend restarts', () => {
    const store = mkdtempSync(join(tmpdir(), 'history-store-'));
    const results = mkdtempSync(join(tmpdir(), 'history-results-'));
    writeFileSync(join(store, 'history-trend.json'), '[{"data": {"passed": 1}');
    writeFileSync(join(store, 'duration-trend.json'), JSON.stringify([{ data: { duration: 10 } }]));
    const notes = seedHistory(results, { store, build: 'r2' });
    assert.equal(notes.length, 1);
    assert.match(notes[0] ?? '', /^history: \S+history-trend\.json cannot be read \(.+\); the trend of this report restarts from this run/);
    assert.doesNotMatch(notes[0] ?? '', /\n|\[environment\]|\[report\]/, 'one line, and no tag that would change the verdict');
    assert.equal(readFileSync(join(store, 'history-trend.json.unreadable'), 'utf8'), '[{"data": {"passed": 1}');
    assert.ok(!existsSync(join(results, 'history', 'history-trend.json')));
    assert.ok(existsSync(join(results, 'history', 'duration-trend.json')));
    assert.equal(json<Record<string, unknown>>(join(results, 'executor.json'))['buildOrder'], 1);
  });

  it('keeps the history a single-file report embeds, and says so when it embeds none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-keep-'));
    const store = join(dir, 'store');
    const trend = JSON.stringify([{ buildOrder: 1, data: { passed: 2 } }]);
    writeFileSync(join(dir, 'index.html'), `<script>d('data/suites.json','e30='),\nd('history/history-trend.json','${Buffer.from(trend).toString('base64')}'),</script>`);
    assert.equal(keepHistory(join(dir, 'index.html'), { store, build: 'r1' }), undefined);
    assert.equal(readFileSync(join(store, 'history-trend.json'), 'utf8'), trend);
    writeFileSync(join(dir, 'empty.html'), '<html></html>');
    assert.match(keepHistory(join(dir, 'empty.html'), { store, build: 'r1' }) ?? '', /embeds no history\/ files/);
  });

  it('keeps the stores under the reports folder unless told otherwise', () => {
    assert.equal(historyRoot('/tmp/r', undefined), '/tmp/r/history');
    assert.equal(historyRoot('/tmp/r', '/var/h'), '/var/h');
    assert.equal(historyRoot('/tmp/r', false), undefined);
    assert.equal(historyStore('/h', 'local', 'certify-local', 'partner-a'), '/h/local/certify-local/partner-a');
    assert.deepEqual(parseRunArgs(['--history-dir', '/var/h']).historyDir, '/var/h');
    assert.equal(parseRunArgs(['--no-history']).historyDir, false);
    assert.equal(parseRunArgs([]).historyDir, undefined);
    assert.equal(parseCertifyArgs(['--no-history']).historyDir, false);
    assert.throws(() => parseRunArgs(['--history-dir', 'x', '--no-history']), /--history-dir and --no-history contradict each other/);
  });

  it('leaves each shard\'s own history behind when merging', async () => {
    const shard = mkdtempSync(join(tmpdir(), 'shard-'));
    mkdirSync(join(shard, 'allure-results', 'history'), { recursive: true });
    writeFileSync(join(shard, 'allure-results', 'history', 'history-trend.json'), '[]');
    writeFileSync(join(shard, 'allure-results', '1-result.json'), JSON.stringify({ name: 'health', historyId: 'h1', status: 'passed', labels: [] }));
    const metadata = { runId: 'r1', environment: 'local', plan: { name: 'Quick', file: 'test/e2e/plans/quick.yaml' }, startedAt: '2026-11-26T09:00:00Z', endedAt: '', commit: '', harnessVersion: '', executor: '', node: '', platform: { startVersion: 'v9', finalVersion: 'v10', instances: 2 }, shard: { index: 1, total: 1 } };
    writeFileSync(join(shard, 'certificate.json'), JSON.stringify({ verdict: 'GO', why: '', metadata, gates: [], partners: [], reports: { partners: {} }, coverage: { summary: '', unexercised: [], report: '' }, notes: [], evidence: [] }));
    const { runDir } = await mergeShards([shard], mkdtempSync(join(tmpdir(), 'merged-')), false);
    assert.ok(existsSync(join(runDir, 'allure-results', '1-result.json')));
    assert.ok(!existsSync(join(runDir, 'allure-results', 'history')), 'a shard\'s trend must not become the merged report\'s');
  });

  it('shows a trend of two builds in the second report, and each partner\'s trend and history hold only its scenarios', { skip: noJava, timeout: 120_000 }, async () => {
    const catalog = loadCatalog();
    const [a, b] = catalog.partners;
    assert.ok(a && b);
    const brand = (partner: string) => catalog.whiteLabels.find((w) => w.partner === partner)?.brand ?? partner;
    const reportsDir = mkdtempSync(join(tmpdir(), 'history-reports-'));
    const history = historyStore(historyRoot(reportsDir, undefined) ?? '', 'local', 'certify-test');
    const run = async (runId: string, failing: string | undefined, reported: string[]) => {
      const runDir = join(reportsDir, runId);
      const resultsDir = join(runDir, 'allure-results');
      mkdirSync(resultsDir, { recursive: true });
      for (const partner of [a, b]) {
        for (const scenario of ['login', 'alarm']) {
          const id = `${partner.id}-${scenario}`;
          const name = `${scenario === 'login' ? 'Connexion' : 'Alarme'} ${brand(partner.id)} (${partner.name})`;
          const status = id === failing ? 'failed' : 'passed';
          writeFileSync(join(resultsDir, `${id}-result.json`), JSON.stringify({ uuid: `${runId}-${id}`, historyId: id, name, fullName: name, status, stage: 'finished', start: 1_000, stop: 2_000, labels: [{ name: 'partner', value: partner.id }], steps: [], attachments: [], parameters: [] }));
        }
      }
      writeRunMetadata(resultsDir, { target: 'local', run: runId }, { name: 'local', buildName: runId });
      const partners = splitResultsByPartner(resultsDir, join(runDir, 'partners'), catalog).filter((p) => reported.includes(p.partner));
      const notes: string[] = [];
      const reports = await writeHtmlReports({ runId, runDir, resultsDir, partners, history, notes });
      assert.deepEqual(notes, []);
      return { runDir, reports };
    };
    // Every Allure report costs a Java start: the second run reports one partner, enough to read its trend.
    await run('run-1', undefined, [a.id, b.id]);
    const second = await run('run-2', `${a.id}-alarm`, [a.id]);

    const overall = embeddedTrend(second.reports.overall ?? '');
    assert.deepEqual(overall.map((build) => [build.buildOrder, build.data['total'], build.data['failed']]), [[2, 4, 1], [1, 4, 0]]);
    assert.equal(json<Trend>(join(history, 'overall', 'history-trend.json')).length, 2, 'the store keeps this run for the next');

    const partnerReport = second.reports.partners[a.id] ?? '';
    assert.deepEqual(embeddedTrend(partnerReport).map((build) => [build.buildOrder, build.data['total'], build.data['failed']]), [[2, 2, 1], [1, 2, 0]], `the trend of ${a.id} counts only its 2 scenarios`);
    const keys = (partner: string) => Object.keys(json<object>(join(history, `partner-${partner}`, 'history.json')));
    assert.equal(keys(a.id).length, 2);
    assert.equal(keys(b.id).length, 2);
    assert.deepEqual(keys(a.id).filter((key) => keys(b.id).includes(key)), [], `the history of ${a.id} holds none of ${b.id}'s tests`);
    assert.deepEqual(findLeaks([join(history, `partner-${a.id}`), join(second.runDir, 'partners', a.id)], catalog, a.id), []);

    // A corrupt store: the report is still produced, one line names the file, and the trend restarts.
    writeFileSync(join(history, 'overall', 'history-trend.json'), '{ not json');
    const notes: string[] = [];
    const out = join(reportsDir, 'run-3', 'report');
    assert.equal(await generateHtmlReport(join(second.runDir, 'allure-results'), out, { history: { store: join(history, 'overall'), build: 'run-3' }, notes }), undefined);
    assert.equal(notes.length, 1);
    assert.ok(notes[0]?.includes(join(history, 'overall', 'history-trend.json')), notes[0]);
    assert.deepEqual(embeddedTrend(join(out, 'index.html')).map((build) => build.buildOrder), [1]);
  });
});

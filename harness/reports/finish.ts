// The end of a certification (a run, or merged shards): coverage, overall and per-partner reports, scans, evidence, certificate.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { basename, dirname, extname, join, relative } from 'node:path';
import { loadCatalog } from '../../catalog/index.ts';
import { generateHtmlReport, writeHarnessResult, writeRunMetadata } from './allure.ts';
import { buildCertificate, type Certificate } from './certificate/build.ts';
import { attributeResults } from './certificate/attribution.ts';
import { partnerLogo } from './certificate/branding.ts';
import { gateEvidence, writeManifest } from './certificate/evidence.ts';
import { renderCertificate } from './certificate/html.ts';
import { findLeaks, partnerReportTitle, splitResultsByPartner, type PartnerResults } from './certificate/partners.ts';
import { checkWrittenFiles, maskFolder } from './certificate/secrets.ts';
import { inTurns } from '../../lib/in-turns.ts';
import { maskSecrets } from '../../lib/mask.ts';
import { computeCoverage } from '../coverage/compute.ts';
import { renderCoverage } from '../coverage/html.ts';
import { historyRoot, historyStore } from './history.ts';
import type { PrintedOutcome } from './outcome.ts';
import type { PhaseRecord } from '../plan/runner.ts';
import { durationsOfRun, durationsStore, keepDurations } from '../plan/shards.ts';
import type { Plan } from '../plan/types.ts';

const root = join(import.meta.dirname, '..', '..');

export interface Shard {
  index: number;
  total: number;
}

export interface CertifyOutcome {
  certificate: Certificate;
  runDir: string;
  files: { json: string; html: string };
}

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const executor = () => (process.env['CI'] ? 'CI' : `${userInfo().username}@${hostname()}`);

/**
 * The overall report and each partner's. With `history` (the folder of this line of runs), each report shows the
 * trend kept in its own store, `<history>/overall` or `<history>/partner-<id>`: a partner's trend and history
 * hold only its scenarios.
 */
export async function writeHtmlReports(input: { runId: string; runDir: string; resultsDir: string; partners: PartnerResults[]; history: string | undefined; notes: string[] }): Promise<{ overall: string | undefined; partners: Record<string, string> }> {
  const { runId, runDir, history, notes } = input;
  const catalog = loadCatalog();
  const store = (report: string) => (history ? { store: join(history, report), build: runId } : undefined);
  const jobs = [
    { partner: undefined, resultsDir: input.resultsDir, out: join(runDir, 'report'), history: store('overall'), brand: undefined },
    ...input.partners.map((partner) => ({
      partner: partner.partner, resultsDir: partner.resultsDir, out: join(runDir, 'partners', partner.partner, 'report'), history: store(`partner-${partner.partner}`),
      brand: { title: partnerReportTitle(partner.name), language: 'fr' as const, logoSvg: partnerLogo(catalog, partner.partner) },
    })),
  ];
  // Two at a time: each is a Java start and a few seconds of Allure's generator. Each report's notes are kept apart, then
  // said in the reports' order, as when they were made one after the other.
  const made = await inTurns(jobs, reportsAtOnce, async (job) => {
    const own: string[] = [];
    const problem = await generateHtmlReport(job.resultsDir, job.out, { history: job.history, notes: own, ...(job.brand ? { brand: job.brand } : {}) });
    return { job, problem, own };
  });
  const reports = { overall: undefined as string | undefined, partners: {} as Record<string, string> };
  for (const { job, problem, own } of made) {
    notes.push(...own);
    if (job.partner === undefined) {
      if (problem) notes.push(`[environment] ${problem}`);
      else reports.overall = join(job.out, 'index.html');
    } else if (problem === undefined) reports.partners[job.partner] = join(job.out, 'index.html');
  }
  return reports;
}

/** HTML reports made at once: one per core of the 2-core machines this runs on; more only queue for the same cores. */
const reportsAtOnce = 2;

/** How a certification ended, for the one printer: each gate and partner, the notes, the verdict, the certificate and report. */
export function printedCertificate({ certificate, files }: CertifyOutcome, label: 'certificate' | 'merged certificate'): PrintedOutcome {
  return {
    details: [
      ...certificate.gates.map((gate) => `${gate.verdict.toUpperCase().padEnd(8)} ${gate.title}${gate.reasons.length ? `: ${gate.reasons.join('; ')}` : ''}`),
      ...certificate.partners.map((partner) => `${partner.verdict.padEnd(10)} ${partner.name}: ${partner.why}`),
    ],
    notes: certificate.notes,
    label, verdict: certificate.verdict, why: certificate.why,
    links: [{ name: 'certificate', file: files.html }, { name: 'report', file: certificate.reports.overall }],
  };
}

export async function finishCertification(input: {
  runId: string;
  runDir: string;
  plan: Plan;
  phases: PhaseRecord[];
  notes: string[];
  html: boolean;
  /** Set when a signal stopped the run (or one of the merged shards): the certificate is INTERRUPTED. */
  interrupted?: string | undefined;
  /** Where the reports' history is kept (`--history-dir`); false: none; default `<reports dir>/history`. */
  historyDir?: string | false | undefined;
  metadata: { environment: string; startedAt: string; finalVersion: string; instances: number; shard: Shard | undefined; shards?: Shard[]; split?: string };
}): Promise<CertifyOutcome> {
  const { runId, runDir, plan, phases, notes } = input;
  const resultsDir = join(runDir, 'allure-results');
  const catalog = loadCatalog();
  // What Cucumber and the platform wrote (results, attachments, logs) is masked before anything is made from it.
  const ingested = maskFolder(runDir);
  if (ingested.length > 0) notes.push(`masking: ${ingested.length} file(s) written during the run held a secret and were masked before the reports were made: ${ingested.map((f) => f.split(' ')[0]).join(', ')}`);
  const unattributed = attributeResults(resultsDir, catalog);
  // A shard exercises only part of the catalog: coverage is judged on the merged run.
  const coverage = computeCoverage(catalog, resultsDir);
  writeFileSync(join(runDir, 'coverage.json'), JSON.stringify(coverage, null, 2));
  writeFileSync(join(runDir, 'coverage.html'), renderCoverage(coverage, runId));
  const coverageLine = `${coverage.exercised}/${coverage.total} catalog entries exercised (${coverage.percent}%), allowed pairs ${coverage.pairs.coveredPairs}/${coverage.pairs.allowedPairs} (${coverage.pairs.percent}%)`;
  writeHarnessResult(resultsDir, 'Catalog coverage: every catalog entry exercised by a scenario', coverage.unexercised.length === 0 ? 'passed' : 'failed', coverage.unexercised.length === 0 ? coverageLine : `${coverageLine}; exercised by no scenario: ${coverage.unexercised.join(', ')}`, [{ name: 'suite', value: 'Coverage' }]);
  writeRunMetadata(resultsDir, { target: input.metadata.environment, plan: plan.name, 'platform.start': plan.platform.version, 'platform.final': input.metadata.finalVersion, run: runId, ...(input.interrupted ? { verdict: 'INTERRUPTED' } : {}) }, { name: executor(), buildName: runId });
  const partnerResults = splitResultsByPartner(resultsDir, join(runDir, 'partners'), catalog, runId);
  // Runs of the same plan on the same environment share a trend (a merged run is the whole plan); a shard has its own.
  const historyDir = historyRoot(dirname(runDir), input.historyDir);
  const shard = input.metadata.shard ? `-shard-${input.metadata.shard.index}-of-${input.metadata.shard.total}` : '';
  const history = historyDir ? historyStore(historyDir, input.metadata.environment, `certify-${basename(plan.file, extname(plan.file))}${shard}`) : undefined;
  // A whole run (or merged shards) measured every scenario it played: the next shards split the plan by these durations.
  const durations = input.metadata.shard ? undefined : durationsStore(dirname(runDir), input.historyDir, input.metadata.environment, plan.file);
  if (durations) keepDurations(durations, durationsOfRun(runDir));
  const reports = input.html ? await writeHtmlReports({ runId, runDir, resultsDir, partners: partnerResults, history, notes }) : { overall: undefined, partners: {} };
  for (const partner of partnerResults) {
    const files = [partner.resultsDir, reports.partners[partner.partner]].filter((f): f is string => f !== undefined);
    for (const leak of findLeaks(files, catalog, partner.partner)) notes.push(`[report] ${relative(runDir, leak.file)} (report of ${partner.partner}) names "${leak.mark}" of ${leak.owner}`);
  }
  // Second line of defence: anything derived that still holds a secret is replaced by its masked copy, and the run is INCOMPLETE.
  notes.push(...checkWrittenFiles(runDir));
  const evidence = writeManifest(runDir, (file) => file.startsWith('certificate.'));
  const proofs = Object.fromEntries(phases.map((p) => [p.id, gateEvidence(runDir, p.id)]));
  const metadata = {
    runId,
    environment: input.metadata.environment,
    plan: { name: plan.name, file: relative(root, plan.file) },
    startedAt: input.metadata.startedAt,
    endedAt: new Date().toISOString(),
    commit: commitOf(),
    harnessVersion: (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
    executor: executor(),
    node: process.version,
    platform: { startVersion: plan.platform.version, finalVersion: input.metadata.finalVersion, instances: input.metadata.instances },
    ...(input.metadata.shard ? { shard: input.metadata.shard } : {}),
    ...(input.metadata.split ? { split: input.metadata.split } : {}),
    ...(input.metadata.shards ? { shards: input.metadata.shards } : {}),
  };
  const certificate = buildCertificate({ metadata, phases, partners: partnerResults, reports, notes, evidence, gateEvidence: proofs, unattributed, interrupted: input.interrupted, coverage: { summary: coverageLine, unexercised: coverage.unexercised, report: join(runDir, 'coverage.html') } });
  const files = { json: join(runDir, 'certificate.json'), html: join(runDir, 'certificate.html') };
  writeFileSync(files.json, maskSecrets(JSON.stringify(certificate, null, 2)));
  writeFileSync(files.html, maskSecrets(renderCertificate(certificate, (path) => relative(runDir, path))));
  return { certificate, runDir, files };
}

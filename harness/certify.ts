// `certify`: plays the plan against an environment and writes the reports and the go/no-go certificate.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadCatalog } from '../catalog/index.ts';
import { startEnvironment, type StartedEnvironment } from '../environments/index.ts';
import { ConfigurationError, EnvironmentError } from '../lib/errors.ts';
import { generateHtmlReport, writeBrokenResult, writeHarnessResult, writeRunMetadata } from './allure.ts';
import type { CertifyArgs } from './certify-args.ts';
import { buildCertificate, type Certificate } from './certificate/build.ts';
import { hashEvidence } from './certificate/evidence.ts';
import { renderCertificate } from './certificate/html.ts';
import { computeCoverage } from './coverage/compute.ts';
import { renderCoverage } from './coverage/html.ts';
import { findLeaks, splitResultsByPartner } from './certificate/partners.ts';
import { scanForSecrets } from './certificate/secrets.ts';
import { playPlan, type PhaseRecord } from './plan/runner.ts';
import type { Plan } from './plan/types.ts';
import { newRunId } from './run.ts';

const root = join(import.meta.dirname, '..');

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export interface CertifyOutcome {
  certificate: Certificate;
  runDir: string;
  files: { json: string; html: string };
}

export async function certify(plan: Plan, args: CertifyArgs, log: (line: string) => void = console.log): Promise<CertifyOutcome> {
  const runId = newRunId();
  const startedAt = new Date().toISOString();
  const runDir = resolve(args.reportsDir, runId);
  const resultsDir = join(runDir, 'allure-results');
  const privateDir = join(tmpdir(), 'kw-harness', `${runId}-private`);
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(privateDir, { recursive: true, mode: 0o700 });
  const catalog = loadCatalog();
  const notes: string[] = [];
  let phases: PhaseRecord[] = [];
  let environment: StartedEnvironment | undefined;
  let finalVersion: string = plan.platform.version;
  log(`[harness] certification ${runId}: plan "${plan.name}" on ${args.env}, ${plan.phases.length} phases`);
  try {
    environment = await startEnvironment(args.env, { runId, version: plan.platform.version, instances: args.instances ?? plan.platform.instances, faults: args.faults, logDir: join(runDir, 'logs') });
    phases = await playPlan(plan, { environment, runDir, resultsDir, environmentFile: join(privateDir, 'environment.json'), parallel: args.parallel, log });
    finalVersion = environment.descriptor.platform.expectedVersion;
  } catch (error) {
    if (!(error instanceof EnvironmentError || error instanceof ConfigurationError)) throw error;
    notes.push(error.message);
    writeBrokenResult(resultsDir, 'Environment set-up', error.message);
    phases = plan.phases.map((phase) => ({ id: phase.id, title: phase.title, startedAt, endedAt: startedAt, steps: [], results: { total: 0, byStatus: {}, flaky: 0, problems: [] }, gate: { verdict: 'not-run', requires: [], reasons: [error.message] } }));
  } finally {
    if (environment) await environment.stop().catch((error: unknown) => notes.push(`[environment] tear-down: ${(error as Error).message}`));
    rmSync(privateDir, { recursive: true, force: true });
  }
  const coverage = computeCoverage(catalog, resultsDir);
  writeFileSync(join(runDir, 'coverage.json'), JSON.stringify(coverage, null, 2));
  writeFileSync(join(runDir, 'coverage.html'), renderCoverage(coverage, runId));
  const coverageLine = `${coverage.exercised}/${coverage.total} catalog entries exercised (${coverage.percent}%), allowed pairs ${coverage.pairs.coveredPairs}/${coverage.pairs.allowedPairs} (${coverage.pairs.percent}%)`;
  writeHarnessResult(resultsDir, 'Catalog coverage: every catalog entry exercised by a scenario', coverage.unexercised.length === 0 ? 'passed' : 'failed', coverage.unexercised.length === 0 ? coverageLine : `${coverageLine}; exercised by no scenario: ${coverage.unexercised.join(', ')}`, [{ name: 'suite', value: 'Coverage' }]);
  writeRunMetadata(resultsDir, { target: args.env, plan: plan.name, 'platform.start': plan.platform.version, 'platform.final': finalVersion, run: runId }, { name: process.env['CI'] ? 'CI' : `${userInfo().username}@${hostname()}`, buildName: runId });
  const reports = { overall: undefined as string | undefined, partners: {} as Record<string, string> };
  const partnerResults = splitResultsByPartner(resultsDir, join(runDir, 'partners'), catalog);
  if (args.html) {
    const problem = await generateHtmlReport(resultsDir, join(runDir, 'report'));
    if (problem) notes.push(`[environment] ${problem}`);
    else reports.overall = join(runDir, 'report', 'index.html');
    for (const partner of partnerResults) {
      const out = join(runDir, 'partners', partner.partner, 'report');
      if ((await generateHtmlReport(partner.resultsDir, out)) === undefined) reports.partners[partner.partner] = join(out, 'index.html');
    }
  }
  for (const partner of partnerResults) {
    const files = [partner.resultsDir, reports.partners[partner.partner]].filter((f): f is string => f !== undefined);
    for (const leak of findLeaks(files, catalog, partner.partner)) notes.push(`[report] ${relative(runDir, leak.file)} (report of ${partner.partner}) names "${leak.mark}" of ${leak.owner}`);
  }
  for (const secret of scanForSecrets(runDir)) notes.push(`[report] ${secret}`);
  const evidence = hashEvidence(runDir, (file) => file.startsWith('certificate.'));
  const metadata = {
    runId,
    environment: args.env,
    plan: { name: plan.name, file: relative(root, plan.file) },
    startedAt,
    endedAt: new Date().toISOString(),
    commit: commitOf(),
    harnessVersion: (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
    executor: process.env['CI'] ? 'CI' : `${userInfo().username}@${hostname()}`,
    node: process.version,
    platform: { startVersion: plan.platform.version, finalVersion, instances: args.instances ?? plan.platform.instances },
  };
  const certificate = buildCertificate({ metadata, phases, partners: partnerResults, reports, notes, evidence, coverage: { summary: coverageLine, unexercised: coverage.unexercised, report: join(runDir, 'coverage.html') } });
  const files = { json: join(runDir, 'certificate.json'), html: join(runDir, 'certificate.html') };
  writeFileSync(files.json, JSON.stringify(certificate, null, 2));
  writeFileSync(files.html, renderCertificate(certificate, (path) => relative(runDir, path)));
  return { certificate, runDir, files };
}

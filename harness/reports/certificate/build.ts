// The go/no-go certificate: each gate with its evidence and verdict, a verdict per partner, and the overall verdict.

import type { GateVerdict } from '../../plan/gates.ts';
import type { PhaseRecord } from '../../plan/runner.ts';
import { decide, type Finding, type Verdict } from '../../verdict.ts';
import type { Unattributed } from './attribution.ts';
import type { EvidenceDigest, EvidenceFile } from './evidence.ts';
import type { PartnerResults } from './partners.ts';

export type CertificateVerdict = Verdict;

export interface CertificateMetadata {
  runId: string;
  environment: string;
  plan: { name: string; file: string };
  startedAt: string;
  endedAt: string;
  commit: string;
  harnessVersion: string;
  executor: string;
  node: string;
  platform: { startVersion: string; finalVersion: string; instances: number };
  /** Set on a shard's certificate: it alone certifies nothing until merged. */
  shard?: { index: number; total: number };
  /** Set on a shard's certificate: the digest of the scenario durations it split the plan by; every shard of a run must have the same. */
  split?: string;
  /** Set on a merged certificate: the shards it was made of. */
  shards?: { index: number; total: number }[];
}

export interface PartnerVerdict {
  id: string;
  name: string;
  verdict: CertificateVerdict;
  counts: Record<string, number>;
  report: string | undefined;
  why: string;
}

export interface Certificate {
  verdict: CertificateVerdict;
  why: string;
  /** The CLI's exit code for this verdict: 0 GO, 1 NO-GO, 2 configuration, 3 environment broken, 4 incomplete otherwise, 130 interrupted. */
  exitCode: number;
  metadata: CertificateMetadata;
  gates: (Omit<PhaseRecord, 'gate'> & { verdict: GateVerdict; finding: Finding | undefined; requires: string[]; reasons: string[]; evidence: EvidenceFile[] })[];
  partners: PartnerVerdict[];
  reports: { overall: string | undefined; partners: Record<string, string> };
  coverage: CoverageSummary;
  notes: string[];
  /** The whole evidence tree: a manifest of every file with its SHA-256, and the manifest's digest. */
  evidence: EvidenceDigest;
  /** Results that name no partner (platform-wide checks, or a scenario naming none): listed, never dropped. */
  unattributed: Unattributed[];
}

export interface CoverageSummary {
  summary: string;
  unexercised: string[];
  report: string;
}

type Found = { finding: Finding; why: string };

/** The gates' findings: the failed gates named together, then the first reason of each gate left incomplete. */
function gateFindings(phases: PhaseRecord[]): Found[] {
  const failed = phases.filter((p) => p.gate.finding === 'product');
  const found: Found[] = failed.length > 0 ? [{ finding: 'product', why: `gate(s) failed: ${failed.map((p) => p.id).join(', ')}` }] : [];
  for (const p of phases) if (p.gate.finding && p.gate.finding !== 'product') found.push({ finding: p.gate.finding, why: `phase ${p.id} ${p.gate.verdict}: ${p.gate.reasons[0] ?? ''}` });
  return found;
}

/** A partner's scenario statuses over every phase, from Cucumber's messages. */
function partnerCounts(partner: string, phases: PhaseRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const phase of phases) for (const [status, n] of Object.entries(phase.results.byPartner[partner] ?? {})) counts[status] = (counts[status] ?? 0) + n;
  return counts;
}

/** A partner is certified by its own scenarios, and only if the platform-wide steps (migration, redeployment...) all succeeded. */
function partnerVerdict(partner: PartnerResults, phases: PhaseRecord[], report: string | undefined, interrupted: string | undefined): PartnerVerdict {
  const counts = partnerCounts(partner.partner, phases);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const failed = (counts['failed'] ?? 0) + (counts['flaky'] ?? 0);
  const untested = total - failed - (counts['passed'] ?? 0);
  const base = { id: partner.partner, name: partner.name, counts, report };
  if (interrupted) return { ...base, verdict: 'INTERRUPTED', why: interrupted };
  if (failed > 0) return { ...base, verdict: 'NO-GO', why: `${failed} of its ${total} scenario results failed or passed only on retry` };
  if (phases.some((p) => p.steps.some((s) => !s.step.startsWith('run ') && s.status === 'failed'))) return { ...base, verdict: 'NO-GO', why: 'a platform-wide step (migration, redeployment, ...) failed' };
  if (total === 0) return { ...base, verdict: 'INCOMPLETE', why: 'no scenario exercised this partner' };
  if (untested > 0) return { ...base, verdict: 'INCOMPLETE', why: `${untested} of its ${total} scenarios were not tested to their end (broken environment, undefined, pending or ambiguous step)` };
  if (phases.some((p) => p.gate.verdict !== 'passed' && p.gate.verdict !== 'failed')) return { ...base, verdict: 'INCOMPLETE', why: 'a phase was left incomplete' };
  return { ...base, verdict: 'GO', why: `all ${total} scenario results passed` };
}

export function buildCertificate(input: {
  metadata: CertificateMetadata;
  phases: PhaseRecord[];
  partners: PartnerResults[];
  reports: { overall: string | undefined; partners: Record<string, string> };
  coverage: CoverageSummary;
  notes: string[];
  evidence: EvidenceDigest;
  gateEvidence: Record<string, EvidenceFile[]>;
  unattributed: Unattributed[];
  /** Set when a signal stopped the run: `interrupted by SIGINT ...`; the certificate then certifies nothing. */
  interrupted?: string | undefined;
}): Certificate {
  const partners = input.partners.map((p) => partnerVerdict(p, input.phases, input.reports.partners[p.partner], input.interrupted));
  const found: Found[] = [...(input.interrupted ? [{ finding: 'interrupted' as const, why: input.interrupted }] : []), ...gateFindings(input.phases)];
  if (input.notes.some((n) => n.includes('[environment]'))) found.push({ finding: 'environment', why: 'the environment was broken during the run (see notes)' });
  const uncovered = partners.filter((p) => p.verdict === 'INCOMPLETE');
  // Certifying the platform means certifying it for every partner: one left without a verdict keeps it from GO.
  if (uncovered.length > 0) found.push({ finding: 'incomplete', why: `no verdict for partner(s) ${uncovered.map((p) => p.name).join(', ')}` });
  const shards = input.metadata.shards;
  if (shards && shards.length < (shards[0]?.total ?? 0)) found.push({ finding: 'incomplete', why: `only ${shards.length} of ${shards[0]?.total} shards were merged` });
  if (input.metadata.shard) found.push({ finding: 'incomplete', why: `shard ${input.metadata.shard.index}/${input.metadata.shard.total} alone: merge every shard (node harness/cli.ts merge ...)` });
  if (input.coverage.unexercised.length > 0) found.push({ finding: 'incomplete', why: `${input.coverage.unexercised.length} catalog entries exercised by no scenario` });
  if (input.notes.some((n) => n.startsWith('[report]'))) found.push({ finding: 'incomplete', why: 'a report leaks a secret or another partner\'s data (see notes)' });
  const { verdict, why, exitCode } = decide(found, 'every phase ran and passed its gate');
  return {
    verdict,
    why,
    exitCode,
    metadata: input.metadata,
    gates: input.phases.map(({ gate, ...phase }) => ({ ...phase, verdict: gate.verdict, finding: gate.finding, requires: gate.requires, reasons: gate.reasons, evidence: input.gateEvidence[phase.id] ?? [] })),
    partners,
    reports: input.reports,
    coverage: input.coverage,
    notes: input.notes,
    evidence: input.evidence,
    unattributed: input.unattributed,
  };
}

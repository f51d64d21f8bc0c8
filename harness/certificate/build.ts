// The go/no-go certificate: each gate with its evidence and verdict, a verdict per partner, and the overall verdict.

import type { GateVerdict } from '../plan/gates.ts';
import type { PhaseRecord } from '../plan/runner.ts';
import type { Unattributed } from './attribution.ts';
import type { EvidenceDigest, EvidenceFile } from './evidence.ts';
import type { PartnerResults } from './partners.ts';

export type CertificateVerdict = 'GO' | 'NO-GO' | 'INCOMPLETE';

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
  metadata: CertificateMetadata;
  gates: (Omit<PhaseRecord, 'gate'> & { verdict: GateVerdict; requires: string[]; reasons: string[]; evidence: EvidenceFile[] })[];
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

function overall(phases: PhaseRecord[], notes: string[]): { verdict: CertificateVerdict; why: string } {
  const failed = phases.filter((p) => p.gate.verdict === 'failed');
  if (failed.length > 0) return { verdict: 'NO-GO', why: `gate(s) failed: ${failed.map((p) => p.id).join(', ')}` };
  const notRun = phases.filter((p) => p.gate.verdict === 'not-run');
  if (notRun.length > 0) return { verdict: 'INCOMPLETE', why: `phase(s) could not run: ${notRun.map((p) => p.id).join(', ')}` };
  if (notes.some((n) => n.includes('[environment]'))) return { verdict: 'INCOMPLETE', why: 'the environment was broken during the run (see notes)' };
  return { verdict: 'GO', why: 'every phase ran and passed its gate' };
}

/** A partner is certified by its own scenarios, and only if the platform-wide steps (migration, redeployment...) all succeeded. */
function partnerVerdict(partner: PartnerResults, phases: PhaseRecord[], report: string | undefined): PartnerVerdict {
  const platformStepsFailed = phases.some((p) => p.steps.some((s) => !s.step.startsWith('run ') && s.status !== 'passed'));
  const total = Object.values(partner.counts).reduce((a, b) => a + b, 0);
  const bad = total - (partner.counts['passed'] ?? 0);
  const base = { id: partner.partner, name: partner.name, counts: partner.counts, report };
  if (bad > 0) return { ...base, verdict: 'NO-GO', why: `${bad} of its ${total} scenario results did not pass` };
  if (platformStepsFailed) return { ...base, verdict: 'NO-GO', why: 'a platform-wide step (migration, redeployment, ...) failed' };
  if (total === 0) return { ...base, verdict: 'INCOMPLETE', why: 'no scenario exercised this partner' };
  if (phases.some((p) => p.gate.verdict === 'not-run')) return { ...base, verdict: 'INCOMPLETE', why: 'a phase could not run' };
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
}): Certificate {
  const partners = input.partners.map((p) => partnerVerdict(p, input.phases, input.reports.partners[p.partner]));
  let { verdict, why } = overall(input.phases, input.notes);
  const uncovered = partners.filter((p) => p.verdict === 'INCOMPLETE');
  // Certifying the platform means certifying it for every partner: one left unexercised keeps it from GO.
  if (verdict === 'GO' && uncovered.length > 0) ({ verdict, why } = { verdict: 'INCOMPLETE', why: `no verdict for partner(s) ${uncovered.map((p) => p.name).join(', ')}` });
  const shards = input.metadata.shards;
  if (verdict === 'GO' && shards && shards.length < (shards[0]?.total ?? 0)) ({ verdict, why } = { verdict: 'INCOMPLETE', why: `only ${shards.length} of ${shards[0]?.total} shards were merged` });
  if (verdict === 'GO' && input.metadata.shard) ({ verdict, why } = { verdict: 'INCOMPLETE', why: `shard ${input.metadata.shard.index}/${input.metadata.shard.total} alone: merge every shard (node harness/cli.ts merge ...)` });
  if (verdict === 'GO' && input.coverage.unexercised.length > 0) ({ verdict, why } = { verdict: 'INCOMPLETE', why: `${input.coverage.unexercised.length} catalog entries exercised by no scenario` });
  if (verdict === 'GO' && input.notes.some((n) => n.startsWith('[report]'))) ({ verdict, why } = { verdict: 'INCOMPLETE', why: 'a report leaks a secret or another partner\'s data (see notes)' });
  return {
    verdict,
    why,
    metadata: input.metadata,
    gates: input.phases.map(({ gate, ...phase }) => ({ ...phase, verdict: gate.verdict, requires: gate.requires, reasons: gate.reasons, evidence: input.gateEvidence[phase.id] ?? [] })),
    partners,
    reports: input.reports,
    coverage: input.coverage,
    notes: input.notes,
    evidence: input.evidence,
    unattributed: input.unattributed,
  };
}

// Each mutant judged by a certification: killed (NO-GO naming what broke), survived (GO), or neither (INCOMPLETE, interrupted, timed out); and the score with its Wilson interval.

import type { Certificate } from '../reports/certificate/build.ts';

export type Outcome = 'killed' | 'survived' | 'incomplete' | 'timeout';

export interface Judgement {
  outcome: Outcome;
  verdict: string;
  /** Killed: the failed gates' reasons (first line each). Otherwise: why it is neither killed nor survived. */
  why: string[];
}

/**
 * A mutant is killed only when the certification says NO-GO and a failed gate names what broke; it survived when the
 * certification says GO. A fast plan cannot say GO: it leaves partners and catalog entries unexercised, so its clean run is
 * INCOMPLETE with every gate passed. Against such a clean run, a mutant's run that passed every gate and ends INCOMPLETE for
 * the very same reason (same partners without a verdict, same catalog entries unexercised) survived too (nothing the plan checks saw it). Anything else (another INCOMPLETE, INTERRUPTED, no
 * certificate, a NO-GO naming nothing, the deadline) says nothing of the mutant and is counted apart, never as killed.
 */
export function judge(certificate: Certificate | undefined, timedOut: boolean, clean?: Certificate): Judgement {
  if (timedOut) return { outcome: 'timeout', verdict: certificate?.verdict ?? 'none', why: ['the certification did not end before the deadline'] };
  if (!certificate) return { outcome: 'incomplete', verdict: 'none', why: ['no certificate: the certification did not finish'] };
  if (certificate.verdict === 'GO') return { outcome: 'survived', verdict: 'GO', why: [certificate.why] };
  if (certificate.verdict === 'NO-GO') {
    const reasons = certificate.gates.filter((g) => g.verdict === 'failed').flatMap((g) => g.reasons.filter((r) => r.trim() !== '').map((r) => `${g.id}: ${r.split('\n')[0]?.trim() ?? ''}`));
    if (reasons.length > 0) return { outcome: 'killed', verdict: 'NO-GO', why: reasons };
    return { outcome: 'incomplete', verdict: 'NO-GO', why: [`a NO-GO whose failed gates name nothing (${certificate.why})`] };
  }
  if (clean && onlyOutOfScope(clean) && onlyOutOfScope(certificate) && scopeOf(certificate) === scopeOf(clean)) {
    return { outcome: 'survived', verdict: certificate.verdict, why: [`every gate passed, as in the clean run (${certificate.why})`] };
  }
  return { outcome: 'incomplete', verdict: certificate.verdict, why: [certificate.why] };
}

/** INCOMPLETE with every gate passed: only the plan's scope (partners or catalog entries it does not exercise) kept it from GO. */
export function onlyOutOfScope(certificate: Certificate): boolean {
  return certificate.verdict === 'INCOMPLETE' && certificate.gates.length > 0 && certificate.gates.every((g) => g.verdict === 'passed') && !certificate.notes.some((n) => n.includes('[environment]'));
}

export interface Interval {
  low: number;
  high: number;
}

/** The Wilson score interval of k successes in n trials (95% with z = 1.96); undefined when n is 0. */
export function wilson(k: number, n: number, z = 1.96): Interval | undefined {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) throw new RangeError(`wilson: need whole numbers 0 <= k <= n (got k=${k}, n=${n})`);
  if (n === 0) return undefined;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Score {
  counts: Record<Outcome, number>;
  /** killed / (killed + survived); undefined when no mutant was judged either way. */
  score: number | undefined;
  interval: Interval | undefined;
}

export function scoreOf(outcomes: readonly Outcome[]): Score {
  const counts: Record<Outcome, number> = { killed: 0, survived: 0, incomplete: 0, timeout: 0 };
  for (const o of outcomes) counts[o]++;
  const judged = counts.killed + counts.survived;
  return { counts, score: judged === 0 ? undefined : counts.killed / judged, interval: wilson(counts.killed, judged) };
}

export function percent(x: number | undefined): string {
  return x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

/** What a fast plan leaves out: the reason, the partners without a verdict, the catalog entries no scenario exercised. */
function scopeOf(certificate: Certificate): string {
  return JSON.stringify([certificate.verdict, certificate.why, certificate.partners.filter((p) => p.verdict !== 'GO').map((p) => `${p.id}:${p.verdict}`), [...certificate.coverage.unexercised].sort()]);
}

/** A run that never produced a certificate, or whose certificate says the environment was broken (exit 3), said nothing of the mutant: it is worth one more try. */
export function brokenEnvironment(certificate: Certificate | undefined, timedOut: boolean): boolean {
  return !timedOut && (certificate === undefined || certificate.exitCode === 3);
}

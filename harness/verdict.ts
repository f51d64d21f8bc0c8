// One exit vocabulary for run, certify and merge: what was found decides the verdict word and the exit code.

export type Verdict = 'GO' | 'NO-GO' | 'INCOMPLETE' | 'INTERRUPTED';

/**
 * Why a run is not GO. `product`: a product assertion failed. `configuration`: bad input. `environment`: the
 * environment was broken, so the product was not tested. `incomplete`: anything else that leaves the product
 * untested (an undefined, pending or ambiguous step, a partner or catalog entry exercised by nothing, a missing shard).
 */
export type Finding = 'interrupted' | 'product' | 'configuration' | 'environment' | 'incomplete';

/** Precedence, first wins: an interruption certifies nothing; a product defect seen is a NO-GO even beside a broken environment. */
const precedence: Finding[] = ['interrupted', 'product', 'configuration', 'environment', 'incomplete'];

export const exitCodes: Record<Finding | 'go', number> = { go: 0, product: 1, configuration: 2, environment: 3, incomplete: 4, interrupted: 130 };

const words: Record<Finding, Verdict> = { interrupted: 'INTERRUPTED', product: 'NO-GO', configuration: 'INCOMPLETE', environment: 'INCOMPLETE', incomplete: 'INCOMPLETE' };

export interface Decision {
  verdict: Verdict;
  exitCode: number;
  /** The finding that decided it; undefined for GO. */
  cause: Finding | undefined;
  why: string;
}

/** The verdict of a list of findings, each with its reason; the reason shown is the first of the deciding kind. */
export function decide(findings: { finding: Finding; why: string }[], goWhy: string): Decision {
  for (const finding of precedence) {
    const first = findings.find((f) => f.finding === finding);
    if (first) return { verdict: words[finding], exitCode: exitCodes[finding], cause: finding, why: first.why };
  }
  return { verdict: 'GO', exitCode: exitCodes.go, cause: undefined, why: goWhy };
}

/** Findings sorted so the deciding ones come first (a stable sort: their own order otherwise). */
export function byPrecedence<T extends { finding: Finding }>(findings: T[]): T[] {
  return [...findings].sort((a, b) => precedence.indexOf(a.finding) - precedence.indexOf(b.finding));
}

/** The reason given for an interruption; its mark survives into a shard's certificate, so a merge knows it too. */
export const interruptedBy = (signal: string) => `[interrupted] by ${signal}: the run stopped there, its results are partial and certify nothing`;

/** The finding an error message carries: EnvironmentError and ConfigurationError prefix theirs, an interruption too. */
export function findingOfMessage(message: string): Finding | undefined {
  if (message.includes('[interrupted]')) return 'interrupted';
  if (message.includes('[environment]')) return 'environment';
  if (message.includes('[configuration]')) return 'configuration';
  return undefined;
}
